import { isRequestStatus, type RequestStatus } from './lifecycle.js';
import { HttpProblem, problem } from '../http/problem.js';
import type { RequestQuery, RequestSort } from '../stores/processing-store.js';
import { isVatCheckState, VAT_CHECK_STATES, type VatCheckState } from '../checks/types.js';
import { hasForbiddenCharacters } from '../../validation/validators/text.js';
import type { FieldErrorCode } from '../../types.js';

/** The filter and sort parameters of the list and export routes. */
export const FILTER_PARAMS = ['status', 'inAccount', 'vatCheck', 'q', 'from', 'to', 'sort', 'order'] as const;

const SORTS: readonly RequestSort[] = ['createdAt', 'companyName', 'status'];
const DAY_MS = 24 * 60 * 60 * 1000;
const MIN_TIME = Date.UTC(1000, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The longest `q` the list and export routes search for, in UTF-16 code units. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * A 400 naming the parameter (`errors[0].field`) and what is wrong with it (`code`, one of the
 * field error codes): enough for a page to say it in its own language (the demo's list page does).
 */
function bad(detail: string, field: string, code: FieldErrorCode): HttpProblem {
  return new HttpProblem(problem(400, detail, { type: 'urn:account-request:problem:invalid-query', errors: [{ field, code, message: detail }] }));
}

function readStatuses(params: URLSearchParams): RequestStatus[] | undefined {
  const raw = params.getAll('status').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (raw.length === 0) return undefined;
  // `pending` is the public name of `new` (the 201 of a submission says it).
  const statuses = raw.map((value) => (value === 'pending' ? 'new' : value));
  const wrong = statuses.find((value) => !isRequestStatus(value));
  if (wrong !== undefined) throw bad(`Unknown status "${wrong.slice(0, 40)}": use new, in-progress, accepted or rejected.`, 'status', 'invalid_option');
  return [...new Set(statuses as RequestStatus[])];
}

function readVatChecks(params: URLSearchParams): VatCheckState[] | undefined {
  const raw = params.getAll('vatCheck').flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  if (raw.length === 0) return undefined;
  const wrong = raw.find((value) => !isVatCheckState(value));
  if (wrong !== undefined) throw bad(`Unknown VAT check state "${wrong.slice(0, 40)}": use ${VAT_CHECK_STATES.join(', ')}.`, 'vatCheck', 'invalid_option');
  return [...new Set(raw as VatCheckState[])];
}

function readBoolean(params: URLSearchParams, name: 'inAccount'): boolean | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw bad(`The ${name} parameter must be true or false.`, name, 'invalid_option');
}

/**
 * An instant from `YYYY-MM-DD` (midnight UTC; with `endOfDay`, the next midnight, so a `to`
 * date includes its whole day) or an ISO 8601 date-time with its offset.
 */
export function readInstant(raw: string | null, name: string, endOfDay = false): string | undefined {
  if (raw === null || raw === '') return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const valid = dateOnly || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
  const time = valid ? Date.parse(dateOnly ? `${raw}T00:00:00Z` : raw) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to March: the calendar date must survive the round trip.
  const day = raw.slice(0, 10);
  const real = Number.isFinite(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!Number.isFinite(time) || !real) throw bad(`The ${name} parameter must be a date (YYYY-MM-DD) or an ISO 8601 date-time.`, name, 'invalid_format');
  // Four-digit years only, as stores read them: year 0 (PostgreSQL has none) or a date-time
  // whose offset leaves year 9999 would be refused by a database, not by this check.
  if (time < MIN_TIME || time > MAX_TIME) throw bad(`The ${name} parameter must fall between the years 1000 and 9999.`, name, 'out_of_range');
  // A `to` of 9999-12-31 ends with the last representable instant rather than in year 10000.
  return new Date(Math.min(dateOnly && endOfDay ? time + DAY_MS : time, MAX_TIME)).toISOString();
}

/** Reads the filters and sort of a list or export URL; a malformed one is a 400 problem. */
export function readRequestQuery(params: URLSearchParams): Omit<RequestQuery, 'limit' | 'offset'> {
  const status = readStatuses(params);
  const inAccount = readBoolean(params, 'inAccount');
  const vatCheck = readVatChecks(params);
  const q = params.get('q')?.trim() ?? '';
  if (q.length > MAX_SEARCH_LENGTH) throw bad(`The q parameter may have at most ${MAX_SEARCH_LENGTH} characters.`, 'q', 'too_long');
  // No stored value holds them (validation refuses them), and a database may refuse them in a query (PostgreSQL: NUL).
  if (hasForbiddenCharacters(q)) throw bad('The q parameter holds characters no value may contain (control characters, bidi overrides).', 'q', 'invalid_characters');
  const from = readInstant(params.get('from'), 'from');
  const to = readInstant(params.get('to'), 'to', true);
  const sort = params.get('sort') ?? 'createdAt';
  if (!(SORTS as readonly string[]).includes(sort)) throw bad('The sort parameter must be createdAt, companyName or status.', 'sort', 'invalid_option');
  const order = params.get('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc') throw bad('The order parameter must be asc or desc.', 'order', 'invalid_option');
  return {
    ...(status ? { status } : {}),
    ...(inAccount !== undefined ? { inAccount } : {}),
    ...(vatCheck ? { vatCheck } : {}),
    ...(q !== '' ? { q } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    sort: sort as RequestSort,
    order,
  };
}

/** True when the URL asks for any filter or sort (a plain list works on any store). */
export function hasFilters(params: URLSearchParams): boolean {
  return FILTER_PARAMS.some((name) => params.has(name));
}
