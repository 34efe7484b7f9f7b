export type * from './types.js';
export { FIELD_CATALOG, getCatalogField, isCatalogFieldId, DEFAULT_COUNTRY, HONEYPOT_FIELD } from './catalog.js';
export { AccountRequestError } from './errors.js';
export * from './validation/validators/index.js';
