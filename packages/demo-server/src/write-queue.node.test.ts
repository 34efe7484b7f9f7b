import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatabaseSync } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_DURABLE, writeQueue } from './write-queue.js';

function database(): { db: DatabaseSync; begins: () => number } {
  const db = new DatabaseSync(':memory:');
  db.exec('CREATE TABLE t (v TEXT PRIMARY KEY)');
  let begins = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    if (sql.startsWith('BEGIN')) {
      // BEGIN takes no parameters: count its runs.
      const run = statement.run.bind(statement);
      statement.run = (() => ((begins += 1), run())) as typeof statement.run;
    }
    return statement;
  };
  return { db, begins: () => begins };
}

test('writes of one turn share one transaction; a failing one is undone alone; all answer after the commit', async () => {
  const { db, begins } = database();
  const queue = writeQueue(db);
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const settled: string[] = [];
  const writes = [
    queue.write(() => insert.run('a').changes),
    queue.write(() => {
      insert.run('b');
      insert.run('a'); // duplicate: this write fails, and its 'b' goes with it
    }),
    queue.write(() => insert.run('c').changes),
  ].map((write, index) => write.then(() => settled.push(`ok ${index}`), () => settled.push(`failed ${index}`)));
  assert.equal(db.prepare('SELECT count(*) AS n FROM t').get()?.['n'], 0, 'nothing runs before the end of the turn');
  await Promise.all(writes);
  assert.deepEqual(settled.sort(), ['failed 1', 'ok 0', 'ok 2']);
  assert.deepEqual(db.prepare('SELECT v FROM t ORDER BY v').all().map((row) => row['v']), ['a', 'c']);
  assert.equal(begins(), 1, 'one transaction for the three writes');
  assert.equal(db.isTransaction, false, 'no transaction left open between turns');
  await queue.write(() => insert.run('d'));
  assert.equal(begins(), 2, 'a later turn gets its own');
  db.close();
});

test('flush runs and commits the waiting writes at once (before closing)', async () => {
  const { db } = database();
  const queue = writeQueue(db);
  const written = queue.write(() => db.prepare("INSERT INTO t (v) VALUES ('x')").run());
  queue.flush();
  assert.equal(db.prepare('SELECT count(*) AS n FROM t').get()?.['n'], 1);
  await written;
  db.close();
});

test('a write asked for after the database closed rejects instead of waiting forever', async () => {
  const { db } = database();
  const queue = writeQueue(db);
  db.close();
  await assert.rejects(queue.write(() => 1), /closed/);
});

test('a turn of writes marked not durable commits with synchronous = NORMAL; any durable write in the turn makes it FULL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'write-queue-'));
  const db = new DatabaseSync(join(dir, 'db.sqlite'));
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('CREATE TABLE t (v TEXT PRIMARY KEY)');
    const queue = writeQueue(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const synchronous = () => db.prepare('PRAGMA synchronous').get()?.['synchronous'];
    const FULL = 2;
    const NORMAL = 1;
    await Promise.all([queue.write(() => insert.run('claim 1'), NOT_DURABLE), queue.write(() => insert.run('claim 2'), NOT_DURABLE)]);
    assert.equal(synchronous(), NORMAL, 'claims only: committed without the fsync');
    await Promise.all([queue.write(() => insert.run('claim 3'), NOT_DURABLE), queue.write(() => insert.run('request'))]);
    assert.equal(synchronous(), FULL, 'a request in the turn: synced, the claim with it');
    await queue.write(() => insert.run('claim 4'), NOT_DURABLE);
    assert.equal(synchronous(), NORMAL);
    await queue.write(() => insert.run('request 2'));
    assert.equal(synchronous(), FULL);
    assert.equal(db.prepare('SELECT count(*) AS n FROM t').get()?.['n'], 6);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
