/** How much a lookup adapter remembers. */
export interface CacheOptions {
  /** How long an answer is reused, in ms. */
  readonly ttlMs?: number;
  /** How many answers are kept; the least recently used goes first. */
  readonly max?: number;
}

/** Answers by key, each reused for a while; concurrent asks for one key share one load. */
export interface LookupCache<V> {
  /**
   * The cached answer of `key`, else `load()`'s (kept once it resolves; a rejection is not kept).
   * With `fresh`, `load()` is asked even when an answer is cached, and its answer replaces it.
   */
  through(key: string, load: () => Promise<V>, fresh?: boolean): Promise<V>;
  readonly size: number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  /** Until when the answer is reused; infinite while the load runs. */
  expiresAt: number;
}

/**
 * A small in-memory cache: at most `max` answers (default 500), each kept `ttlMs` (default
 * 10 minutes) from when it arrived. With `max: 0` nothing is kept; with `ttlMs: 0` an answer is
 * not reused once it arrived (asks made while it loads still share the one call).
 */
export function createLookupCache<V>(options: CacheOptions & { readonly now?: () => number } = {}): LookupCache<V> {
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const max = options.max ?? 500;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();

  const trim = (): void => {
    for (const key of entries.keys()) {
      if (entries.size <= max) break;
      entries.delete(key);
    }
  };

  return {
    get size() {
      return entries.size;
    },
    through(key, load, fresh = false) {
      const found = entries.get(key);
      if (found && !fresh && found.expiresAt > now()) {
        // Moved to the end: the map's order is the order of last use.
        entries.delete(key);
        entries.set(key, found);
        return found.value;
      }
      entries.delete(key);
      const value = load();
      const entry: Entry<V> = { value, expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      trim();
      value.then(
        () => {
          entry.expiresAt = now() + ttlMs;
          if (ttlMs <= 0 && entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
  };
}
