import { ConfigError, isConfigError, parseConfig } from '../config/index.js';
import type { FormConfig, SubmissionResult } from '../types.js';
import { encodeSubmission, type SubmissionEnctype } from './encode.js';
import { ConfigLoadError, ConfigSaveError, ConflictError, isAbortError } from './errors.js';
import { readConfigIssues, readJson, readProblem } from './problem.js';
import { createHttp, failureText, isHTTPError, type Fetch, type Http, type RequestOptions } from './http.js';
import { retrySettings, type RetryPolicy } from './retry.js';
import { handlerUrl } from './handler-url.js';
import { lookup, readCapabilities, readCompany, readSuggestions, type LookupRequestOptions } from './lookups.js';
import type { AddressSuggestion, CompanyLookup, LookupCapabilities } from '../lookups/types.js';
import { readSubmissionResult, toSubmissionError } from './submission.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The handler's base URL, e.g. `/api/account-requests`. Outside a browser page (Node, Deno,
   * Bun, workerd) it must be absolute, or `createClient` throws a `TypeError` naming it.
   */
  readonly base: string;
  /**
   * Where `loadConfig` GETs and `saveConfig` PUTs the config, absolute or relative like `base`;
   * default `{base}/config`. For a page that names the config URL itself (`config-src`).
   */
  readonly configUrl?: string | undefined;
  /** A fetch to use instead of the global one. */
  readonly fetch?: Fetch;
  /** Per-attempt timeout in ms; default 15000. */
  readonly timeout?: number;
  /** Retries after a failed attempt (default 2), or a full {@link RetryPolicy} (e.g. which statuses). */
  readonly retry?: number | RetryPolicy;
  /** Headers sent with every request (e.g. `Authorization` for `saveConfig`). */
  readonly headers?: HeadersInit;
}

/** A config with the ETag to send back when saving it (`null` when the server sent none). */
export interface LoadedConfig {
  readonly config: FormConfig;
  readonly etag: string | null;
}

/** Options of {@link AccountRequestClient.submit}. */
export interface SubmitOptions {
  /**
   * One key per typed draft, reused for every retry of it (see `createIdempotencyKey`). Without
   * one (plain JavaScript) no key is sent, and the handler refuses the request (400).
   */
  readonly idempotencyKey: string;
  readonly locale: string;
  /** The "I confirm" checkbox; default `true`. */
  readonly confirmed?: boolean;
  /** Default `application/json`. */
  readonly enctype?: SubmissionEnctype;
  readonly signal?: AbortSignal;
  /** The bot check's solution (the ALTCHA widget's payload), sent in the `Altcha-Payload` header when the config asks for it. */
  readonly botCheck?: string;
}

