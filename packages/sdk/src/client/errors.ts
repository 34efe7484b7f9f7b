import { AccountRequestError } from '../errors.js';
import type { FieldError } from '../types.js';

/** Where an HTTP failure happened. */
interface HttpFailure {
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

/** Why a submission failed: fields to fix, a network problem, or a server refusal. */
export type SubmissionErrorKind = 'validation' | 'network' | 'server';

/** Details of a {@link SubmissionError}. */
export interface SubmissionFailure extends HttpFailure {
  readonly kind: SubmissionErrorKind;
  readonly errors?: readonly FieldError[];
  /** Seconds to wait, from `Retry-After` (429, 503). */
  readonly retryAfter?: number;
}

/**
 * A submission failed. `kind` says what a form should do: `validation` → show `errors` on their
 * fields; `network` → offer to retry (same idempotency key); `server` → show a general message
 * (`status` says which; `retryAfter` when the server asked to wait).
 */
export class SubmissionError extends HttpError {
  override readonly name = 'SubmissionError';
  readonly kind: SubmissionErrorKind;
  readonly errors: readonly FieldError[];
  readonly retryAfter: number | undefined;

  constructor(message: string, failure: SubmissionFailure) {
    super(message, failure);
    this.kind = failure.kind;
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
