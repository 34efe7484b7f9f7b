/** The values of the catalog's `legalForm` options a company directory can name. */
export type LegalForm = 'SARL' | 'SAS' | 'SASU' | 'SA' | 'EURL' | 'EI' | 'SNC' | 'association' | 'other';

/** A postal address as the form's `street`, `postalCode`, `city` and `country` fields take it. */
export interface LookupAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2 (`FR` for the French directory). */
  readonly country: string;
}

/**
 * What `GET {base}/lookup/company?siret=…` answers: the company a SIRET belongs to, as a public
 * directory lists it. Only `siret`, `siren` and `closed` are always there: a directory may keep the
 * rest of a company private (sole traders who opted out of publication).
 */
export interface CompanyLookup {
  /** The establishment number asked for, 14 digits. */
  readonly siret: string;
  /** The company number (the SIRET's first 9 digits). */
  readonly siren: string;
  /** The registered name (raison sociale), or the full name of a sole trader. */
  readonly name?: string;
  /** The catalog option matching the directory's legal category; `other` when none does. */
  readonly legalForm?: LegalForm;
  /** The registered office's address (siège social), which may differ from the establishment's. */
  readonly address?: LookupAddress;
  /** True when the directory lists this establishment, or the whole company, as closed. */
  readonly closed: boolean;
}

/** One suggestion of `GET {base}/lookup/address?q=…`: what choosing it fills in. */
export interface AddressSuggestion {
  /** The whole address on one line, for the list of suggestions. */
  readonly label: string;
  /** House number and street (or locality), for the `street` field. */
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
}

/** What `GET {base}/lookup` answers: which lookups the server has turned on. */
export interface LookupCapabilities {
  /** `GET {base}/lookup/company` answers (a company directory is configured). */
  readonly company: boolean;
  /** `GET {base}/lookup/address` answers (an address search is configured). */
  readonly address: boolean;
}