/** The HTTP client of the account-request handler. */
export interface AccountRequestClient {
  /** GET the config (`configUrl`, default `{base}/config`), parsed. Throws `ConfigError` for an invalid config, `ConfigLoadError` for HTTP and network failures. */
  loadConfig(options?: { readonly signal?: AbortSignal }): Promise<LoadedConfig>;
  /**
   * PUT the config (`configUrl`, default `{base}/config`) with `If-Match`. Throws `ConflictError`
   * (412), `ConfigError` (422) or `ConfigSaveError`, also for a 2xx without the saved config to
   * read (204, HTML, not a config): the save may have been applied, so load the config again.
   */
  saveConfig(config: FormConfig, etag: string, options?: { readonly signal?: AbortSignal }): Promise<LoadedConfig>;
  /** POST `{base}`; retried safely under one idempotency key. Throws `SubmissionError`. */
  submit(values: Readonly<Record<string, unknown>>, options: SubmitOptions): Promise<SubmissionResult>;
  // The lookups are optional members: a client written before them (a host's stub, a wrapper)
  // still is a client, and a form given one offers no lookups.
  /**
   * GET `{base}/lookup`: which lookups the server has on. A server without the lookup routes
   * (404) has none. Throws `LookupError` on any other failure.
   */
  lookupCapabilities?(options?: LookupRequestOptions): Promise<LookupCapabilities>;
  /**
   * GET `{base}/lookup/company?siret=…`: the company of a SIRET to offer to fill in, or `null`
   * when the directory does not know it or the lookup is off (404). Throws `LookupError` on a
   * failure (invalid SIRET, rate limit, directory down or slow, network, timeout: 2.5 s by
   * default, never retried) and the signal's reason on abort: the form then offers nothing.
   */
  lookupCompany?(siret: string, options?: LookupRequestOptions): Promise<CompanyLookup | null>;
  /**
   * GET `{base}/lookup/address?q=…&limit=…`: up to `limit` (default 5) addresses for the street
   * field, best first; empty when none or when the lookup is off. Throws like `lookupCompany`.
   */
  searchAddress?(query: string, options?: LookupRequestOptions & { readonly limit?: number }): Promise<readonly AddressSuggestion[]>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const ACCEPT = 'application/json, application/problem+json';

// The config of a 2xx answer, or a `Failure` when it holds none. A load passes an invalid
// config on as a ConfigError; a save's answer is no config to check, but its outcome unknown.
async function loaded(response: Response, url: string, Failure: typeof ConfigLoadError | typeof ConfigSaveError = ConfigLoadError): Promise<LoadedConfig> {
  let config: FormConfig;
  try {
    config = parseConfig(await readJson(response));
  } catch (cause) {
    throw Failure === ConfigLoadError && isConfigError(cause) ? cause : new Failure(`The answer from ${url} holds no config`, { url, status: response.status, cause });
  }
  return { config, etag: response.headers.get('ETag') };
}

async function saveFailure(error: unknown, url: string): Promise<unknown> {
  if (!isHTTPError(error)) return new ConfigSaveError(`The config could not be saved (${failureText(error)})`, { url, cause: error });
  const { status } = error.response;
  if (status === 412) return new ConflictError(url, { cause: error });
  if (status === 422) return new ConfigError(await readConfigIssues(error.response), { cause: error });
  const problem = await readProblem(error.response);
  return new ConfigSaveError(problem.detail ?? `The config could not be saved (HTTP ${status})`, { url, status, cause: error });
}

function loadFailure(error: unknown, url: string): ConfigLoadError {
  const status = isHTTPError(error) ? error.response.status : undefined;
  const reason = status === undefined ? failureText(error) : `HTTP ${status}`;
  return new ConfigLoadError(`The config could not be loaded from ${url} (${reason})`, { url, ...(status !== undefined ? { status } : {}), cause: error });
}

/**
 * Creates a client for the handler mounted at `base`. Submissions are retried only when a retry
 * cannot do harm and may help (network errors, timeouts, 408, 429, 502, 503, 504), always with the
 * same `Idempotency-Key`, so a retry never creates a second request.
 */
export function createClient(options: ClientOptions): Required<AccountRequestClient> {
  const { base } = options;
  const configUrl = options.configUrl ?? handlerUrl(base, '/config');
  const submitUrl = handlerUrl(base);
  // Outside a page (Node, Deno, Bun, workerd: no location) a relative URL resolves against
  // nothing, and every request would fail: refused here, naming the option.
  for (const name of ['base', 'configUrl'] as const) {
    try {
      if (!globalThis.location) new URL(options[name] ?? options.base);
    } catch {
      throw new TypeError(`createClient: \`${name}\` must be an absolute URL such as https://shop.example/api/account-requests, or a relative one only in a browser page.`);
    }
  }
  const api: Http = createHttp({ timeout: options.timeout ?? DEFAULT_TIMEOUT_MS, headers: options.headers, fetch: options.fetch });
  // One request: the caller's abort passes through as is; any other failure is mapped by `fail`.
  const send = async (
    url: string,
    init: RequestOptions,
    signal: AbortSignal | undefined,
    fail: (error: unknown, url: string) => unknown,
  ): Promise<Response> => {
    try {
      return await api(url, signal ? { ...init, signal } : init);
    } catch (error) {
      throw signal?.aborted || isAbortError(error) ? error : await fail(error, url);
    }
  };

  return {
    async loadConfig({ signal } = {}) {
      const init: RequestOptions = { retry: retrySettings(options.retry), headers: { Accept: 'application/json' } };
      return loaded(await send(configUrl, init, signal, loadFailure), configUrl);
    },

    async saveConfig(config, etag, { signal } = {}) {
      // Not retried: a PUT whose response was lost may have succeeded, and its retry would
      // then fail with a misleading 412.
      const init: RequestOptions = { method: 'PUT', json: config, retry: 0, headers: { 'If-Match': etag, Accept: ACCEPT } };
      return loaded(await send(configUrl, init, signal, saveFailure), configUrl, ConfigSaveError);
    },

    async submit(values, { idempotencyKey, locale, confirmed = true, enctype = 'application/json', signal, botCheck }) {
      const init: RequestOptions = {
        method: 'POST',
        ...encodeSubmission({ values, confirmed, locale }, enctype),
        retry: retrySettings(options.retry),
        // Left out rather than sent as the text "undefined", a key every such call would share.
        headers: { Accept: ACCEPT, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}), ...(botCheck ? { 'Altcha-Payload': botCheck } : {}) },
      };
      return readSubmissionResult(await send(submitUrl, init, signal, toSubmissionError), submitUrl);
    },

    async lookupCapabilities(lookupOptions) {
      return (await lookup(api, handlerUrl(base, '/lookup'), readCapabilities, lookupOptions)) ?? { company: false, address: false };
    },

    async lookupCompany(siret, lookupOptions) {
      return lookup(api, handlerUrl(base, '/lookup/company', { siret }), readCompany, lookupOptions);
    },

    async searchAddress(query, { limit, ...lookupOptions } = {}) {
      return (await lookup(api, handlerUrl(base, '/lookup/address', { q: query, limit }), readSuggestions, lookupOptions)) ?? [];
    },
  };
}
