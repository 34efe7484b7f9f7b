import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every page: scripts, styles and connections only from this
 * origin, no inline code (the elements style themselves through adopted style sheets), no
 * framing, no plugins, no `<base>` rewriting, forms posting only here.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** Headers every response carries, pages, assets and API alike. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Sets {@link COMMON_HEADERS} on every response, and {@link PAGE_CSP} on HTML ones, unless a route set its own. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(COMMON_HEADERS)) if (!headers.has(name)) headers.set(name, value);
    if (headers.get('Content-Type')?.startsWith('text/html') && !headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', PAGE_CSP);
    }
  };
}
