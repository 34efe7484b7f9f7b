export type { AddressSuggestion, CompanyLookup, LegalForm, LookupAddress, LookupCapabilities } from './types.js';
export { frenchVatFromSiren, identifierWarnings, sirenOfSiret, type IdentifierWarning, type IdentifierWarningCode } from './vat-derivation.js';
