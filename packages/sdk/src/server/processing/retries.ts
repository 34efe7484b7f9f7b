// What the e-mail outbox, the webhook dispatcher and the checks runner share about retrying.

/** A wait of `firstMs` after the first attempt, doubling with each further one, at most `maxMs`. */
export function doublingBackoffMs(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(firstMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

/**
 * A failed attempt in one line of at most `maxLength` characters, for admin pages and logs:
 * the error's name and message (and its cause's message with `withCause`).
 */
export function oneLineError(error: unknown, options: { readonly withCause?: boolean; readonly maxLength: number }): string {
  const cause = options.withCause && error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const text = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
  return text.replace(/[\r\n]+/g, ' ').slice(0, options.maxLength) || 'Unknown error';
}

/**
 * Records that a message went out (`write`), trying again after 0.25 s, 0.5 s… (at most 5 s)
 * while it fails and the claim on the message holds: the message was sent, and a store that
 * blinked (a database restarting) must not leave its claim to lapse and another worker to send
 * it again. `lockedUntil` is the claim's end on the store's clock `now`; the waits are timed on
 * the machine's, with a second kept in hand. Throws the last error once the claim would end.
 */
export async function recordWhileClaimed(write: () => Promise<unknown>, lockedUntil: string | undefined, now: () => Date): Promise<void> {
  const started = Date.now();
  const left = lockedUntil === undefined ? 0 : Date.parse(lockedUntil) - now().getTime() - 1000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await write();
      return;
    } catch (error) {
      const pause = doublingBackoffMs(attempt, 250, 5000);
      if (Date.now() - started + pause >= left) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
