import { requireAdmin } from './admin.js';
import type { HandlerContext } from './context.js';
import { HttpProblem, json, problem } from './problem.js';
import type { AccountRequestRecord } from './store.js';

/** An account request as admin routes send it: everything but the password hash. */
export type PublicRecord = Omit<AccountRequestRecord, 'passwordHash'>;

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** Drops the password hash (and any stray `password` value a custom store might keep). */
export function toPublicRecord(record: AccountRequestRecord): PublicRecord {
  const { passwordHash: _hash, values, ...rest } = record;
  const { password: _password, ...safeValues } = values;
  return { ...rest, values: safeValues };
}

function readInteger(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) > max) {
    throw new HttpProblem(problem(400, `The ${name} parameter must be a whole number from 0 to ${max}.`));
  }
  return Number(raw);
}

/** `GET {base}?limit=&offset=`: admin; the requests, newest first, as a JSON array. */
export async function listRequests(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const params = new URL(request.url).searchParams;
  const limit = readInteger(params, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
  const offset = readInteger(params, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const records = await context.store(() => context.options.store.list({ limit, offset }));
  return json(200, records.map(toPublicRecord));
}

/** `GET {base}/{id}`: admin; one request (the `Location` of a 201). */
export async function getRequest(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const record = await context.store(() => context.options.store.get(id));
  if (!record) return problem(404, 'No account request has this id.');
  return json(200, toPublicRecord(record));
}
