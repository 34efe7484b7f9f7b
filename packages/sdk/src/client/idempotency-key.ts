/**
 * A fresh idempotency key (a random UUID, version 4). Create one per typed draft and send it with
 * every retry of that draft; make a new one once the values change or a submission succeeded.
 */
export function createIdempotencyKey(): string {
  // getRandomValues rather than randomUUID, which exists only in secure contexts: a shop page
  // served over plain HTTP (an intranet host, a LAN address during set-up) must still submit.
  const random = crypto.getRandomValues(new Uint8Array(31));
  let next = 0;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (slot) => {
    const byte = random[next++] ?? 0;
    return (slot === 'x' ? byte & 15 : (byte & 3) | 8).toString(16);
  });
}
