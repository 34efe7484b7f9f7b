import { HttpProblem, problem } from './problem.js';
import type { StoredResponse } from '../stores/store.js';

// Printable ASCII without space: a UUID, a ULID or any opaque token fits; a header-injection or
// binary blob does not. 255 is the limit of common gateways' and Stripe's keys.
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
// What a JavaScript client sends when it has no key: the header turns the missing value into
// text. Taken as a key, every such client's submissions would share it (replays, 422s).
const NOT_A_KEY = new Set(['undefined', 'null', '[object Object]']);

/** The `Idempotency-Key` of a submission, or a 400 problem when it is missing or malformed. */
export function readIdempotencyKey(request: Request): string {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key === '') {
    throw new HttpProblem(problem(400, 'Send an Idempotency-Key header: the same value for every retry of one submission.', { type: 'urn:account-request:problem:idempotency-key-missing' }));
  }
  if (!KEY_PATTERN.test(key) || NOT_A_KEY.has(key)) {
    throw new HttpProblem(problem(400, 'The Idempotency-Key must be 1 to 255 printable ASCII characters without spaces (not "undefined" or "null").', { type: 'urn:account-request:problem:idempotency-key-invalid' }));
  }
  return key;
}

/** The 422 answered when a key comes back with another body. */
export function keyReusedProblem(): Response {
  return problem(422, 'This Idempotency-Key was already used with a different request body; create a new key for a new submission.', {
    type: 'urn:account-request:problem:idempotency-key-reused',
    title: 'Idempotency key reused',
  });
}

/** A response kept in memory so several callers can each receive their own copy. */
export interface ResponseSnapshot extends StoredResponse {
  readonly headers: readonly (readonly [string, string])[];
}

/** Reads a response once into a snapshot. */
export async function snapshot(response: Response): Promise<ResponseSnapshot> {
  const location = response.headers.get('Location');
  return {
    status: response.status,
    body: await response.text(),
    contentType: response.headers.get('Content-Type') ?? 'application/json',
    ...(location !== null ? { location } : {}),
    headers: [...response.headers],
  };
}

/** A fresh response from a snapshot or a stored response; `replayed` marks a replay for clients and logs. */
export function toResponse(stored: StoredResponse | ResponseSnapshot, replayed = false): Response {
  const headers = new Headers('headers' in stored ? stored.headers.map(([name, value]): [string, string] => [name, value]) : []);
  headers.set('Content-Type', stored.contentType);
  if (stored.location !== undefined) headers.set('Location', stored.location);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  if (replayed) headers.set('Idempotent-Replayed', 'true');
  return new Response(stored.body, { status: stored.status, headers });
}

/**
 * Coalesces concurrent requests with one key inside this process: the first runs `work`, the
 * others wait for its response and get a copy of it (or a 422 when their body differs). Together
 * with the store's atomic claim (which covers other processes and later retries), a burst of
 * duplicates creates exactly one request.
 */
export class InFlightRequests {
  readonly #running = new Map<string, { bodyHash: string; result: Promise<ResponseSnapshot> }>();

  /** Runs `work` for the first caller of `key`; later concurrent callers share its outcome. */
  async run(key: string, bodyHash: string, work: () => Promise<Response>): Promise<Response> {
    const running = this.#running.get(key);
    if (running) {
      if (running.bodyHash !== bodyHash) return keyReusedProblem();
      return toResponse(await running.result, true);
    }
    // No await between the lookup above and this set: a concurrent caller always sees the entry.
    const result = work().then(snapshot);
    this.#running.set(key, { bodyHash, result });
    try {
      return toResponse(await result);
    } finally {
      this.#running.delete(key);
    }
  }
}
