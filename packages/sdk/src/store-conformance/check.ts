import { canonicalJson } from '../server/http/etag.js';

/** A failed conformance check: says what was expected of the store and what it did. */
export class ConformanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceError';
  }
}

const show = (value: unknown): string => (value === undefined ? 'undefined' : canonicalJson(value));

/** `actual` and `expected` are the same primitive (Object.is). */
export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) throw new ConformanceError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * `actual` and `expected` are the same JSON data: key order and `undefined` members do not
 * count (stores rebuild records from rows, in their own order).
 */
export function same(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual);
  const b = show(expected);
  if (a !== b) throw new ConformanceError(`${what}:\n  expected ${b}\n  got      ${a}`);
}

/** `value` is truthy. */
export function ok(value: unknown, what: string): asserts value {
  if (!value) throw new ConformanceError(`${what}: expected a value, got ${show(value)}`);
}

/** `promise` rejects. */
export async function rejects(promise: Promise<unknown>, what: string): Promise<void> {
  let resolved = false;
  try {
    await promise;
    resolved = true;
  } catch {
    // Expected.
  }
  if (resolved) throw new ConformanceError(`${what}: expected a rejection, but it resolved`);
}

/** How many of `items` are `value`. */
export function count<T>(items: readonly T[], value: T): number {
  return items.filter((item) => item === value).length;
}
