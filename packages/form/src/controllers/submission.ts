import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createIdempotencyKey } from '@account-request/sdk';
import type { FieldError, SubmissionResult } from '@account-request/sdk';
import type { SubmissionErrorKind } from '../events/error.js';
import type { FailureReason as NetworkReason } from '../i18n.js';

/** The submission state machine: idle → submitting → succeeded | failed-retryable | failed. */
export type SubmissionStatus = 'idle' | 'submitting' | 'succeeded' | 'failed-retryable' | 'failed';

/** Why the last attempt failed: fields to fix, or a reason the status line words. */
export type FailureReason = 'validation' | NetworkReason;

/** What went wrong, classified once so the element only has to display it. */
export interface Failure {
  readonly error: Error;
  readonly kind: SubmissionErrorKind;
  readonly reason: FailureReason;
  readonly errors: readonly FieldError[];
  /** Seconds to wait before a retry (429 `Retry-After`). */
  readonly retryAfter?: number;
}

/** Reads the SDK's `SubmissionError` by its stable `name` (works across bundles). */
export function classifyFailure(error: unknown): Failure {
  const err = error instanceof Error ? error : new Error(String(error));
  const fields = err as Error & { kind?: unknown; status?: unknown; errors?: unknown; retryAfter?: unknown; cause?: unknown };
  if (err.name !== 'SubmissionError') return { error: err, kind: 'network', reason: 'offline', errors: [] };
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  const errors = Array.isArray(fields.errors) ? (fields.errors as FieldError[]) : [];
  if (fields.kind === 'validation') return { error: err, kind: 'validation', reason: 'validation', errors };
  if (fields.kind === 'network') {
    const timedOut = fields.cause instanceof Error && fields.cause.name === 'TimeoutError';
    return { error: err, kind: 'network', reason: timedOut || status === 408 ? 'timeout' : 'offline', errors };
  }
  if (status === 429) {
    const retryAfter = typeof fields.retryAfter === 'number' && fields.retryAfter >= 0 ? Math.ceil(fields.retryAfter) : undefined;
    return { error: err, kind: 'server', reason: 'rate-limited', errors, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  }
  if (status === 408) return { error: err, kind: 'network', reason: 'timeout', errors };
  if (status === undefined || status >= 500) return { error: err, kind: 'server', reason: 'server', errors };
  return { error: err, kind: 'server', reason: 'rejected', errors };
}

const RETRYABLE = new Set<FailureReason>(['offline', 'timeout', 'server', 'rate-limited']);

// The handler answers 422 with no field error when a key comes back with another body.
function isKeyReused(error: unknown): boolean {
  const fields = error as { name?: unknown; status?: unknown; errors?: unknown };
  return fields.name === 'SubmissionError' && fields.status === 422 && Array.isArray(fields.errors) && fields.errors.length === 0;
}

/**
 * Runs one request at a time and remembers the idempotency key of the current draft:
 * created once, reused by every retry (so a request that reached the server before the
 * connection dropped is not created twice), renewed after a success or a reset.
 *
 * A key stands for one body. When the person changes the values after the server answered
 * (a refusal, so nothing was created), the next send is a new request with a new key. When
 * the outcome was unknown (offline, timeout) the key is kept; if the server then says it
 * already saw that key with another body, a new key is made and the send repeated once.
 */
export class SubmissionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #status: SubmissionStatus = 'idle';
  #failure: Failure | undefined;
  #result: SubmissionResult | undefined;
  #key: string | undefined;
  /** The body first sent with `#key`. */
  #keyBody: string | undefined;
  /** True when the last attempt may have reached the server (network failure, timeout). */
  #outcomeUnknown = false;
  #retryAt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#retryTimer);
  }

  get status(): SubmissionStatus {
    return this.#status;
  }

  get failure(): Failure | undefined {
    return this.#failure;
  }

  get result(): SubmissionResult | undefined {
    return this.#result;
  }

  /** The idempotency key of the current draft, created on first use. */
  get idempotencyKey(): string {
    this.#key ??= createIdempotencyKey();
    return this.#key;
  }

  /** Adopts the key stored with a restored draft. */
  restoreKey(key: string): void {
    this.#key = key;
    this.#keyBody = undefined;
    this.#outcomeUnknown = true;
  }

  /** False while a 429's `Retry-After` has not elapsed. */
  get canRetry(): boolean {
    return this.#status === 'failed-retryable' && Date.now() >= this.#retryAt;
  }

  /**
   * Sends `body` (a serialization of what is posted) with `request(idempotencyKey)` unless a
   * request is already running (resolves `undefined` then). The state turns `submitting`
   * synchronously, so a second click in the same task is refused.
   */
  async run(body: string, request: (idempotencyKey: string) => Promise<SubmissionResult>): Promise<SubmissionStatus | undefined> {
    if (this.#status === 'submitting' || this.#status === 'succeeded') return undefined;
    this.#status = 'submitting';
    this.#failure = undefined;
    this.#host.requestUpdate();
    if (this.#keyBody !== undefined && this.#keyBody !== body && !this.#outcomeUnknown) this.#renewKey();
    this.#keyBody ??= body;
    try {
      this.#result = await request(this.idempotencyKey).catch((error: unknown) => {
        if (!isKeyReused(error)) throw error;
        this.#renewKey();
        this.#keyBody = body;
        return request(this.idempotencyKey);
      });
      this.#status = 'succeeded';
      this.#renewKey();
    } catch (error) {
      this.#outcomeUnknown = error instanceof Error && error.name === 'SubmissionError' && (error as { kind?: unknown }).kind === 'network';
      const failure = classifyFailure(error);
      this.#failure = failure;
      this.#status = RETRYABLE.has(failure.reason) ? 'failed-retryable' : 'failed';
      this.#scheduleRetry(failure.retryAfter ?? 0);
    }
    this.#host.requestUpdate();
    return this.#status;
  }

  /** Back to `idle` with a fresh key (after `reset()`). */
  reset(): void {
    clearTimeout(this.#retryTimer);
    this.#status = 'idle';
    this.#failure = undefined;
    this.#result = undefined;
    this.#renewKey();
    this.#retryAt = 0;
    this.#host.requestUpdate();
  }

  #renewKey(): void {
    this.#key = undefined;
    this.#keyBody = undefined;
    this.#outcomeUnknown = false;
  }

  #scheduleRetry(seconds: number): void {
    clearTimeout(this.#retryTimer);
    this.#retryAt = Date.now() + seconds * 1000;
    if (seconds > 0) this.#retryTimer = setTimeout(() => this.#host.requestUpdate(), seconds * 1000 + 50);
  }
}
