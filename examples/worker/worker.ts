/**
 * The account-request API as an edge-runtime module worker (Cloudflare Workers, Deno Deploy,
 * Bun, Vercel Edge...): `export default { fetch }`. Requests and the config live in memory, so
 * they last as long as the isolate; swap `createMemoryStore` for a durable `RequestStore` in
 * production (see docs/postgres-store.md).
 */
import {
  createAccountRequestHandler,
  createMemoryConfigStore,
  createMemoryStore,
  type Authorize,
} from '@account-request/sdk/server';

/** The bindings this worker reads (a secret in Cloudflare's `wrangler secret put ADMIN_TOKEN`). */
export interface WorkerEnv {
  /** Bearer token of the admin routes; without it they stay closed (403). */
  readonly ADMIN_TOKEN?: string;
}

/** A worker runtime's execution context: its `waitUntil` keeps the isolate alive after the answer. */
export interface WorkerContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** A module worker: what the runtime calls for each request. */
export interface Worker {
  fetch(request: Request, env?: WorkerEnv, ctx?: WorkerContext): Promise<Response>;
}

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  readonly adminToken?: string;
  /** A starting config (parsed and normalized); the default config otherwise. */
  readonly initialConfig?: unknown;
  readonly basePath?: string;
}

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

// Comparing digests keeps the time spent independent of where a guessed token first differs.
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function bearerAuthorize(token: string): Authorize {
  return async (request) => {
    const header = request.headers.get('Authorization') ?? '';
    const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (given !== undefined && (await sameSecret(given, token))) return true;
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }), {
      status: 401,
      headers: { 'Content-Type': 'application/problem+json', 'WWW-Authenticate': 'Bearer realm="account-requests"' },
    });
  };
}

/** Builds one worker with its own in-memory stores (tests create as many as they need). */
export function createWorker(options: WorkerOptions = {}): Worker {
  const handler = createAccountRequestHandler({
    ...createMemoryConfigStore(options.initialConfig),
    store: createMemoryStore(),
    basePath: options.basePath ?? '/api/account-requests',
    ...(options.adminToken ? { authorize: bearerAuthorize(options.adminToken) } : {}),
  });
  // The context goes to the handler: e-mails and webhooks a request leaves running after its
  // answer are kept alive by it (without, the isolate may stop first).
  return { fetch: (request, env, ctx) => handler(request, env, ctx) };
}

let instance: Worker | undefined;

/** The module worker. Bindings arrive with the first request, so the handler is built then. */
export default {
  fetch(request: Request, env: WorkerEnv = {}, ctx?: WorkerContext): Promise<Response> {
    instance ??= createWorker(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {});
    return instance.fetch(request, env, ctx);
  },
} satisfies Worker;
