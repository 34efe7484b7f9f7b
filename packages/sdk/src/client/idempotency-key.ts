/**
 * A fresh idempotency key (a random UUID). Create one per typed draft and send it with every
 * retry of that draft; make a new one once the values change or a submission succeeded.
 */
export function createIdempotencyKey(): string {
  return crypto.randomUUID();
}
