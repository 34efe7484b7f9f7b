/**
 * Where the VIES check of a request's VAT number stands: `pending` (queued, not answered yet),
 * `valid` / `invalid` (VIES answered), `unavailable` (VIES could not answer; retried with a
 * backoff), `not-applicable` (no VAT number).
 */
export type VatCheckState = 'pending' | 'valid' | 'invalid' | 'unavailable' | 'not-applicable';

/** Every {@link VatCheckState}, in the order a back office lists them. */
export const VAT_CHECK_STATES: readonly VatCheckState[] = ['pending', 'valid', 'invalid', 'unavailable', 'not-applicable'];

/** The VIES check of a request's VAT number, kept on the request (`vatCheck`); never shown to the applicant. */
export interface VatCheck {
  readonly state: VatCheckState;
  /** The number checked, compact (`FR40303265045`). */
  readonly vatNumber?: string;
  /** When VIES answered (its own date when it gives one), or when it last failed to. */
  readonly checkedAt?: string;
  /** The registered name and address, when the member state discloses them. */
  readonly name?: string;
  readonly address?: string;
  /** VIES's consultation number (`requestIdentifier`), when the shop named itself as requester. */
  readonly consultationNumber?: string;
  /** Why VIES could not answer (`MS_UNAVAILABLE`, `timeout`…), while `unavailable`. */
  readonly reason?: string;
}

/**
 * Where the register check of a request's SIRET stands: `pending`, `open` / `closed` (the
 * directory lists the establishment, open or closed), `not-found`, `unavailable` (retried),
 * `not-applicable` (no SIRET).
 */
export type SiretCheckState = 'pending' | 'open' | 'closed' | 'not-found' | 'unavailable' | 'not-applicable';

/** The register check of a request's SIRET, kept on the request (`siretCheck`); a closed establishment is flagged, never refused. */
export interface SiretCheck {
  readonly state: SiretCheckState;
  readonly checkedAt?: string;
  /** The name the register gives, to compare with the one entered. */
  readonly name?: string;
  readonly reason?: string;
}

/** What a check job checks. */
export type CheckKind = 'vat' | 'siret';

/** Delivery-like state of a check job: `done` once answered, `failed` once every attempt is spent. */
export type CheckJobState = 'pending' | 'done' | 'failed';

/**
 * One check of one request, as the store keeps it (one row per request and kind): written with
 * the request in the same transaction, claimed with a lock by a worker, retried with a backoff.
 */
export interface CheckJob {
  readonly requestId: string;
  readonly kind: CheckKind;
  readonly state: CheckJobState;
  readonly attempts: number;
  readonly createdAt: string;
  /** When the next attempt is due (pending only). */
  readonly nextAttemptAt: string;
  /** A worker holds the job until then; the instant also identifies its claim. */
  readonly lockedUntil?: string;
  readonly lastError?: string;
}

/** The outcome of one attempt, as {@link CheckStore.finishCheck} records it. */
export type CheckOutcome =
  | { readonly state: 'done'; readonly at: string }
  | { readonly state: 'pending'; readonly at: string; readonly error: string; readonly nextAttemptAt: string }
  | { readonly state: 'failed'; readonly at: string; readonly error: string };

/** What an attempt writes on its request: the check of its kind. */
export type CheckResult = { readonly vatCheck: VatCheck } | { readonly siretCheck: SiretCheck };

/** True for one of the {@link VatCheckState} values. */
export function isVatCheckState(value: unknown): value is VatCheckState {
  return typeof value === 'string' && (VAT_CHECK_STATES as readonly string[]).includes(value);
}
