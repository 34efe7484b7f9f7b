import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from './logger.js';

/** An `X-Request-Id` from a proxy is kept when it looks like an id (no spaces, bounded). */
const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Probes polled every few seconds: logged at `debug` so they do not drown the rest. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz']);

/**
 * Logs one line per request once it is answered: method, route pattern (`/activation/:token`,
 * never the path or the query, which may hold a token or search terms), status, duration in
 * milliseconds and a request id, also sent back as `X-Request-Id` (taken from the proxy's
 * header when it sent a plausible one). Headers and bodies are never logged.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const id = incoming !== undefined && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    try {
      await next();
    } finally {
      // The pattern of the handler that answered; none for a path no route serves.
      const route = routePath(c) || '*';
      c.res.headers.set('X-Request-Id', id);
      const line = { reqId: id, method: c.req.method, route, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 };
      if (QUIET_ROUTES.has(route)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    }
  };
}
