// The REAL SDK handler (memory stores) behind msw in the browser, with faults injected in front
// of it: what reaches the handler is stored exactly as on a server, so "exactly one request
// exists" is checked on the store itself, not on a model of it.
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { defaultConfig, type FormConfig } from '@account-request/sdk';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore, type RequestStore } from '@account-request/sdk/server';

export const API = '/api/account-requests';
export const CONFIG_URL = `${API}/config`;

/**
 * What happens to one request before (or instead of, or after) the handler:
 * - `pass`: the handler answers;
 * - `slow`: the handler answers after `SLOW_MS`;
 * - `late`: the handler processes it at once, the answer comes after `LATE_MS` (a client timeout);
 * - `hang`: the same, after `HANG_MS` (past the SDK client's default 15 s timeout);
 * - `offline`: a network error, the handler never sees it;
 * - `lost`: the handler processes it, then the connection drops (a 201/200 whose response is lost);
 * - `malformed`: the handler processes it, the answer's body is cut (not JSON);
 * - 500, 502, 503: an error from a proxy or a crashed process, the handler never sees it;
 * - 429: a proxy's rate limit with `Retry-After: 1`, the handler never sees it.
 */
export type Fault = 'pass' | 'slow' | 'late' | 'hang' | 'offline' | 'lost' | 'malformed' | 500 | 502 | 503 | 429;

export const SLOW_MS = 600;
export const LATE_MS = 2500;
export const HANG_MS = 16_000;

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Starts msw once per test page. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return started;
}

/** Adds msw handlers in front of the others (a misbehaving server's answers). */
export function useHandlers(...handlers: Parameters<typeof worker.use>): void {
  worker.use(...handlers);
}

/** Removes the handlers of the previous test. */
export function resetWorker(): void {
  worker.resetHandlers();
}

/** One request seen by the fault layer. */
export interface Seen {
  readonly method: string;
  readonly fault: Fault;
  readonly key: string | null;
  readonly ifMatch: string | null;
}

/** A handler over memory stores behind msw; `faults` are used up one per request of `method`. */
export interface FaultyServer {
  readonly store: RequestStore;
  readonly seen: Seen[];
  /** Successful config writes (the memory config store's saveConfig said yes). */
  readonly configWrites: FormConfig[];
  /** The stored config. */
  config(): Promise<FormConfig>;
  /** Queues faults for the next requests of `method` (`POST` submissions, `PUT` config saves). */
  inject(method: 'POST' | 'PUT', ...faults: Fault[]): void;
}

function proxyError(status: 500 | 502 | 503 | 429): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (status === 429) headers['Retry-After'] = '1';
  return HttpResponse.json({ type: 'about:blank', title: 'Error', status, detail: `Injected ${status}` }, { status, headers });
}

/** Mounts the real handler (admin allowed for every request) with `initial` as the stored config. */
export function faultyServer(initial: FormConfig = defaultConfig()): FaultyServer {
  const store = createMemoryStore();
  const configs = createMemoryConfigStore(initial);
  const configWrites: FormConfig[] = [];
  const handler = createAccountRequestHandler({
    loadConfig: configs.loadConfig,
    saveConfig: async (config, context) => {
      const saved = await configs.saveConfig(config, context);
      if (saved !== false) configWrites.push(config);
      return saved;
    },
    store,
    basePath: API,
    authorize: () => true,
    hashPassword: async (password) => `test-hash-${password.length}`,
  });
  const queues: Record<string, Fault[]> = { POST: [], PUT: [] };
  const seen: Seen[] = [];

  const respond = async (request: Request): Promise<Response> => {
    const fault = queues[request.method]?.shift() ?? 'pass';
    seen.push({ method: request.method, fault, key: request.headers.get('Idempotency-Key'), ifMatch: request.headers.get('If-Match') });
    switch (fault) {
      case 'pass':
        return handler(request);
      case 'slow':
        await delay(SLOW_MS);
        return handler(request);
      case 'late':
      case 'hang': {
        const response = await handler(request);
        await delay(fault === 'late' ? LATE_MS : HANG_MS);
        return response;
      }
      case 'offline':
        return HttpResponse.error();
      case 'lost':
        await handler(request);
        return HttpResponse.error();
      case 'malformed': {
        const response = await handler(request);
        const text = await response.text();
        return new HttpResponse(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers: response.headers });
      }
      default:
        return proxyError(fault);
    }
  };

  worker.use(
    http.all(`${API}`, ({ request }) => respond(request)),
    http.all(`${API}/*`, ({ request }) => respond(request)),
  );

  return {
    store,
    seen,
    configWrites,
    config: async () => (await configs.loadConfig()) as FormConfig,
    inject(method, ...faults) {
      queues[method]?.push(...faults);
    },
  };
}

/**
 * Waits until `predicate` holds, polling with timers (background tabs get no animation
 * frames). Not a timed assertion: the limit only stops a hung test.
 */
export async function until(predicate: () => boolean, message = 'condition', timeout = 8000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
