import { requireAdmin } from '../http/admin.js';
import type { HandlerContext } from '../http/context.js';
import { ifNoneMatchSatisfied } from '../http/etag.js';
import { requestEtag, toProcessedRecord } from '../processing/lifecycle.js';
import { recordResponse, toPublicRecord } from './processing-routes.js';
import { HttpProblem, json, problem } from '../http/problem.js';
import { hasFilters, readRequestQuery } from '../processing/request-query.js';

export { toPublicRecord, type PublicRecord } from './processing-routes.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** A whole number parameter from 0 to `max`, or a 400 problem. */
export function readInteger(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) > max) {
    throw new HttpProblem(problem(400, `The ${name} parameter must be a whole number from 0 to ${max}.`));
  }
  return Number(raw);
}

function pageLinks(url: URL, limit: number, offset: number, total: number): string {
  const link = (at: number, rel: string): string => {
    const target = new URL(url);
    target.searchParams.set('offset', String(at));
    target.searchParams.set('limit', String(limit));
    return `<${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (offset + limit < total) links.push(link(offset + limit, 'next'));
  if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev'));
  return links.join(', ');
}

/**
 * `GET {base}?status=&inAccount=&q=&from=&to=&sort=&order=&limit=&offset=`: admin; a JSON array
 * of requests, newest first unless sorted otherwise, with the number of matches in
 * `X-Total-Count` and `Link` next/prev pages. Filters need a `ProcessingStore`.
 */
export async function listRequests(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const url = new URL(request.url);
  const params = url.searchParams;
  const limit = readInteger(params, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  const offset = readInteger(params, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const store = context.processing;
  if (!store) {
    if (hasFilters(params)) return problem(501, 'The request store cannot filter or sort (see ProcessingStore).');
    const records = await context.store(() => context.options.store.list({ limit, offset }));
    return json(200, records.map(toPublicRecord));
  }
  const query = readRequestQuery(params);
  const page = await context.store(() => store.query({ ...query, limit, offset }));
  const headers: Record<string, string> = { 'X-Total-Count': String(page.total) };
  const links = pageLinks(url, limit, offset, page.total);
  if (links) headers['Link'] = links;
  return json(200, page.items.map(toPublicRecord), headers);
}

/** `GET {base}/{id}`: admin; one request (the `Location` of a 201) with its ETag (`If-None-Match` gives 304). */
export async function getRequest(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const stored = await context.store(() => context.options.store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  const record = toProcessedRecord(stored);
  const ifNoneMatch = request.headers.get('If-None-Match');
  if (ifNoneMatch !== null && ifNoneMatchSatisfied(ifNoneMatch, requestEtag(record))) return new Response(null, { status: 304, headers: { ETag: requestEtag(record), 'Cache-Control': 'no-store' } });
  return recordResponse(record);
}
