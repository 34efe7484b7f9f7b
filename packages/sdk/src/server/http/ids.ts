/**
 * What an id in a route or a query may hold (a request's, an invitation's, a file's): the UUIDs
 * the stores make and the ids a custom store may make. Anything else never reaches a store,
 * whose query might refuse it (PostgreSQL and a NUL).
 */
export const RECORD_ID = '[A-Za-z0-9_-]{1,64}';

const WHOLE = new RegExp(`^${RECORD_ID}$`);

/** True when `value` can be an id ({@link RECORD_ID}). */
export function isRecordId(value: string): boolean {
  return WHOLE.test(value);
}
