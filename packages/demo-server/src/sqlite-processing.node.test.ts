import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, test } from 'node:test';
import { createMemoryStore, type AccountRequestRecord, type NotificationRecord, type ProcessingStore, type RequestQuery } from '@account-request/sdk/server';
import { createSqliteStore } from './sqlite-store.js';

const root = mkdtempSync(join(tmpdir(), 'demo-processing-'));
let count = 0;
const tempDb = (): string => join(root, `db-${(count += 1)}.sqlite`);
after(() => rmSync(root, { recursive: true, force: true }));

const COMPANIES = ['Société Générale', 'acme', 'Zèbre & fils', 'Bois du Nord', 'Atelier Éco', 'ACME bis', '100% Déco', 'under_score'];
const STATUSES = ['new', 'in-progress', 'accepted', 'rejected'] as const;

function record(index: number): AccountRequestRecord {
  return {
    id: `r${index}`,
    // Some share a creation time, so the tie-breaker is exercised.
    createdAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(index / 2), 9)).toISOString(),
    values: { companyName: COMPANIES[index % COMPANIES.length]!, email: `Contact${index}@Example.com`, ...(index % 3 === 0 ? { siret: '73282932000074' } : {}) },
    locale: index % 2 ? 'en' : 'fr',
    access: 'full',
    status: STATUSES[index % 4]!,
    inAccount: index % 5 === 0,
    note: '',
    history: [],
    version: 1,
  };
}

function mail(id: string, requestId: string, createdAt: string, dedupeKey = id): NotificationRecord {
  return { id, dedupeKey, requestId, kind: 'confirmation', to: 'a@b.example', subject: 'S', text: 't', html: '<p>t</p>', state: 'pending', attempts: 0, createdAt, nextAttemptAt: createdAt };
}

const entry = { at: '2026-04-01T00:00:00.000Z', actor: 'admin', changes: [{ field: 'status' as const, from: 'new', to: 'in-progress' }] };

describe('SQLite ProcessingStore: query matches the SDK memory store', () => {
  test('every filter, sort and page gives the same ids and totals as createMemoryStore', async () => {
    const sqlite = createSqliteStore(tempDb());
    const memory = createMemoryStore();
    for (let index = 0; index < 24; index += 1) {
      await sqlite.create(record(index));
      await memory.create(record(index));
    }
    const queries: Omit<RequestQuery, 'limit' | 'offset'>[] = [
      {},
      { status: ['new'] },
      { status: ['accepted', 'rejected'] },
      { inAccount: true },
      { inAccount: false, status: ['in-progress'] },
      { q: 'SOCIETE' },
      { q: 'zebre' },
      { q: 'contact1' },
      { q: '732 829 320' },
      { q: '100%' },
      { q: '_' },
      { from: '2026-03-04T09:00:00.000Z', to: '2026-03-08T09:00:00.000Z' },
      { sort: 'companyName', order: 'asc' },
      { sort: 'companyName', order: 'desc' },
      { sort: 'status', order: 'asc' },
      { sort: 'status', order: 'desc' },
      { sort: 'createdAt', order: 'asc' },
      { sort: 'createdAt', order: 'desc', q: 'acme' },
    ];
    for (const query of queries) {
      for (const [limit, offset] of [[50, 0], [5, 0], [5, 5], [7, 20]] as const) {
        const expected = await memory.query({ ...query, limit, offset });
        const actual = await sqlite.query({ ...query, limit, offset });
        assert.deepEqual(actual.items.map((r) => r.id), expected.items.map((r) => r.id), `${JSON.stringify(query)} ${limit}/${offset}`);
        assert.equal(actual.total, expected.total, JSON.stringify(query));
      }
    }
    sqlite.close();
  });
});

