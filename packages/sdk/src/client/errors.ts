import { AccountRequestError } from '../errors.js';
import type { FieldError } from '../types.js';

/** Where an HTTP failure happened: what a `ConfigLoadError`, `ConfigSaveError` or `SubmissionError` is built from. */
export interface HttpFailure {
  readonly url: string;
  /** HTTP status, absent for network failures and timeouts. */
  readonly status?: number;
  readonly cause?: unknown;
}

// One test for every guard below: by `name`, so it holds across bundles and realms.
const named =
  <T extends Error>(name: string) =>
  (error: unknown): error is T =>
    error instanceof Error && error.name === name;

/** What every HTTP failure of the client carries: where it happened and the status. */
class HttpError extends AccountRequestError {
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, failure: HttpFailure) {
    super(message, failure);
    this.url = failure.url;
    this.status = failure.status;
  }
}

/** The config could not be fetched: network failure, timeout or an HTTP error status. */
export class ConfigLoadError extends HttpError {
  override readonly name = 'ConfigLoadError';
}

/** A config save was refused with 412: someone saved another version since it was loaded. Reload, reapply, save. */
export class ConflictError extends HttpError {
  override readonly name = 'ConflictError';
  declare readonly status: 412;

  constructor(url: string, options?: { cause?: unknown }) {
    super('The config changed on the server since it was loaded', { ...options, url, status: 412 });
  }
}

/** A config save failed for another reason than a conflict or an invalid config (401, 403, 5xx, network). */
export class ConfigSaveError extends HttpError {
  override readonly name = 'ConfigSaveError';
}

/** Why a submission failed, broadly: fields to fix, a network problem, or a server refusal. */
export type SubmissionErrorKind = 'validation' | 'network' | 'server';

/**
 * Why a submission failed, in the words a form needs: `validation` (422 with field errors),
 * `offline` (no answer), `timeout` (none in time, or a 408), `rate-limited` (429), `server`
 * (5xx), `lost` (a 2xx whose body could not be read: the request exists), `key-reused` (a 422
 * without field errors: the handler's answer to an Idempotency-Key sent again with another
 * body), `bot-check` (a 403 of the handler's bot check: the solution was missing, expired, used
 * or invalid; a new one may pass), `rejected` (any other refusal: 403, 413…).
 */
export type SubmissionFailureReason = 'validation' | 'offline' | 'timeout' | 'rate-limited' | 'server' | 'lost' | 'key-reused' | 'bot-check' | 'rejected';

/**
 * Which refusal a `rejected` or `key-reused` failure is, when the handler said so: `closed`
 * (the form's `enabled` is off), `cross-site` (a page of another site sent it), `too-large`
 * (413), `key-reused`, `link-gone` (the invitation or correction link the form answers was used,
 * expired, withdrawn or unknown). A form words these itself in the person's language; any other
 * refusal has only the server's own `message`.
 */
export type SubmissionRefusal = 'closed' | 'cross-site' | 'too-large' | 'key-reused' | 'link-gone';

/** Details of a {@link SubmissionError}. */
export interface SubmissionFailure extends HttpFailure {
  readonly reason: SubmissionFailureReason;
  readonly refusal?: SubmissionRefusal;
  readonly errors?: readonly FieldError[];
  /** Seconds to wait, from `Retry-After` (429, 503). */
  readonly retryAfter?: number;
}

const KIND: Readonly<Record<SubmissionFailureReason, SubmissionErrorKind>> = {
  validation: 'validation',
  offline: 'network',
  timeout: 'network',
  'rate-limited': 'server',
  server: 'server',
  lost: 'server',
  'key-reused': 'server',
  'bot-check': 'server',
  rejected: 'server',
};
// Sent again with the same key, the request may succeed: the failure was no answer to it (or,
// for the bot check, to its solution, which the form solves again).
const RETRYABLE: ReadonlySet<SubmissionFailureReason> = new Set(['offline', 'timeout', 'rate-limited', 'server', 'lost', 'bot-check']);
/** Statuses that say "not now" rather than "no": the same request may pass in a moment (and the client retries them). */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

/**
 * A submission failed. `kind` says what a form should do: `validation` → show `errors` on their
 * fields; `network` → offer to retry (same idempotency key); `server` → show a general message
 * (`status` says which; `retryAfter` when the server asked to wait). `reason` says why, finer;
 * `retryable` whether sending it again may succeed, `transient` whether that may be within
 * seconds (worth an automatic retry).
 */
export class SubmissionError extends HttpError {
  override readonly name = 'SubmissionError';
  readonly kind: SubmissionErrorKind;
  readonly reason: SubmissionFailureReason;
  /** Sending the same request again (same Idempotency-Key) may succeed: offline, timeout, rate-limited, server, lost, bot-check (with a new solution). */
  readonly retryable: boolean;
  /** A retryable failure that may pass within seconds: no answer, 408, 429, 502, 503, 504 (not 500, nor a lost answer). */
  readonly transient: boolean;
  readonly errors: readonly FieldError[];
  readonly retryAfter: number | undefined;
  /** The refusal the handler named, for `rejected` and `key-reused` failures (see {@link SubmissionRefusal}). */
  readonly refusal: SubmissionRefusal | undefined;

  constructor(message: string, failure: SubmissionFailure) {
    super(message, failure);
    this.reason = failure.reason;
    this.refusal = failure.refusal;
    this.kind = KIND[failure.reason];
    this.retryable = RETRYABLE.has(failure.reason);
    // No status: no answer at all (network failure, timeout).
    this.transient = this.retryable && failure.reason !== 'lost' && (failure.status === undefined || TRANSIENT_STATUSES.includes(failure.status));
    this.errors = failure.errors ?? [];
    this.retryAfter = failure.retryAfter;
  }
}

/** True when the caller's own `AbortSignal` stopped a request: that is passed through as is, not wrapped. */
export const isAbortError: (error: unknown) => boolean = named('AbortError');

/** True for a {@link ConfigLoadError}, also across bundles where `instanceof` fails. */
export const isConfigLoadError: (error: unknown) => error is ConfigLoadError = named('ConfigLoadError');

/** True for a {@link ConflictError}, also across bundles. */
export const isConflictError: (error: unknown) => error is ConflictError = named('ConflictError');

/** True for a {@link ConfigSaveError}, also across bundles. */
export const isConfigSaveError: (error: unknown) => error is ConfigSaveError = named('ConfigSaveError');

/** True for a {@link SubmissionError}, also across bundles. */
export const isSubmissionError: (error: unknown) => error is SubmissionError = named('SubmissionError');
