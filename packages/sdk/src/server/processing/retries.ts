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