describe('SQLite ProcessingStore: writes', () => {
  test('update applies the patch and the history only at the expected version', async () => {
    const store = createSqliteStore(tempDb());
    await store.create(record(0));
    const updated = await store.update('r0', { status: 'in-progress', note: 'vu', inAccount: true }, 1, entry);
    assert.equal(updated.state, 'updated');
    const stale = await store.update('r0', { status: 'rejected' }, 1, entry);
    assert.equal(stale.state, 'conflict');
    assert.equal(stale.state === 'conflict' && stale.record.version, 2);
    assert.deepEqual(await store.update('nope', {}, 1, entry), { state: 'not_found' });
    const stored = await store.get('r0');
    assert.deepEqual([stored?.status, stored?.note, stored?.inAccount, stored?.version, stored?.history], ['in-progress', 'vu', true, 2, [entry]]);
    store.close();
  });

  test('create stores the request and its notifications together; a failing create stores neither', async () => {
    const store = createSqliteStore(tempDb());
    await store.create(record(1), { notifications: [mail('m1', 'r1', '2026-03-01T00:00:00.000Z')] });
    await assert.rejects(store.create(record(1), { notifications: [mail('m2', 'r1', '2026-03-01T00:00:00.000Z')] }));
    assert.deepEqual((await store.listNotifications({ limit: 10, offset: 0 })).items.map((n) => n.id), ['m1']);
    await store.enqueueNotifications([mail('m3', 'r1', '2026-03-01T00:00:01.000Z', 'm1')]);
    assert.equal((await store.listNotifications({ limit: 10, offset: 0 })).total, 1, 'a known dedupe key is skipped');
    store.close();
  });

  test('activation tokens: a new one replaces the unused older ones; use is once, before expiry, and updates the request', async () => {
    const store = createSqliteStore(tempDb());
    await store.create(record(2));
    const token = (hash: string) => ({ hash, requestId: 'r2', createdAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' });
    await store.saveActivationToken(token('h1'));
    await store.saveActivationToken({ ...token('h2'), createdAt: '2026-03-02T00:00:00.000Z' }, mail('m', 'r2', '2026-03-02T00:00:00.000Z'));
    assert.equal((await store.findActivationToken('h1'))?.replacedAt, '2026-03-02T00:00:00.000Z');
    assert.equal((await store.getNotification('m'))?.state, 'pending');
    const patch = { passwordHash: '$pbkdf2-sha256$i=1$a$b', activatedAt: '2026-03-03T00:00:00.000Z' };
    const activation = { at: '2026-03-03T00:00:00.000Z', actor: 'applicant', changes: [{ field: 'activation' as const, from: null, to: '2026-03-03T00:00:00.000Z' }] };
    assert.equal(await store.useActivationToken('h1', '2026-03-03T00:00:00.000Z', patch, activation), undefined, 'replaced');
    assert.equal(await store.useActivationToken('h2', '2026-04-01T00:00:00.000Z', patch, activation), undefined, 'expired');
    const used = await store.useActivationToken('h2', '2026-03-03T00:00:00.000Z', patch, activation);
    assert.equal(used?.activatedAt, '2026-03-03T00:00:00.000Z');
    assert.equal(used?.version, 2);
    assert.equal(await store.useActivationToken('h2', '2026-03-03T00:00:00.000Z', patch, activation), undefined, 'used');
    assert.equal((await store.get('r2'))?.passwordHash, patch.passwordHash);
    assert.equal((await store.findActivationToken('h2'))?.usedAt, '2026-03-03T00:00:00.000Z');
    store.close();
  });

  test('outbox: claims lock rows (a second claim gets none), outcomes are recorded, due times respected', async () => {
    const path = tempDb();
    const store = createSqliteStore(path);
    const other = createSqliteStore(path);
    await store.create(record(3), { notifications: [mail('a', 'r3', '2026-03-01T00:00:00.000Z'), mail('b', 'r3', '2026-03-01T00:00:01.000Z')] });
    const now = '2026-03-01T00:01:00.000Z';
    const claimed = await store.claimNotifications({ now, lockedUntil: '2026-03-01T00:03:00.000Z', limit: 10 });
    assert.deepEqual(claimed.map((n) => n.id), ['a', 'b']);
    assert.deepEqual(await other.claimNotifications({ now, lockedUntil: '2026-03-01T00:03:00.000Z', limit: 10 }), [], 'locked for another connection');
    const claim = (id: string) => claimed.find((row) => row.id === id)!;
    assert.equal(await store.finishNotification(claim('a'), { state: 'sent', at: now }), true);
    assert.equal(await store.finishNotification(claim('b'), { state: 'pending', at: now, error: 'down', nextAttemptAt: '2026-03-01T00:10:00.000Z' }), true);
    assert.deepEqual(await other.claimNotifications({ now: '2026-03-01T00:05:00.000Z', lockedUntil: '2026-03-01T00:07:00.000Z', limit: 10 }), [], 'not due yet');
    const retried = await other.claimNotifications({ now: '2026-03-01T00:10:00.000Z', lockedUntil: '2026-03-01T00:12:00.000Z', limit: 10, ids: ['b'] });
    assert.deepEqual(retried.map((n) => [n.id, n.attempts, n.lastError]), [['b', 1, 'down']]);
    assert.equal(await other.finishNotification(retried[0]!, { state: 'failed', at: now, error: 'still down' }), true);
    const { items } = await store.listNotifications({ limit: 10, offset: 0 });
    assert.deepEqual(items.map((n) => [n.id, n.state, n.attempts, n.lastError ?? null, n.sentAt ?? null]), [
      ['b', 'failed', 2, 'still down', null],
      ['a', 'sent', 1, null, now],
    ]);
    assert.equal((await store.listNotifications({ state: 'sent', requestId: 'r3', limit: 10, offset: 0 })).total, 1);
    store.close();
    other.close();
  });
});

describe('SQLite schema 2 migration', () => {
  test('a schema-1 file is upgraded: pending becomes new, search columns filled, new tables present', async () => {
    const path = tempDb();
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE config (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, etag TEXT NOT NULL, revision INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, locale TEXT NOT NULL, access TEXT NOT NULL, status TEXT NOT NULL, values_json TEXT NOT NULL, password_hash TEXT);
      CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, body_hash TEXT NOT NULL, claimed_at INTEGER NOT NULL, response_json TEXT);
      INSERT INTO requests (id, created_at, locale, access, status, values_json) VALUES ('old', '2026-01-01T00:00:00.000Z', 'fr', 'full', 'pending', '{"companyName":"Élan Société"}');
      PRAGMA user_version = 1;`);
    old.close();
    const store: ProcessingStore & { close(): void } = createSqliteStore(path);
    const [legacy] = (await store.query({ q: 'elan societe', limit: 10, offset: 0 })).items;
    assert.deepEqual([legacy?.id, legacy?.status, legacy?.version, legacy?.inAccount], ['old', 'new', 1, false]);
    assert.equal((await store.query({ status: ['new'], limit: 10, offset: 0 })).total, 1);
    assert.equal((await store.listNotifications({ limit: 1, offset: 0 })).total, 0);
    store.close();
  });
});
