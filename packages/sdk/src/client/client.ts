import ky, { isHTTPError, type KyInstance } from 'ky';
import { ConfigError, parseConfig } from '../config/index.js';
import type { FormConfig, SubmissionResult } from '../types.js';
import { encodeSubmission, type SubmissionEnctype } from './encode.js';
import { ConfigLoadError, ConfigSaveError, ConflictError } from './errors.js';
import { readProblem } from './problem.js';
import { kyRetry, type RetryPolicy, toRetryPolicy } from './retry.js';
import { isAbortError, readSubmissionResult, toSubmissionError } from './submission.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The handler's base URL, e.g. `/api/account-requests` (absolute outside browsers). */
  readonly base: string;
  /** A fetch to use instead of the global one. */
  readonly fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms; default 15000. */
  readonly timeout?: number;
  /** Retries after a failed attempt (default 2), or a full {@link RetryPolicy}. */
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
  /** One key per typed draft, reused for every retry of it (see `createIdempotencyKey`). */
  readonly idempotencyKey: string;
  readonly locale: string;
  /** The "I confirm" checkbox; default `true`. */
  readonly confirmed?: boolean;
  /** Default `application/json`. */
  readonly enctype?: SubmissionEnctype;
  readonly signal?: AbortSignal;
}

/** The HTTP client of the account-request handler. */
export interface AccountRequestClient {
  /** GET `{base}/config`, parsed. Throws `ConfigError` for an invalid config, `ConfigLoadError` for HTTP and network failures. */
  loadConfig(options?: { readonly signal?: AbortSignal }): Promise<LoadedConfig>;
  /** PUT `{base}/config` with `If-Match`. Throws `ConflictError` (412), `ConfigError` (422) or `ConfigSaveError`. */
  saveConfig(config: FormConfig, etag: string, options?: { readonly signal?: AbortSignal }): Promise<LoadedConfig>;
  /** POST `{base}`; retried safely under one idempotency key. Throws `SubmissionError`. */
  submit(values: Readonly<Record<string, unknown>>, options: SubmitOptions): Promise<SubmissionResult>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const ACCEPT = 'application/json, application/problem+json';

function parseConfigBody(body: string, url: string, status: number): FormConfig {
  let input: unknown;
  try {
    input = JSON.parse(body) as unknown;
  } catch (cause) {
    throw new ConfigLoadError(`The config at ${url} is not JSON`, { url, status, cause });
  }
  return parseConfig(input);
}

function pathFromField(field: string): (string | number)[] {
  return field === '' ? [] : field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

async function saveFailure(error: unknown, url: string): Promise<unknown> {
  if (isAbortError(error)) return error;
  if (!isHTTPError(error)) return new ConfigSaveError('The config could not be saved (network error or timeout)', { url, cause: error });
  const { status } = error.response;
  if (status === 412) return new ConflictError(url, { cause: error });
  const problem = await readProblem(error.response);
  if (status === 422) {
    return new ConfigError(problem.errors.map((entry) => ({ path: pathFromField(entry.field), message: entry.message })), { cause: error });
  }
  return new ConfigSaveError(problem.detail ?? `The config could not be saved (HTTP ${status})`, { url, status, cause: error });
}

/**
 * Creates a client for the handler mounted at `base`. Submissions are retried only when a retry
 * cannot do harm and may help (network errors, timeouts, 429, 502, 503, 504), always with the
 * same `Idempotency-Key`, so a retry never creates a second request.
 */
export function createClient(options: ClientOptions): AccountRequestClient {
  const base = options.base.replace(/\/+$/, '');
  const configUrl = `${base}/config`;
  const submitUrl = base || '/';
  const policy = toRetryPolicy(options.retry);
  const api: KyInstance = ky.create({
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    throwHttpErrors: true,
    headers: options.headers ?? {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    async loadConfig({ signal } = {}) {
      let response: Response;
      try {
        response = await api.get(configUrl, { retry: kyRetry(policy, ['get']), headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (isAbortError(error)) throw error;
        const status = isHTTPError(error) ? error.response.status : undefined;
        const reason = status === undefined ? 'network error or timeout' : `HTTP ${status}`;
        throw new ConfigLoadError(`The config could not be loaded from ${configUrl} (${reason})`, { url: configUrl, ...(status !== undefined ? { status } : {}), cause: error });
      }
      return { config: parseConfigBody(await response.text(), configUrl, response.status), etag: response.headers.get('ETag') };
    },

    async saveConfig(config, etag, { signal } = {}) {
      let response: Response;
      try {
        // Not retried: a PUT whose response was lost may have succeeded, and its retry would
        // then fail with a misleading 412.
        response = await api.put(configUrl, { json: config, retry: 0, headers: { 'If-Match': etag, Accept: ACCEPT }, ...(signal ? { signal } : {}) });
      } catch (error) {
        throw await saveFailure(error, configUrl);
      }
      return { config: parseConfigBody(await response.text(), configUrl, response.status), etag: response.headers.get('ETag') };
    },

    async submit(values, { idempotencyKey, locale, confirmed = true, enctype = 'application/json', signal }) {
      let response: Response;
      try {
        response = await api.post(submitUrl, {
          ...encodeSubmission({ values, confirmed, locale }, enctype),
          retry: kyRetry(policy, ['post']),
          headers: { 'Idempotency-Key': idempotencyKey, Accept: ACCEPT },
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        throw await toSubmissionError(error, submitUrl);
      }
      return readSubmissionResult(response, submitUrl);
    },
  };
}
