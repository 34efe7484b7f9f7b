// The upload scenarios of the SDK (files stored and downloaded byte for byte, refusals that leave
// nothing, replays that store nothing twice, erasure) through the handler on the SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadCases } from '../../sdk/src/server/test-helpers/upload-cases.js';
import { createSqliteStore } from './sqlite-store.js';

uploadCases('SQLite (demo server)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-uploads-'));
  const store = createSqliteStore(join(dir, 'requests.sqlite'));
  return {
    store,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
