export { resolveLocale, localize, messages, formatMessage, countryName, errorMessage, configIssueMessage } from './resolve.js';
export type { Messages, ConfigIssueMessages } from './en.js';
export { en } from './en.js';
export { fr } from './fr.js';
