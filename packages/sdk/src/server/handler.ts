import { getConfig, putConfig } from './config-routes.js';
import { createContext, type HandlerContext } from './context.js';
import { preflight } from './cross-site.js';
import { getRequest, listRequests } from './list-routes.js';
import type { HandlerOptions } from './options.js';
import { HttpProblem, problem } from './problem.js';
import { postSubmission } from './submit-route.js';

type Route = 'collection' | 'config' | { readonly id: string } | undefined;

function normalizeBase(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}

function matchRoute(pathname: string, base: string): Route {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
  const rest = pathname.slice(base.length).replace(/\/$/, '');
  if (rest === '') return 'collection';
  if (rest === '/config') return 'config';
  const id = /^\/([A-Za-z0-9_-]{1,64})$/.exec(rest)?.[1];
  return id ? { id } : undefined;
}

function notAllowed(allow: string): Response {
  return problem(405, `Use ${allow.replace(/, ([^,]*)$/, ' or $1')} on this route.`, { headers: { Allow: allow } });
}

async function route(context: HandlerContext, request: Request, base: string): Promise<Response> {
  const url = new URL(request.url);
  const target = matchRoute(url.pathname, base);
  const method = request.method.toUpperCase();
  if (target === 'config') {
    if (method === 'GET' || method === 'HEAD') return getConfig(context, request);
    if (method === 'PUT') return putConfig(context, request);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET, HEAD') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, PUT, OPTIONS' } });
    return notAllowed('GET, HEAD, PUT');
  }
  if (target === 'collection') {
    if (method === 'POST') return postSubmission(context, request, (id) => `${base}/${id}`);
    if (method === 'GET' || method === 'HEAD') return listRequests(context, request);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'POST') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } });
    return notAllowed('GET, HEAD, POST');
  }
  if (target) {
    if (method === 'GET' || method === 'HEAD') return getRequest(context, request, target.id);
    return notAllowed('GET, HEAD');
  }
  return problem(404, `No route matches ${url.pathname}.`);
}

/**
 * Creates the account-request HTTP handler: a fetch-style `(request) => Promise<Response>` on
 * standard Request/Response and WebCrypto only, so it runs on Node 22+, Deno, Bun and workers.
 * Routes, under `basePath`:
 * - `GET {base}/config`: the normalized config with a strong `ETag` (304 on `If-None-Match`);
 * - `PUT {base}/config` (admin, `If-Match` required): saves and returns the normalized config;
 * - `POST {base}`: an account request, idempotent by `Idempotency-Key`;
 * - `GET {base}` and `GET {base}/{id}` (admin): stored requests, newest first, never a password.
 * Every error is an RFC 9457 problem+json response; bad input never yields a 500, and a failing
 * store or config source answers 503.
 */
export function createAccountRequestHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const context = createContext(options);
  const base = normalizeBase(options.basePath ?? '');
  return async (request) => {
    let response: Response;
    try {
      response = await route(context, request, base);
    } catch (error) {
      response = error instanceof HttpProblem ? error.response : problem(500, 'Unexpected server error.');
    }
    return request.method.toUpperCase() === 'HEAD' && response.body ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}
