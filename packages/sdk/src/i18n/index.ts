export { resolveLocale, localize, exactText, messages, formatMessage, countryName, countryList, errorMessage, type Messages, type CountryEntry } from './resolve.js';
export { configIssueMessage } from './issues.js';
export { core as en } from './locales/en/core.js';
export { core as fr } from './locales/fr/core.js';
