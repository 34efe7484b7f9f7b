// The translation registry's public API, re-exported by the SDK's browser and server entries.
export {
  BUILT_IN_LOCALES,
  registerLocale,
  texts,
  localeChain,
  normalizeTag,
  languageOf,
  onLocalesChange,
  addLocaleLoader,
  loadLocale,
  registeredLocales,
  registeredTables,
  type Namespace,
  type LocaleTables,
  type LocaleLoader,
} from './registry.js';
export { format, formatNumber, formatDuration, intlLocale, preparePlurals } from './format.js';
export { formatDate, formatDay } from './format-date.js';
export type { Namespaces } from './namespaces.js';
export type { Table, PartialTable, Plural, PluralCategory, Text } from './table.js';
