/**
 * English words of the company and address lookups in the form: the offer to fill in a
 * company's details from its SIRET, the derived VAT number, the warnings about identifiers
 * (`identifierWarnings` codes) and the address suggestions. `{fields}` is a list of field
 * labels, `{vat}` a VAT number, `{siren}` a company number, `{count}` a number.
 */
export const lookups = {
  /** Said once a valid SIRET was found in the register, above the details found. */
  found: 'We found this company in the French business register.',
  /** The question under the details found. */
  offer: 'Fill in the company details with this information?',
  /** The label of the registered office's address among the details found. */
  registeredOffice: 'Registered office',
  accept: 'Fill in',
  decline: 'No, thanks',
  /** Asked before replacing anything the applicant typed. */
  replace: 'This replaces what you entered in: {fields}. Replace it?',
  replaceAccept: 'Replace',
  replaceKeep: 'Keep my entries',
  /** Announced politely once fields were filled. */
  filled: { one: '{count} field was filled in.', other: '{count} fields were filled in.' },
  /** The establishment is listed as closed: pointed out, never blocking. */
  closed: 'The register lists this establishment as closed. Please check the SIRET number; you can still send your request.',
  /** The VAT number derived from the SIRET, offered while the VAT field is empty. */
  vatOffer: 'Your intra-EU VAT number should be {vat}. Use it?',
  vatAccept: 'Use this number',
  /** One text per `IdentifierWarningCode`: shown beside the field, never refusing the request. */
  warnings: {
    vat_siren_mismatch: 'This VAT number does not match the SIRET number (company number {siren}). Please check both; you can still send your request.',
  },
  /** Accessible name of the list of address suggestions. */
  suggestionsLabel: 'Address suggestions',
  /** Announced when the suggestions change. */
  suggestions: {
    one: '{count} address suggestion. Use the up and down arrow keys to choose.',
    other: '{count} address suggestions. Use the up and down arrow keys to choose.',
  },
  noSuggestion: 'No address suggestion.',
  /** Announced once a suggestion was chosen. */
  addressFilled: 'Street, postal code and city were filled in.',
};
