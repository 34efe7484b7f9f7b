import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createIdempotencyKey, isSubmissionError } from '@account-request/sdk';
import type { FieldError, SubmissionErrorKind, SubmissionFailureReason, SubmissionRefusal, SubmissionResult } from '@account-request/sdk';

/** The submission state machine: idle → submitting → succeeded | failed-retryable | failed. */
export type SubmissionStatus = 'idle' | 'submitting' | 'succeeded' | 'failed-retryable' | 'failed';

/** What went wrong, as the SDK's `SubmissionError` says it, so the element only has to display it. */
export interface Failure {
  readonly error: Error;
  readonly kind: SubmissionErrorKind;
  readonly reason: SubmissionFailureReason;
  readonly errors: readonly FieldError[];
  /** Seconds to wait before a retry (`Retry-After`). */
  readonly retryAfter?: number;
  /** Sending the same request again may succeed. */
  readonly retryable: boolean;
  /** …within seconds: worth an automatic retry. */
  readonly transient: boolean;
  /** The refusal the handler named, worded by the form itself. */
  readonly refusal?: SubmissionRefusal;
}

/** Reads the SDK's `SubmissionError` (by its stable name, so across bundles); anything else counts as offline. */
export function classifyFailure(error: unknown): Failure {
  const err = error instanceof Error ? error : new Error(String(error));
  if (!isSubmissionError(err)) return { error: err, kind: 'network', reason: 'offline', errors: [], retryable: true, transient: false };
  const { kind, reason, errors, retryable, transient, retryAfter, refusal } = err;
  return { error: err, kind, reason, errors, retryable, transient, ...(retryAfter !== undefined ? { retryAfter } : {}), ...(refusal ? { refusal } : {}) };
}

/** Seconds before each automatic retry of a transient failure (two of them), then the person decides. */
const AUTO_RETRY_DELAYS = [1, 3];
/** A `Retry-After` longer than this (seconds) ends the automatic retries: the person is told the wait instead. */
const MAX_AUTO_WAIT = 10;
// setTimeout fires at once beyond this many ms.
const MAX_TIMER = 2 ** 31 - 1;

/** Told before an automatic retry, `seconds` ahead of it, so the page can say what is happening. */
export type RetryNotice = (reason: Exclude<SubmissionFailureReason, 'validation'>, seconds: number) => void;

const isKeyReused = (error: unknown): boolean => isSubmissionError(error) && error.reason === 'key-reused';

/**
 * Runs one request at a time and remembers the idempotency key of the current draft:
 * created once, reused by every retry (so a request that reached the server before the
 * connection dropped is not created twice), renewed after a success or a reset.
 *
 * A key stands for one body. When the person changes the values after the server answered
 * (a refusal, so nothing was created), the next send is a new request with a new key. When
 * the outcome was unknown (offline, timeout) the key is kept; if the server then says it
 * already saw that key with another body, the earlier send reached it (a refused body frees
 * its key): the person is told so, and only their next send, made knowing it, is a new request.
 *
 * Transient failures (the SDK's `transient`: no answer, 408, 502-504) are retried twice on their
 * own when `run` is given a `RetryNotice`; a 429 never is: the wait its `Retry-After` asks for
 * is the person's to see, and the retry theirs to make once it has passed.
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
      this.#result = await this.#attempts(request, onRetry);
      this.#status = 'succeeded';
      this.#renewKey();
    } catch (error) {
      this.#outcomeUnknown = isSubmissionError(error) && error.kind === 'network';
      if (isKeyReused(error)) this.#renewKey();
      const failure = classifyFailure(error);
      this.#failure = failure;
      this.#status = failure.retryable ? 'failed-retryable' : 'failed';
      this.#scheduleRetry(failure.retryAfter ?? 0);
    }
    this.#host.requestUpdate();
    return this.#status;
  }

  async #attempts(request: (idempotencyKey: string) => Promise<SubmissionResult>, onRetry: RetryNotice | undefined): Promise<SubmissionResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(this.idempotencyKey);
      } catch (error) {
        const failure = classifyFailure(error);
        const delay = AUTO_RETRY_DELAYS[attempt];
        const seconds = failure.retryAfter ?? delay ?? 0;
        if (!onRetry || !failure.transient || failure.reason === 'rate-limited' || failure.reason === 'validation' || delay === undefined || seconds > MAX_AUTO_WAIT) throw error;
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
