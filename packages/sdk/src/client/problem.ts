import type { ConfigIssue, ConfigIssueCode } from '../config/errors.js';
import type { FieldError, FieldErrorCode } from '../types.js';

/** What the client keeps of an error response. */
export interface ParsedProblem {
  /** The problem's `type` URI, when the body has one. */
  readonly type?: string;
  readonly detail?: string;
  readonly errors: readonly FieldError[];
}

/** The body of `response` parsed as JSON; rejects when it is not JSON. */
export async function readJson(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

/**
 * Reads an RFC 9457 problem body defensively: any body (HTML error page, empty, huge JSON) gives
 * a result, and only well-formed `errors` entries are kept.
 */
export async function readProblem(response: Response): Promise<ParsedProblem> {
  const { errors, detail, type } = ((await readJson(response).catch(() => null)) ?? {}) as Record<string, unknown>;
  const kept: FieldError[] = [];
  for (const entry of Array.isArray(errors) ? (errors as unknown[]) : []) {
    const { field, code, message } = (entry ?? {}) as Record<string, unknown>;
    if (typeof field === 'string' && typeof code === 'string' && typeof message === 'string') {
      // The server may add codes later; they still carry a field and a message to show.
      kept.push({ field, code: code as FieldErrorCode, message });
    }
  }
  return { ...(typeof type === 'string' ? { type } : {}), ...(typeof detail === 'string' ? { detail } : {}), errors: kept };
}

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3); `undefined` when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const pathOf = (field: string): (string | number)[] => (field === '' ? [] : field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));

/**
 * The issues of a config refusal (422): each entry's `field` as a path, its `issue` as the code
 * (`invalid` when absent or malformed) and its text or number `params`.
 */
export async function readConfigIssues(response: Response): Promise<ConfigIssue[]> {
  const { errors } = ((await readJson(response).catch(() => null)) ?? {}) as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const entry of Array.isArray(errors) ? (errors as unknown[]) : []) {
    const { field, issue, params, message } = (entry ?? {}) as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') continue;
    // Passed on as sent (no list of codes in the browser bundle): a newer server may know more rules.
    const code = (typeof issue === 'string' && /^[a-z_]{1,40}$/.test(issue) ? issue : 'invalid') as ConfigIssueCode;
    // fromEntries defines own properties: a `__proto__` key of the body stays a plain entry.
    const kept = Object.fromEntries(Object.entries(typeof params === 'object' && params !== null ? params : {}).filter(([, value]) => typeof value === 'string' || typeof value === 'number')) as Record<string, string | number>;
    issues.push(Object.keys(kept).length ? { path: pathOf(field), code, params: kept, message } : { path: pathOf(field), code, message });
  }
  return issues;
}
