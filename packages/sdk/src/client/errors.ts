import { AccountRequestError } from '../errors.js';
import type { FieldError } from '../types.js';

/** Where an HTTP failure happened. */
interface HttpFailure {
  readonly url: string;
  /** HTTP status, absent for network failures and timeouts. */
  readonly status?: number;
  readonly cause?: unknown;
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** The config could not be fetched: network failure, timeout or an HTTP error status. */
export class ConfigLoadError extends AccountRequestError {
  override readonly name = 'ConfigLoadError';
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, failure: HttpFailure) {
    super(message, { cause: failure.cause });
    this.url = failure.url;
    this.status = failure.status;
  }
}

/** A config save was refused with 412: someone saved another version since it was loaded. Reload, reapply, save. */
export class ConflictError extends AccountRequestError {
  override readonly name = 'ConflictError';
  readonly url: string;
  readonly status = 412;

  constructor(url: string, options?: { cause?: unknown }) {
    super('The config changed on the server since it was loaded', options);
    this.url = url;
  }
}

/** A config save failed for another reason than a conflict or an invalid config (401, 403, 5xx, network). */
export class ConfigSaveError extends AccountRequestError {
  override readonly name = 'ConfigSaveError';
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, failure: HttpFailure) {
    super(message, { cause: failure.cause });
    this.url = failure.url;
    this.status = failure.status;
  }
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
export class SubmissionError extends AccountRequestError {
  override readonly name = 'SubmissionError';
  readonly kind: SubmissionErrorKind;
  readonly url: string;
  readonly status: number | undefined;
  readonly errors: readonly FieldError[];
  readonly retryAfter: number | undefined;

  constructor(message: string, failure: SubmissionFailure) {
    super(message, { cause: failure.cause });
    this.kind = failure.kind;
    this.url = failure.url;
    this.status = failure.status;
    this.errors = failure.errors ?? [];
    this.retryAfter = failure.retryAfter;
  }
}

/** True for a {@link ConfigLoadError}, also across bundles where `instanceof` fails. */
export function isConfigLoadError(error: unknown): error is ConfigLoadError {
  return hasName(error, 'ConfigLoadError');
}

/** True for a {@link ConflictError}, also across bundles. */
export function isConflictError(error: unknown): error is ConflictError {
  return hasName(error, 'ConflictError');
}

/** True for a {@link ConfigSaveError}, also across bundles. */
export function isConfigSaveError(error: unknown): error is ConfigSaveError {
  return hasName(error, 'ConfigSaveError');
}

/** True for a {@link SubmissionError}, also across bundles. */
export function isSubmissionError(error: unknown): error is SubmissionError {
  return hasName(error, 'SubmissionError');
}
