export { resolveLocale, localize, messages, formatMessage, countryName, errorMessage } from './resolve.js';
export type { Messages } from './en.js';
export { en } from './en.js';
export { fr } from './fr.js';
