import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { AccountRequestRecord } from '@account-request/sdk/server';
import { createSqliteStore } from './sqlite-store.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'test.sqlite');
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function record(id: string, overrides: Partial<AccountRequestRecord> = {}): AccountRequestRecord {
  return {
    id,
    createdAt: '2026-01-02T03:04:05.000Z',
    values: { companyName: 'Dupont SARL', email: 'marie@dupont.example', newsletter: true },
    locale: 'fr',
    access: 'full',
    status: 'new',
    inAccount: false,
    note: '',
    history: [],
    version: 1,
    ...overrides,
  };
}

const response = { status: 201, body: '{"id":"r1","status":"pending","access":"full"}', contentType: 'application/json; charset=utf-8', location: '/api/account-requests/r1' };

describe('createSqliteStore: requests', () => {
  test('creates, gets and lists newest first, with limit and offset', async () => {
    const store = createSqliteStore(tempDb());
    for (const id of ['a', 'b', 'c']) await store.create(record(id));
    assert.deepEqual((await store.list()).map((r) => r.id), ['c', 'b', 'a']);
    assert.deepEqual((await store.list({ limit: 1, offset: 1 })).map((r) => r.id), ['b']);
    assert.deepEqual(await store.list({ offset: 5 }), []);
    assert.deepEqual(await store.get('b'), record('b'));
    assert.equal(await store.get('missing'), undefined);
    store.close();
  });

  test('keeps the password hash apart and round-trips values of every type', async () => {
    const store = createSqliteStore(tempDb());
    const withHash = record('p', { passwordHash: '$pbkdf2-sha256$i=1$abc$def', values: { n: 3, ok: false, s: 'é 中' }, access: 'none' });
    await store.create(withHash);
    assert.deepEqual(await store.get('p'), withHash);
    store.close();
  });

  test('refuses a duplicate id', async () => {
    const store = createSqliteStore(tempDb());
    await store.create(record('dup'));
    await assert.rejects(store.create(record('dup')));
    store.close();
  });

  test('requests and completed keys survive closing and reopening the file', async () => {
    const path = tempDb();
    const first = createSqliteStore(path);
    await first.create(record('kept'));
    assert.deepEqual(await first.claimIdempotencyKey('k', 'h', 60_000), { state: 'new' });
    await first.saveIdempotentResponse('k', response);
    first.close();

    const second = createSqliteStore(path);
    assert.deepEqual((await second.list()).map((r) => r.id), ['kept']);
    assert.deepEqual(await second.claimIdempotencyKey('k', 'h', 60_000), { state: 'replay', response });
    second.close();
  });

  test('opens the database in WAL mode with synchronous = FULL', () => {
    const store = createSqliteStore(tempDb());
    assert.deepEqual({ ...store.database.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'wal' });
    // 2 = FULL
    assert.deepEqual({ ...store.database.prepare('PRAGMA synchronous').get() }, { synchronous: 2 });
    store.close();
  });
});

