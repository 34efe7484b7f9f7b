import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { defaultConfig, parseConfig, setRequired } from '@account-request/sdk';
import { computeConfigEtag } from '@account-request/sdk/server';
import { openSqliteConfigStore } from './config-store.js';
import { openDatabase } from './database.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-config-'));
  dirs.push(dir);
  return join(dir, 'test.sqlite');
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('seeds the config on first open and returns the same object until it changes', async () => {
  const db = openDatabase(tempDb());
  const seed = setRequired(defaultConfig(), 'fax', true);
  const store = await openSqliteConfigStore(db, seed);
  const first = store.loadConfig();
  assert.deepEqual(first, parseConfig(seed));
  assert.equal(store.loadConfig(), first);
  db.close();
});

test('saves only when If-Match is the stored ETag, and the change persists across reopening', async () => {
  const path = tempDb();
  const db = openDatabase(path);
  const store = await openSqliteConfigStore(db, defaultConfig());
  const loaded = parseConfig(store.loadConfig());
  const etag = await computeConfigEtag(loaded);
  const edited = setRequired(loaded, 'fax', true);
  const editedEtag = await computeConfigEtag(edited);

  assert.equal(await store.saveConfig(edited, { ifMatch: '"stale"', etag: editedEtag }), false);
  assert.deepEqual(store.loadConfig(), loaded);
  assert.equal(await store.saveConfig(edited, { ifMatch: etag, etag: editedEtag }), true);
  assert.deepEqual(store.loadConfig(), edited);
  // The first writer's ETag is now stale: a second save from the same starting point loses.
  assert.equal(await store.saveConfig(loaded, { ifMatch: etag, etag }), false);
  db.close();

  const reopened = openDatabase(path);
  const again = await openSqliteConfigStore(reopened, defaultConfig());
  assert.deepEqual(again.loadConfig(), edited);
  assert.equal(await again.saveConfig(loaded, { ifMatch: editedEtag, etag }), true);
  reopened.close();
});

test('sees a save made through another connection to the same file', async () => {
  const path = tempDb();
  const dbA = openDatabase(path);
  const dbB = openDatabase(path);
  const a = await openSqliteConfigStore(dbA, defaultConfig());
  const b = await openSqliteConfigStore(dbB, defaultConfig());
  const loaded = parseConfig(a.loadConfig());
  const edited = setRequired(loaded, 'mobile', true);
  assert.equal(await b.saveConfig(edited, { ifMatch: await computeConfigEtag(loaded), etag: await computeConfigEtag(edited) }), true);
  assert.deepEqual(a.loadConfig(), edited);
  dbA.close();
  dbB.close();
});

test('recomputes a stored ETag that no longer matches the stored config', async () => {
  const path = tempDb();
  const db = openDatabase(path);
  await openSqliteConfigStore(db, defaultConfig());
  db.prepare("UPDATE config SET etag = '\"outdated\"'").run();
  const store = await openSqliteConfigStore(db, defaultConfig());
  const loaded = parseConfig(store.loadConfig());
  const edited = setRequired(loaded, 'fax', true);
  assert.equal(await store.saveConfig(edited, { ifMatch: await computeConfigEtag(loaded), etag: await computeConfigEtag(edited) }), true);
  db.close();
});
