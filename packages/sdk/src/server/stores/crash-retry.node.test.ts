import { test } from 'node:test';
import { checkCrashRetry } from '../../store-conformance/crash-retry.js';
import { createMemoryStore } from './store.js';

test('memory store: a submission cut by a crash, after or before its commit, is stored once when retried', async (t) => {
  // The data of a memory store lives in its object: the "restarted" handler gets the same one.
  const report = await checkCrashRetry({ open: () => createMemoryStore(), reopen: (crashed) => crashed }, { leaseMs: 300 });
  t.diagnostic(`retry answered ${Math.round(report.afterCommitMs)} ms (cut after the commit) and ${Math.round(report.beforeCommitMs)} ms (cut before it, the lease is 300 ms) after the restart`);
});
