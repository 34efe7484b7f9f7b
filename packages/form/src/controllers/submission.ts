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
  /** Seconds to wait before a retry (`Retry-After`). */
  readonly retryAfter?: number;
  /** The same request may succeed unchanged in a moment: network failures, timeouts, 502, 503, 504. */
  readonly transient: boolean;
}

/** Reads the SDK's `SubmissionError` by its stable `name` (works across bundles). */
export function classifyFailure(error: unknown): Failure {
  const err = error instanceof Error ? error : new Error(String(error));
  const fields = err as Error & { kind?: unknown; status?: unknown; errors?: unknown; retryAfter?: unknown; cause?: unknown };
  if (err.name !== 'SubmissionError') return { error: err, kind: 'network', reason: 'offline', errors: [], transient: false };
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  const errors = Array.isArray(fields.errors) ? (fields.errors as FieldError[]) : [];
  const retryAfter = typeof fields.retryAfter === 'number' && fields.retryAfter >= 0 ? Math.ceil(fields.retryAfter) : undefined;
  const base = { error: err, errors, transient: false, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (fields.kind === 'validation') return { ...base, kind: 'validation', reason: 'validation' };
  if (fields.kind === 'network') {
    const timedOut = fields.cause instanceof Error && fields.cause.name === 'TimeoutError';
    return { ...base, kind: 'network', reason: timedOut || status === 408 ? 'timeout' : 'offline', transient: true };
  }
  // A 2xx whose body could not be read: the server took the request, its answer was lost. A
  // retry with the same key gets the first result back, so it is offered, not a refusal.
  if (status !== undefined && status >= 200 && status < 300) return { ...base, kind: 'server', reason: 'lost' };
  if (status === 429) return { ...base, kind: 'server', reason: 'rate-limited' };
  if (status === 408) return { ...base, kind: 'network', reason: 'timeout', transient: true };
  if (status === undefined || status >= 500) return { ...base, kind: 'server', reason: 'server', transient: status !== undefined && status > 501 && status < 505 };
  return { ...base, kind: 'server', reason: 'rejected' };
}

const RETRYABLE = new Set<FailureReason>(['offline', 'timeout', 'server', 'rate-limited', 'lost']);
/** Seconds before each automatic retry of a transient failure (two of them), then the person decides. */
const AUTO_RETRY_DELAYS = [1, 3];
/** A `Retry-After` longer than this (seconds) ends the automatic retries: the person is told the wait instead. */
const MAX_AUTO_WAIT = 10;
// setTimeout fires at once beyond this many ms.
const MAX_TIMER = 2 ** 31 - 1;

/** Told before an automatic retry, `seconds` ahead of it, so the page can say what is happening. */
export type RetryNotice = (reason: NetworkReason, seconds: number) => void;

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
 *
 * Transient failures (network, timeout, 502-504) are retried twice on their own when `run` is
 * given a `RetryNotice`; a 429 never is: the wait its `Retry-After` asks for is the person's
 * to see, and the retry theirs to make once it has passed.
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
  readonly #onRetryReady: () => void;

  /** `onRetryReady` runs when a `Retry-After` wait has passed. */
  constructor(host: ReactiveControllerHost, onRetryReady: () => void) {
    this.#host = host;
    this.#onRetryReady = onRetryReady;
    host.addController(this);
  }

  hostConnected(): void {
    this.#armRetryTimer();
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

  /** False while a `Retry-After` has not elapsed. */
  get canRetry(): boolean {
    return this.#status === 'failed-retryable' && this.waitSeconds === 0;
  }

  /** Whole seconds left before a retry is allowed. */
  get waitSeconds(): number {
    return Math.max(0, Math.ceil((this.#retryAt - Date.now()) / 1000));
  }

  /**
   * Sends `body` (a serialization of what is posted) with `request(idempotencyKey)` unless a
   * request is already running (resolves `undefined` then). The state turns `submitting`
   * synchronously, so a second click in the same task is refused. With `onRetry`, transient
   * failures are retried automatically (same key), each announced through it.
   */
  async run(body: string, request: (idempotencyKey: string) => Promise<SubmissionResult>, onRetry?: RetryNotice): Promise<SubmissionStatus | undefined> {
    if (this.#status === 'submitting' || this.#status === 'succeeded') return undefined;
    this.#status = 'submitting';
    this.#failure = undefined;
    this.#host.requestUpdate();
    if (this.#keyBody !== undefined && this.#keyBody !== body && !this.#outcomeUnknown) this.#renewKey();
    this.#keyBody ??= body;
    try {
      this.#result = await this.#attempts(body, request, onRetry);
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

  async #attempts(body: string, request: (idempotencyKey: string) => Promise<SubmissionResult>, onRetry: RetryNotice | undefined): Promise<SubmissionResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(this.idempotencyKey).catch((error: unknown) => {
          if (!isKeyReused(error)) throw error;
          this.#renewKey();
          this.#keyBody = body;
          return request(this.idempotencyKey);
        });
      } catch (error) {
        const failure = classifyFailure(error);
        const delay = AUTO_RETRY_DELAYS[attempt];
        const seconds = failure.retryAfter ?? delay ?? 0;
        if (!onRetry || !failure.transient || failure.reason === 'validation' || delay === undefined || seconds > MAX_AUTO_WAIT) throw error;
        onRetry(failure.reason, seconds);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
    }
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
    this.#retryAt = Date.now() + seconds * 1000;
    this.#armRetryTimer();
  }

  #armRetryTimer(): void {
    clearTimeout(this.#retryTimer);
    const ms = this.#retryAt - Date.now();
    if (ms <= 0 || this.#status !== 'failed-retryable') return;
    this.#retryTimer = setTimeout(() => {
      this.#onRetryReady();
      this.#host.requestUpdate();
    }, Math.min(ms + 50, MAX_TIMER));
  }
}
