import type { AddressSuggestion, CompanyLookup } from '../../lookups/types.js';

/** What every lookup adapter takes besides its input. */
export interface LookupCallOptions {
  /** Aborts the lookup (the applicant typed on, the request ended). */
  readonly signal?: AbortSignal;
  /** Ask the service even when a recent answer is cached (an admin checking again). */
  readonly fresh?: boolean;
}

/**
 * A company directory: finds the company and establishment of a SIRET. The handler's
 * `lookups.company` (public prefill route) and `checks.company` (the register check of stored
 * requests) take one; `createRechercheEntreprisesDirectory` is the French government's, and any
 * other directory (a commercial one, a cache of your own) can implement this.
 */
export interface CompanyDirectory {
  /**
   * The company of `siret` (14 digits, already checked), or `undefined` when the directory
   * does not know it. Rejects (with a `LookupServiceError` for the built-in adapters) when it
   * cannot answer: the handler then answers 503 or 504, and a register check is retried.
   */
  lookupCompany(siret: string, options?: LookupCallOptions): Promise<CompanyLookup | undefined>;
}

/** An address search for the street field (`lookups.address`); `createApiAdresseSearch` is the French national one. */
export interface AddressSearch {
  /**
   * Up to `limit` addresses matching `query` (3 to 200 characters), best first; none is an
   * empty list. Rejects when the service cannot answer.
   */
  searchAddress(query: string, options?: LookupCallOptions & { readonly limit?: number }): Promise<readonly AddressSuggestion[]>;
}

/** What a VAT check answered. */
export type VatCheckAnswer =
  | {
      readonly state: 'valid' | 'invalid';
      /** When the registry answered (VIES's own date when it gives one), ISO 8601. */
      readonly checkedAt: string;
      /** The registered name and address, when the member state discloses them. */
      readonly name?: string;
      readonly address?: string;
      /** The consultation number VIES gives when the request names a requester: proof of the check. */
      readonly consultationNumber?: string;
    }
  /** The registry could not say now (a member state down, too many requests): try again later. */
  | {
      readonly state: 'unavailable';
      readonly reason: string;
      /**
       * No later try can help: the registry refused what the checker itself sent (VIES's
       * `INVALID_REQUESTER_INFO`, a wrong `requester`). The check is not retried.
       */
      readonly final?: boolean;
    };

/**
 * Checks an intra-EU VAT number against a registry (`checks.vat`); `createViesChecker` asks the
 * European Commission's VIES. Resolves `unavailable` (or rejects) when no answer can be had
 * now: the check of a stored request is then retried with a backoff, unless the answer is `final`.
 */
export interface VatChecker {
  /** `vatNumber` is compact, its two-letter prefix first (`FR40303265045`, `EL…` for Greece). */
  checkVat(vatNumber: string, options?: LookupCallOptions): Promise<VatCheckAnswer>;
}
