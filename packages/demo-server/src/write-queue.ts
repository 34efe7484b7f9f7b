import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Group commit for one SQLite connection: the writes asked for during one turn of the event loop
 * run together in one transaction, hence one fsync of the WAL (`synchronous = FULL`) for all of
 * them instead of one each. The transaction is opened, run and committed within one callback,
 * so no lock is held between turns and reads never see uncommitted rows.
 *
 * A write can say it makes no promise (`durable: false`): a claim on an idempotency key, the
 * lock of an e-mail being sent. A turn with only such writes commits without the fsync
 * (`synchronous = NORMAL`): the commit survives a crash of the process, and only an OS crash or
 * a power cut can undo it, which then is what happens to a claim never made (the key is free
 * again, the e-mail is due again). The next durable commit syncs the WAL, theirs included.
 */
export interface WriteQueue {
  /**
   * Runs `work` in the next group transaction (after the I/O callbacks of this turn), as a unit
   * of its own: if it throws, only its changes are undone. Resolves with its result, or rejects
   * with its error, once that transaction has committed, so a caller never answers before its
   * write is on disk. If the transaction cannot begin or commit, every write in it rejects.
   */
  write<T>(work: () => T, options?: WriteOptions): Promise<T>;
  /** Runs and commits the writes waiting now (before closing the database). */
  flush(): void;
}

/** Options of {@link WriteQueue.write}. */
export interface WriteOptions {
  /**
   * `false` for a write whose loss on an OS crash or power cut breaks no promise made to anyone
   * (nothing was answered or sent on its strength alone). Default `true`.
   */
  readonly durable?: boolean;
}

interface Pending {
  readonly durable: boolean;
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const queues = new WeakMap<DatabaseSync, WriteQueue>();

/** The write queue of `db`, created on first use: every module writing to `db` shares it. */
export function writeQueue(db: DatabaseSync): WriteQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = createWriteQueue(db)));
  return queue;
}

function createWriteQueue(db: DatabaseSync): WriteQueue {
  let pending: Pending[] = [];
  let scheduled = false;
  // Prepared once: exec() would parse each of them for every write.
  let statements: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', StatementSync> | undefined;
  // What `PRAGMA synchronous` is now: the database module opens every connection with FULL.
  let synced = true;
  const sql = () =>
    (statements ??= {
      // IMMEDIATE takes the write lock first: another process cannot write between our reads
      // and our writes.
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT one_write'),
      release: db.prepare('RELEASE one_write'),
      undo: db.prepare('ROLLBACK TO one_write'),
    });

  // Runs the batch in one transaction; throws only when the transaction itself fails (then
  // nothing of it was written).
  const commit = (batch: readonly Pending[]): ({ readonly value: unknown } | { readonly error: unknown })[] => {
    const run = sql();
    const outcomes: ({ readonly value: unknown } | { readonly error: unknown })[] = [];
    const durable = batch.some((write) => write.durable);
    if (durable !== synced) {
      // exec, not a prepared statement: SQLite applies this pragma when it compiles it.
      db.exec(durable ? 'PRAGMA synchronous = FULL' : 'PRAGMA synchronous = NORMAL');
      synced = durable;
    }
    run.begin.run();
    try {
      for (const write of batch) {
        run.savepoint.run();
        try {
          outcomes.push({ value: write.work() });
          run.release.run();
        } catch (error) {
          run.undo.run();
          run.release.run();
          outcomes.push({ error });
        }
      }
      run.commit.run();
    } catch (error) {
      try {
        run.rollback.run();
      } catch {
        // SQLite rolled back already.
      }
      throw error;
    }
    return outcomes;
  };

  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let outcomes: ({ readonly value: unknown } | { readonly error: unknown })[];
    try {
      if (!db.isOpen) throw new Error('The database is closed.');
      outcomes = commit(batch);
    } catch (error) {
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if ('error' in outcome) write.reject(outcome.error);
      else write.resolve(outcome.value);
    });
  };

  return {
    write<T>(work: () => T, options?: WriteOptions): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ durable: options?.durable ?? true, work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}

/** The options of a write that makes no promise (see {@link WriteQueue}). */
export const NOT_DURABLE: WriteOptions = { durable: false };
