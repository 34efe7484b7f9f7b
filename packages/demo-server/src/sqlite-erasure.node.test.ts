// Erasure on the demo's SQLite store: after a request went through everything (invitation,
// consent, request for information and correction, acceptance, webhooks) and was erased, no text
// the applicant typed is left in any column of any table, nor in the bytes of the database file
// and its WAL (secure_delete and the checkpoint after an erasure).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { after, describe, test } from 'node:test';
import { ERASED_TEXTS, eraseThroughRoute, livedRequest } from '../../sdk/src/server/test-helpers/personal-data.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-erasure-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every value of every column of every table, as text. */
function everyValue(db: DatabaseSync): { table: string; column: string; text: string }[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const out: { table: string; column: string; text: string }[] = [];
  for (const { name } of tables) {
    for (const row of db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all()) {
      for (const [column, value] of Object.entries(row)) {
        const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
        out.push({ table: name, column, text });
      }
    }
  }
  return out;
}

const found = (db: DatabaseSync): string[] =>
  everyValue(db).flatMap(({ table, column, text }) => ERASED_TEXTS.filter((value) => text.includes(value)).map((value) => `${table}.${column}: ${value}`));

describe('SQLite erasure', () => {
  test('leaves no personal value in any table or column', async () => {
    const path = join(dir, 'requests.sqlite');
    const store = createSqliteStore(path);
    try {
      const { handler, id } = await livedRequest(store);
      const before = found(store.database);
      for (const table of ['requests', 'notifications', 'invitations', 'webhook_deliveries']) assert.ok(before.some((hit) => hit.startsWith(`${table}.`)), `the scan finds the values in ${table} before`);
      await eraseThroughRoute(handler, id);
      assert.deepEqual(found(store.database), []);
      for (const file of [path, `${path}-wal`]) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        const left = ERASED_TEXTS.filter((value) => bytes.includes(Buffer.from(value, 'utf8')));
        assert.deepEqual(left, [], `bytes of ${file.slice(dir.length + 1)}`);
      }
    } finally {
      store.close();
    }
  });
});
