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

  constructor(service: string, failure: ServiceFailure, options: { status?: number; cause?: unknown } = {}) {
    super(`${service}: ${failure}${options.status !== undefined ? ` (HTTP ${options.status})` : ''}`, { cause: options.cause });
    this.failure = failure;
    this.status = options.status;
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
}

/** A service's answer: its status and body text (the caller reads what it expects). */
export interface ServiceAnswer {
  readonly status: number;
  readonly text: string;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
// Below this, a retry could not get an answer before the budget ends: give up instead.
const MIN_ATTEMPT_MS = 150;

const backoff = (attempt: number): number => 100 * 2 ** attempt;

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

/**
 * One exchange with a public service within a time budget: each attempt gets what remains of
 * `timeoutMs`, and network failures and the statuses that say "not now" (429, 502–504) are
 * retried after a short pause while time remains. Resolves with the last answer (a retried
 * status included, for the caller to map); rejects with a {@link LookupServiceError}
 * (`timeout`, `network`), or with the caller's abort reason when `signal` aborts.
 */
export async function callService(service: string, fetch: Fetch, url: string, init: RequestInit, options: ServiceCallOptions): Promise<ServiceAnswer> {
  const deadline = Date.now() + options.timeoutMs;
  const { signal } = options;
  for (let attempt = 0; ; attempt += 1) {
    signal?.throwIfAborted();
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new LookupServiceError(service, 'timeout');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), remaining);
    const forward = (): void => controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    let answer: ServiceAnswer | undefined;
    let failure: unknown;
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      answer = { status: response.status, text: await response.text() };
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    signal?.throwIfAborted();
    if (controller.signal.aborted) throw new LookupServiceError(service, 'timeout', { cause: failure });
    const retryable = answer ? RETRIED_STATUSES.has(answer.status) : true;
    const pause = backoff(attempt);
    if (!retryable || attempt >= options.retries || deadline - Date.now() < pause + MIN_ATTEMPT_MS) {
      if (answer) return answer;
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

/** The failure an unexpected status stands for. */
export function statusFailure(service: string, status: number): LookupServiceError {
  return new LookupServiceError(service, status === 429 ? 'rate-limited' : 'status', { status });
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
  signal.throwIfAborted();
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
