import type { FieldError, FieldErrorCode } from '../types.js';

/** What the client keeps of an error response. */
export interface ParsedProblem {
  readonly title?: string;
  readonly detail?: string;
  readonly errors: readonly FieldError[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads an RFC 9457 problem body defensively: any body (HTML error page, empty, huge JSON) gives
 * a result, and only well-formed `errors` entries are kept.
 */
export async function readProblem(response: Response): Promise<ParsedProblem> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text()) as unknown;
  } catch {
    return { errors: [] };
  }
  if (typeof body !== 'object' || body === null) return { errors: [] };
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record['errors']) ? (record['errors'] as unknown[]) : [];
  const errors: FieldError[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, code, message } = entry as Record<string, unknown>;
    if (typeof field === 'string' && typeof code === 'string' && typeof message === 'string') {
      // The server may add codes later; they still carry a field and a message to show.
      errors.push({ field, code: code as FieldErrorCode, message });
    }
  }
  const title = text(record['title']);
  const detail = text(record['detail']);
  return { ...(title !== undefined ? { title } : {}), ...(detail !== undefined ? { detail } : {}), errors };
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
