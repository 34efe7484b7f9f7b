// The store conformance suite on the demo's SQLite store, its config store and rate-limit
// counters, each case on a new file; the cross-instance cases open the same file again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '@account-request/sdk';
import { describeStoreConformance, type StoreUnderTest } from '@account-request/sdk/store-conformance';
import { openSqliteConfigStore } from './config-store.js';
import { createSqliteRateLimits } from './sqlite-rate-limit.js';
import { createSqliteStore } from './sqlite-store.js';

const paths = new WeakMap<StoreUnderTest, string>();

async function openFile(path: string, now: () => number, sharedFile: boolean, onClose: () => void): Promise<StoreUnderTest> {
  const store = createSqliteStore(path, { now, sharedFile });
  const config = await openSqliteConfigStore(store.database, defaultConfig());
  const opened: StoreUnderTest = {
    store,
    rateLimits: createSqliteRateLimits(store.database),
    config,
    close() {
      store.close();
      onClose();
    },
  };
  paths.set(opened, path);
  return opened;
}

describeStoreConformance({ describe, it }, 'SQLite (demo server)', {
  open(now) {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-conformance-'));
    return openFile(join(dir, 'requests.sqlite'), now, true, () => rmSync(dir, { recursive: true, force: true }));
  },
  openPeer(first, now) {
    return openFile(paths.get(first)!, now, true, () => undefined);
  },
});
