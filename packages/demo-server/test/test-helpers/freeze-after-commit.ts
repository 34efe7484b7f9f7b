// Fault injection for the crash test of issue 10 (test/crash.node.test.ts), through the server
// entry frozen-main.ts (production's main.ts has no such hook). After the Nth request committed by the store,
// the process prints one line and freezes (its only thread blocks: no answer, no other write),
// so the test can SIGKILL it exactly between a commit and whatever the handler does next.
import { writeSync } from 'node:fs';
import type { SqliteStore } from '../../src/sqlite-store.js';

/** The line printed when the process freezes: `<marker> <request id> <idempotency key or ->`. */
export const FROZEN_MARKER = 'FROZEN-AFTER-COMMIT';

// A frozen process is meant to be killed; one left behind by a dead test exits by itself.
const FREEZE_LIMIT_MS = 120_000;

/** Wraps the store's `create` so the process freezes right after the `count`th commit. */
export function freezeAfterCommit(count: number): (store: SqliteStore) => SqliteStore {
  let created = 0;
  return (store) => ({
    ...store,
    async create(record, options) {
      await store.create(record, options);
      created += 1;
      if (created !== count) return;
      // Synchronous: the line must be out before the thread stops.
      writeSync(1, `${FROZEN_MARKER} ${record.id} ${options?.answer?.key ?? '-'}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, FREEZE_LIMIT_MS);
      process.exit(70);
    },
  });
}