describe('createSqliteStore: idempotency keys', () => {
  test('new, then in progress, then replay; another body is a conflict', async () => {
    const store = createSqliteStore(tempDb());
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h1', 60_000), { state: 'new' });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h1', 60_000), { state: 'in_progress' });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h2', 60_000), { state: 'conflict' });
    await store.saveIdempotentResponse('k', response);
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h1', 60_000), { state: 'replay', response });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h2', 60_000), { state: 'conflict' });
    store.close();
  });

  test('a released key can be claimed again; a completed one is never released', async () => {
    const store = createSqliteStore(tempDb());
    await store.claimIdempotencyKey('free', 'h', 60_000);
    await store.releaseIdempotencyKey('free');
    assert.deepEqual(await store.claimIdempotencyKey('free', 'other', 60_000), { state: 'new' });

    await store.claimIdempotencyKey('done', 'h', 60_000);
    await store.saveIdempotentResponse('done', response);
    await store.releaseIdempotencyKey('done');
    assert.equal((await store.claimIdempotencyKey('done', 'h', 60_000)).state, 'replay');
    store.close();
  });

  test('a claim left without response past its lease (a crash) is taken over; a renewal keeps it', async () => {
    let time = 1_000_000;
    const store = createSqliteStore(tempDb(), { now: () => time });
    assert.equal((await store.claimIdempotencyKey('k', 'h', 1000)).state, 'new');
    time += 999;
    assert.equal((await store.claimIdempotencyKey('k', 'h', 1000)).state, 'in_progress');
    await store.renewIdempotencyClaim('k', 1000);
    time += 1000;
    assert.equal((await store.claimIdempotencyKey('k', 'h', 1000)).state, 'in_progress', 'renewed at 999 ms: held until 1999 ms');
    time += 1;
    assert.equal((await store.claimIdempotencyKey('k', 'h', 1000)).state, 'new');
    assert.equal((await store.claimIdempotencyKey('k', 'h', 1000)).state, 'in_progress');
    store.close();
  });

  test('opening the file releases the claims left without answer, unless it is shared with other processes', async () => {
    const path = tempDb();
    const first = createSqliteStore(path);
    await first.claimIdempotencyKey('cut', 'h', 60_000);
    await first.claimIdempotencyKey('done', 'h', 60_000);
    await first.create(record('r-done'), { answer: { key: 'done', response } });
    first.close();

    const shared = createSqliteStore(path, { sharedFile: true });
    assert.equal((await shared.claimIdempotencyKey('cut', 'h', 60_000)).state, 'in_progress', 'maybe a live process: left to its lease');
    shared.close();

    const alone = createSqliteStore(path);
    assert.equal((await alone.claimIdempotencyKey('cut', 'h', 60_000)).state, 'new', 'released at open');
    assert.deepEqual(await alone.claimIdempotencyKey('done', 'h', 60_000), { state: 'replay', response });
    alone.close();
  });

  test('create saves the answer with the request and its e-mails, or nothing when the key is not waiting for one', async () => {
    const store = createSqliteStore(tempDb());
    const mail = { id: 'm1', dedupeKey: 'a1:confirmation', kind: 'confirmation' as const, to: 'marie@dupont.example', subject: 'Reçu', text: 't', html: '<p>t</p>', requestId: 'a1', state: 'pending' as const, attempts: 0, createdAt: '2026-01-02T03:04:05.000Z', nextAttemptAt: '2026-01-02T03:04:05.000Z' };
    await store.claimIdempotencyKey('k', 'h', 60_000);
    await store.create(record('a1'), { answer: { key: 'k', response }, notifications: [mail] });
    assert.deepEqual(await store.claimIdempotencyKey('k', 'h', 60_000), { state: 'replay', response });
    assert.equal((await store.listNotifications({ limit: 10, offset: 0 })).total, 1);
    // Already answered, or never claimed: refused, and neither the request nor its e-mail is written.
    await assert.rejects(store.create(record('a2'), { answer: { key: 'k', response }, notifications: [{ ...mail, id: 'm2', dedupeKey: 'a2:confirmation', requestId: 'a2' }] }));
    await assert.rejects(store.create(record('a3'), { answer: { key: 'unclaimed', response } }));
    assert.deepEqual((await store.list()).map((r) => r.id), ['a1']);
    assert.equal((await store.listNotifications({ limit: 10, offset: 0 })).total, 1);
    store.close();
  });

  test('a completed key is replayed for the TTL, then free again', async () => {
    let time = 5_000_000;
    const store = createSqliteStore(tempDb(), { idempotencyTtlMs: 10_000, now: () => time });
    await store.claimIdempotencyKey('k', 'h', 60_000);
    await store.saveIdempotentResponse('k', response);
    time += 10_000;
    assert.equal((await store.claimIdempotencyKey('k', 'other', 60_000)).state, 'conflict');
    time += 1;
    assert.equal((await store.claimIdempotencyKey('k', 'other', 60_000)).state, 'new');
    store.close();
  });

  test('concurrent claims of one key in one process: exactly one wins', async () => {
    const store = createSqliteStore(tempDb());
    const claims = await Promise.all(Array.from({ length: 100 }, () => store.claimIdempotencyKey('burst', 'h', 60_000)));
    assert.equal(claims.filter((c) => c.state === 'new').length, 1);
    assert.equal(claims.filter((c) => c.state === 'in_progress').length, 99);
    store.close();
  });

  test('concurrent claims from four connections in parallel threads: each key is won exactly once', async () => {
    const path = tempDb();
    createSqliteStore(path).close(); // create the schema once, before the race
    const keys = Array.from({ length: 200 }, (_, index) => `key-${index}`);
    const workers = Array.from(
      { length: 4 },
      () => new Worker(new URL('./test-helpers/claim-worker.ts', import.meta.url), { workerData: { path, keys } }),
    );
    try {
      await Promise.all(workers.map((worker) => new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      })));
      const results = workers.map((worker) => new Promise<string[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }));
      for (const worker of workers) worker.postMessage('go');
      const won = (await Promise.all(results)).flat();
      assert.equal(won.length, keys.length);
      assert.deepEqual([...won].sort(), [...keys].sort());
    } finally {
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  });
});
