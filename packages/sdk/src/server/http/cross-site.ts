/**
 * Browser-origin checks for the public routes. Public submissions need no cookie, but a page on
 * another site must still not be able to post requests in a visitor's name (or from their
 * network), so:
 * - a request carrying `Origin` must come from the handler's own origin or `allowedOrigins`
 *   (`Origin: null`, sent by sandboxed frames and some redirects, only when `'null'` is listed);
 * - without `Origin`, `Sec-Fetch-Site: cross-site` is refused;
 * - with neither header (curl, server-to-server calls), the request is not a browser's
 *   cross-site request and passes.
 */
export interface OriginPolicy {
  /** True when a browser request from this origin may use the public routes. */
  allows(request: Request): boolean;
  /** CORS headers to add for an allowed foreign origin (for any request, `Vary: Origin` once foreign origins are allowed). */
  corsHeaders(request: Request): Headers;
}

const ALLOWED_HEADERS = 'Content-Type, Idempotency-Key, If-None-Match, Altcha-Payload';

/** Builds the origin policy of a handler. */
export function createOriginPolicy(allowedOrigins: readonly string[] = []): OriginPolicy {
  const allowed = new Set(allowedOrigins.map((origin) => (origin === 'null' ? origin : new URL(origin).origin)));
  const foreignAllowed = (request: Request): string | undefined => {
    const origin = request.headers.get('Origin');
    if (origin === null || origin === new URL(request.url).origin) return undefined;
    return allowed.has(origin) ? origin : undefined;
  };
  return {
    allows(request) {
      const origin = request.headers.get('Origin');
      if (origin !== null) return origin === new URL(request.url).origin || allowed.has(origin);
      return request.headers.get('Sec-Fetch-Site') !== 'cross-site';
    },
    corsHeaders(request) {
      const headers = new Headers();
      // With foreign origins allowed, an answer differs by Origin for the shop's own pages too
      // (no CORS headers there): said on every answer, or a shared cache (a CDN, a proxy) could
      // give the shop's copy of a cacheable answer (the config) to a partner page.
      if (allowed.size > 0) headers.set('Vary', 'Origin');
      const origin = foreignAllowed(request);
      if (origin) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Expose-Headers', 'ETag, Location, Retry-After');
      }
      return headers;
    },
  };
}

/** The answer to a CORS preflight of a public route, or `undefined` when the origin is not allowed. */
export function preflight(policy: OriginPolicy, request: Request, methods: string): Response | undefined {
  const headers = policy.corsHeaders(request);
  if (!headers.has('Access-Control-Allow-Origin')) return undefined;
  headers.set('Access-Control-Allow-Methods', methods);
  headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  headers.set('Access-Control-Max-Age', '600');
  return new Response(null, { status: 204, headers });
}
