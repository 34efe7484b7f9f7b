// Deliveries started after an answer (the e-mails of a new request, its webhooks) go through
// one queue per handler instead of each starting its own run: under a burst, hundreds of runs
// side by side took the CPU from the requests still waiting for their answer. The queue sends
// a few batches at a time, lets the event loop serve waiting requests between batches and
// waits while other requests are being answered; what it has not sent yet is pending in the
// store, so nothing depends on it for safety.

/** A queue of outbox ids to send soon, a few batches at a time. */
export interface BackgroundSends {
  /**
   * Queues `ids` and makes sure runs are going. The runs are handed to `waitUntil` (when given)
   * so a platform that stops work after the answer keeps them alive until the queue is empty.
   */
  add(ids: readonly string[], waitUntil?: (promise: Promise<unknown>) => void): void;
  /** Settles when the queue is empty. */
  idle(): Promise<void>;
}

/** Options of {@link createBackgroundSends}. */
export interface BackgroundSendsOptions {
  /** Ids handed to one `send` call (default 20). */
  readonly batchSize?: number;
  /** Batches sent side by side at most (default 4): a mail relay answers each message in turn, so one at a time drains slowly. */
  readonly concurrency?: number;
  /**
   * Ids kept at most (default 50,000): a queue without bound would let a long burst fill the
   * memory. Beyond, new ids are not queued; they are due in the store, and once the queue is
   * empty it asks `sendDue` for them.
   */
  readonly maxQueued?: number;
  /**
   * Sends a batch of what is due in the store, whatever its id; resolves how many it handled
   * (0: nothing due). Called, until it handles none, after ids were turned away. Without it,
   * those are left to the caller's retry timer.
   */
  readonly sendDue?: () => Promise<number>;
  /**
   * Whether answers are being computed now: a batch waits (checking every few milliseconds) until
   * this says no, or until `maxDelayMs` passed, so a burst of submissions is answered first and
   * its e-mails follow. Default: never busy.
   */
  readonly busy?: () => boolean;
  /** The longest a batch waits for `busy` to say no (default 1,000 ms): under a steady load the queue still moves. */
  readonly maxDelayMs?: number;
  /** Once aborted, no batch starts and nothing is queued (a batch being sent finishes): the ids stay due in the store. */
  readonly signal?: AbortSignal;
}

// A macrotask, so requests whose sockets are readable are served before the next batch.
const nextTurn = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const BUSY_CHECK_MS = 5;

/** A queue that hands batches of ids to `send`; `send`'s failures are ignored (the ids stay due in the store). */
export function createBackgroundSends(send: (ids: readonly string[]) => Promise<unknown>, options: BackgroundSendsOptions = {}): BackgroundSends {
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? 4;
  const maxQueued = options.maxQueued ?? 50_000;
  const busy = options.busy ?? (() => false);
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const queued: string[] = [];
  const runs = new Set<Promise<void>>();
  // Ids were turned away since the store was last drained through `sendDue`.
  let overflowed = false;
  let draining = false;

  // A macrotask, and while other requests are being answered a wait of at most maxDelayMs.
  const turn = async (): Promise<void> => {
    await nextTurn();
    const since = Date.now();
    while (busy() && Date.now() - since < maxDelayMs) await nextTurn(BUSY_CHECK_MS);
  };

  // What the queue turned away, from the store, by one run at a time.
  const drainStore = async (): Promise<void> => {
    overflowed = false;
    for (;;) {
      await turn();
      if (options.signal?.aborted) return;
      let handled = 0;
      try {
        handled = (await options.sendDue?.()) ?? 0;
      } catch {
        // The store or the transport failed: the retry timer takes over.
      }
      if (handled === 0 || queued.length > 0) return;
    }
  };

  // `now`: the first batch starts at once (nothing else is being answered), as a lone
  // submission's e-mails always did; the next ones wait their turn.
  const run = async (now: boolean): Promise<void> => {
    do {
      if (now) {
        // A microtask: the run is in `runs` before it can end.
        await undefined;
        now = false;
      } else {
        await turn();
      }
      if (options.signal?.aborted) {
        queued.length = 0;
        return;
      }
      const batch = queued.splice(0, batchSize);
      try {
        if (batch.length > 0) await send(batch);
      } catch {
        // The ids stay due in the store: the retry timer sends them.
      }
    } while (queued.length > 0);
    // A run that finds the queue empty drains what was turned away (one run at a time).
    if (overflowed && options.sendDue && !draining) {
      draining = true;
      try {
        await drainStore();
      } finally {
        draining = false;
      }
    }
  };

  const start = (now: boolean): void => {
    const running: Promise<void> = run(now).finally(() => runs.delete(running));
    runs.add(running);
  };

  const all = (): Promise<void> => Promise.all(runs).then(() => (runs.size > 0 ? all() : undefined));

  return {
    add(ids, waitUntil) {
      if (ids.length === 0 || options.signal?.aborted) return;
      const room = maxQueued - queued.length;
      if (ids.length > room) overflowed = true;
      if (room <= 0) return;
      queued.push(...(ids.length > room ? ids.slice(0, room) : ids));
      const wanted = Math.min(concurrency, Math.ceil(queued.length / batchSize));
      const now = runs.size === 0 && !busy();
      while (runs.size < wanted) start(now);
      if (waitUntil) for (const running of runs) waitUntil(running);
    },
    idle: all,
  };
}
