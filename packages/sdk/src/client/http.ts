import { parseRetryAfter } from './problem.js';

/** The fetch the client calls: the global one, or one given to `createClient`. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** When and how long to wait before sending a failed request again. */
export interface RetrySettings {
  /** Retries after the first attempt. */
  readonly limit: number;
  /** HTTP statuses retried; network failures and timeouts always are. */
  readonly statusCodes: readonly number[];
  /** Statuses whose `Retry-After` is honoured, up to `maxRetryAfter` ms. */
  readonly afterStatusCodes: readonly number[];
  readonly maxRetryAfter: number;
  /** Milliseconds before retry number `attempt` (from 1). */
  readonly delay: (attempt: number) => number;
}

/** One request of the client. */
export interface RequestOptions {
  readonly method?: string;
  /** Sent as JSON, with `Content-Type: application/json` unless a header says otherwise. */
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Readonly<Record<string, string>>;
  /** `0` or absent: one attempt only. */
  readonly retry?: RetrySettings | 0;
  /** Milliseconds each attempt may take. */
  readonly timeout?: number;
  /** The caller's: an abort rejects with its reason, at once, and is never retried. */
  readonly signal?: AbortSignal | undefined;
}

/** Sends a request, retried as its options say; resolves a 2xx response, rejects anything else. */
export type Http = (url: string, options?: RequestOptions) => Promise<Response>;

/** An answer with a status outside 2xx; `response` still holds its unread body. */
export class HttpStatusError extends Error {
  override readonly name = 'HTTPError';
  readonly response: Response;

  constructor(response: Response) {
    super(`HTTP ${response.status}`);
    this.response = response;
  }
}

/** No answer within the attempt's timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export const isHTTPError = (error: unknown): error is HttpStatusError => error instanceof HttpStatusError;
export const isTimeoutError = (error: unknown): error is RequestTimeoutError => error instanceof RequestTimeoutError;

/** What a failure without an answer says: its cause when it has one (Node's fetch hides the reason there). */
export const failureText = (error: unknown): string => String((error as Error | undefined)?.cause ?? error);

// The wait before retry `attempt` after `error`, or undefined when that error is not retried:
// statuses of the list (honouring Retry-After where asked, capped), timeouts, and fetch's
// network failure (a TypeError, unless it is a redirect loop: Node, Deno and Bun say so, a
// browser does not and is retried); anything else is final. A URL fetch cannot resolve never
// gets here: createClient refuses it.
function retryWait(error: unknown, attempt: number, retry: RetrySettings): number | undefined {
  if (attempt > retry.limit) return undefined;
  if (isHTTPError(error)) {
    const { status, headers } = error.response;
    if (!retry.statusCodes.includes(status)) return undefined;
    const after = retry.afterStatusCodes.includes(status) ? parseRetryAfter(headers.get('Retry-After')) : undefined;
    if (after !== undefined) return Math.min(after * 1000, retry.maxRetryAfter);
  } else if (!isTimeoutError(error) && (!(error instanceof Error && error.name === 'TypeError') || /redirect/i.test(`${error.message} ${error.cause}`))) return undefined;
  return retry.delay(attempt);
}

// Resolves after `ms`, or rejects with the signal's reason when it aborts first.
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The client's requests over fetch: default headers and timeout, JSON bodies, errors for
 * non-2xx answers and timeouts, and retries with a backoff. A fetch that ignores its signal
 * still times out and still gives way to the caller's abort.
 */
export function createHttp(defaults: { readonly timeout: number; readonly headers?: HeadersInit | undefined; readonly fetch?: Fetch | undefined }): Http {
  // Looked up at each call: a test double or a polyfill installed later is the one used.
  const send: Fetch = defaults.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function attempt(url: string, init: RequestInit, timeout: number, signal: AbortSignal | undefined): Promise<Response> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new RequestTimeoutError(`No answer from ${url} within ${timeout} ms`);
        controller.abort(error);
        reject(error);
      }, timeout);
      onAbort = () => {
        controller.abort(signal?.reason);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const response = await Promise.race([send(url, { ...init, signal: controller.signal }), stopped]);
      // The body is read here, under the same timer and signal: a server that sends its headers,
      // then stalls, times out like one that sends nothing. Empty stays null (a 204 may hold no
      // body). A redirect left unfollowed (see `redirect` below) has no status in a browser: 302.
      const read = new Response((await Promise.race([response.text(), stopped])) || null, response.status ? response : { status: 302 });
      if (!read.ok) throw new HttpStatusError(read);
      return read;
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  return async (url, options = {}) => {
    const headers = new Headers(defaults.headers);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    // A request with a body (POST, PUT) is not redirected: fetch would send a 302's as a GET of
    // another page (nothing created, yet a 2xx), or loop. The redirect is the answer, and final.
    const init: RequestInit = { method: (options.method ?? 'GET').toUpperCase(), headers, ...(body !== undefined ? { body, redirect: 'manual' } : {}) };
    const { signal, retry } = options;
    for (let count = 1; ; count++) {
      try {
        return await attempt(url, init, options.timeout ?? defaults.timeout, signal);
      } catch (error) {
        const ms = signal?.aborted || !retry ? undefined : retryWait(error, count, retry);
        if (ms === undefined) throw error;
        await wait(ms, signal);
      }
    }
  };
}
