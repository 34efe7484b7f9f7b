import { oneLine } from '../../validation/validators/text.js';

/** The fetch of a lookup adapter: the global one by default, a test's or a proxy's when given. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Why a public service gave no usable answer. */
export type ServiceFailure = 'timeout' | 'network' | 'rate-limited' | 'status' | 'malformed';

/**
 * A lookup adapter could not get an answer: the service was slow (`timeout`), unreachable
 * (`network`), limited us (`rate-limited`, a 429), failed (`status`, a 5xx or an unexpected
 * status) or answered something unreadable (`malformed`). Never carries the looked-up value.
 */
export class LookupServiceError extends Error {
  override readonly name = 'LookupServiceError';
  readonly failure: ServiceFailure;
  /** The service's HTTP status, when it answered. */
  readonly status: number | undefined;
  /** How long the service asked to wait (`rate-limited` with a `Retry-After`: what is left of the adapter's hold). */
  readonly retryAfterMs: number | undefined;

  constructor(service: string, failure: ServiceFailure, options: { status?: number; retryAfterMs?: number | undefined; cause?: unknown } = {}) {
    super(`${service}: ${failure}${options.status !== undefined ? ` (HTTP ${options.status})` : ''}`, { cause: options.cause });
    this.failure = failure;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** True for a {@link LookupServiceError}, by name so it holds across bundles. */
export function isLookupServiceError(error: unknown): error is LookupServiceError {
  return error instanceof Error && error.name === 'LookupServiceError';
}

/** How an adapter calls its service. */
export interface ServiceCallOptions {
  /** The whole time a lookup may take, retries included. */
  readonly timeoutMs: number;
  /** Retries after a network failure or a 429, 502, 503 or 504, while time remains. */
  readonly retries: number;
  /** The caller's abort (the applicant typed on); its reason is thrown as is. */
  readonly signal?: AbortSignal | undefined;
  /**
   * One adapter's memory of a 429's Retry-After (`{ until }`, ms since the epoch): until then
   * its lookups fail as `rate-limited` at once instead of asking a service that said to wait.
   */
  readonly pause?: { until: number };
}

/** A service's answer: its status and body text (the caller reads what it expects). */
export interface ServiceAnswer {
  readonly status: number;
  readonly text: string;
  /** A 429's wait, when it put the adapter on hold. */
  readonly retryAfterMs?: number;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
// Below this, a retry could not get an answer before the budget ends: give up instead.
const MIN_ATTEMPT_MS = 150;

// A service asks to wait an hour at most, whatever its Retry-After says.
const MAX_CLOSED_MS = 60 * 60 * 1000;

/** The most bytes of an answer's body read; a larger body is `malformed` (one lookup's answer weighs a few kB). */
export const MAX_ANSWER_BYTES = 1024 * 1024;

const backoff = (attempt: number): number => 100 * 2 ** attempt;

/** The wait a `Retry-After` header asks (delay-seconds or an HTTP date), in ms; `undefined` without a readable one. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    const abort = (): void => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

// The body of an answer too large to read.
const TOO_LARGE: unique symbol = Symbol('too large');

/** The body as UTF-8 text (as `Response.text()` reads it), or {@link TOO_LARGE} past {@link MAX_ANSWER_BYTES}, unread beyond. */
async function boundedText(response: Response): Promise<string | typeof TOO_LARGE> {
  const drop = (): typeof TOO_LARGE => {
    response.body?.cancel().catch(() => undefined);
    return TOO_LARGE;
  };
  if (Number(response.headers.get('Content-Length')) > MAX_ANSWER_BYTES) return drop();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** `promise`, or a rejection as soon as `signal` aborts (a fetch given by the caller may not heed its signal). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * One exchange with a public service within a time budget: each attempt gets what remains of
 * `timeoutMs`, and network failures and the statuses that say "not now" (429, 502–504) are
 * retried after a short pause (or the service's `Retry-After`, when it fits in the budget)
 * while time remains. Resolves with the last answer (a retried status included, for the
 * caller to map); rejects with a {@link LookupServiceError} (`timeout`, `network`, or
 * `malformed` for a body over {@link MAX_ANSWER_BYTES}), or with the caller's abort reason
 * when `signal` aborts.
 */
export async function callService(service: string, fetch: Fetch, url: string, init: RequestInit, options: ServiceCallOptions): Promise<ServiceAnswer> {
  const deadline = Date.now() + options.timeoutMs;
  const { signal } = options;
  // A service that answered 429 with Retry-After is not asked again before then by the lookups
  // of this adapter: each would only be refused, and count against the shop at the service.
  const { pause: held } = options;
  if (held && held.until > Date.now()) throw new LookupServiceError(service, 'rate-limited', { status: 429, retryAfterMs: held.until - Date.now() });
  for (let attempt = 0; ; attempt += 1) {
    signal?.throwIfAborted();
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new LookupServiceError(service, 'timeout');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), remaining);
    const forward = (): void => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    let answer: ServiceAnswer | undefined;
    let retryAfter: number | undefined;
    let tooLarge = false;
    let failure: unknown;
    try {
      const exchange = (async (): Promise<{ response: Response; text: string | typeof TOO_LARGE }> => {
        const response = await fetch(url, { ...init, signal: controller.signal });
        return { response, text: await boundedText(response) };
      })();
      const { response, text } = await untilAborted(exchange, controller.signal);
      if (text === TOO_LARGE) tooLarge = true;
      else answer = { status: response.status, text };
      retryAfter = retryAfterMs(response.headers.get('Retry-After'));
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    signal?.throwIfAborted();
    if (controller.signal.aborted) throw new LookupServiceError(service, 'timeout', { cause: failure });
    if (tooLarge) throw new LookupServiceError(service, 'malformed');
    const retryable = answer ? RETRIED_STATUSES.has(answer.status) : true;
    const pause = Math.max(backoff(attempt), answer ? (retryAfter ?? 0) : 0);
    const hold = held && answer?.status === 429 && retryAfter ? Math.min(retryAfter, MAX_CLOSED_MS) : undefined;
    if (held && hold !== undefined) held.until = Date.now() + hold;
    if (!retryable || attempt >= options.retries || deadline - Date.now() < pause + MIN_ATTEMPT_MS) {
      if (answer) return hold === undefined ? answer : { ...answer, retryAfterMs: hold };
      throw new LookupServiceError(service, 'network', { cause: failure });
    }
    await sleep(pause, signal);
  }
}

/** The body of an answer as JSON, or a `malformed` {@link LookupServiceError}. */
export function jsonOf(service: string, answer: ServiceAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch (cause) {
    throw new LookupServiceError(service, 'malformed', { status: answer.status, cause });
  }
}

/** The failure an unexpected status stands for, with the hold a 429 put the adapter on. */
export function statusFailure(service: string, { status, retryAfterMs }: Pick<ServiceAnswer, 'status' | 'retryAfterMs'>): LookupServiceError {
  return new LookupServiceError(service, status === 429 ? 'rate-limited' : 'status', { status, retryAfterMs });
}

/** `base` without its trailing slashes, checked to be an http(s) URL (a typo fails at start-up, not per lookup). */
export function serviceBase(base: string, name: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`${name}: the base URL must be an absolute http(s) URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`${name}: the base URL must be an absolute http(s) URL.`);
  return url.href.replace(/\/+$/, '');
}

/** `promise`, or the abort reason of `signal` as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // The promise runs on, unawaited: its failure must not become an unhandled rejection.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** The longest text kept from an outside service's answer, in code points. */
export const UPSTREAM_TEXT_MAX = 300;

/**
 * A text of an outside service's answer as the lookups keep, show and prefill it: NFC, on one
 * line, without the characters no form value may hold (controls, bidi overrides, lone
 * surrogates: a form would refuse them in the fields it fills, a database in what it stores),
 * spaces collapsed, at most `maxLength` code points; `undefined` when nothing is left.
 */
export function upstreamText(value: unknown, maxLength: number = UPSTREAM_TEXT_MAX): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = oneLine(value);
  const kept = Array.from(line).slice(0, maxLength).join('').trim();
  return kept === '' ? undefined : kept;
}
