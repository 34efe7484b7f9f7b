// The crash scenario of issue 10 (packages/sdk/src/server/test-helpers/crash-retry.ts) on the
// SQLite store: the file is reopened as a restarted demo server opens it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkCrashRetry } from '@account-request/sdk/store-conformance';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'demo-crash-retry-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const sharedFile of [false, true]) {
  test(`SQLite store${sharedFile ? ' (sharedFile)' : ''}: a submission cut by a crash, after or before its commit, is stored once when retried`, async (t) => {
    let files = 0;
    const report = await checkCrashRetry(
      {
        open: () => createSqliteStore(join(dir, `crash-${(files += 1)}.sqlite`), { sharedFile }),
        reopen: (crashed) => {
          const path = (crashed as SqliteStore).database.location();
          (crashed as SqliteStore).close();
          return createSqliteStore(path!, { sharedFile });
        },
        close: (store) => (store as SqliteStore).close(),
      },
      { leaseMs: 300 },
    );
    t.diagnostic(`retry answered ${Math.round(report.afterCommitMs)} ms (cut after the commit) and ${Math.round(report.beforeCommitMs)} ms (cut before it) after the restart`);
  });
}
