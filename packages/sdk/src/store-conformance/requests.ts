import { toProcessedRecord } from '../server/processing/lifecycle.js';
import { equal, ok, rejects, same } from './check.js';
import { notificationRecord, requestRecord, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

/** create, get, list; a creation with its notifications is all or nothing. */
export function requestCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('requests', () => {
    it('gets back every member of a created request', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord({
          values: {
            companyName: 'Société « Les Ateliers » d’Élise & Fils 🎉',
            email: 'élise@example.fr',
            siret: '73282932000074',
            message: 'Ligne 1\nLigne 2 — 100 % "citée" \\ fin',
            newsletter: true,
          },
          passwordHash: 'pbkdf2-sha256$600000$c2FsdA$aGFzaA',
          locale: 'fr-CA',
          access: 'browse-only',
          inAccount: true,
          note: 'Client connu',
          history: [{ at: '2026-03-02T09:05:00.000Z', actor: 'jane', changes: [{ field: 'inAccount', from: false, to: true }] }],
          version: 2,
          activatedAt: '2026-03-02T09:10:00.000Z',
        });
        await store.create(record);
        const stored = await store.get(record.id);
        ok(stored, 'get after create');
        same(toProcessedRecord(stored), toProcessedRecord(record), 'the stored request');
      }));

    it('resolves undefined for an unknown id', () =>
      withStore(target, async ({ first: { store } }) => {
        equal(await store.get('no-such-request'), undefined, 'get of an unknown id');
      }));

    it('lists newest first, with limit and offset', () =>
      withStore(target, async ({ first: { store } }) => {
        const ids: string[] = [];
        // Same createdAt for all: the order is the order of creation, not of the clock.
        for (let i = 0; i < 5; i += 1) {
          const record = requestRecord({ minutes: 1 });
          ids.push(record.id);
          await store.create(record);
        }
        const newest = [...ids].reverse();
        same((await store.list()).map((r) => r.id), newest, 'list()');
        same((await store.list({ limit: 2 })).map((r) => r.id), newest.slice(0, 2), 'list({ limit: 2 })');
        same((await store.list({ limit: 2, offset: 2 })).map((r) => r.id), newest.slice(2, 4), 'list({ limit: 2, offset: 2 })');
        same((await store.list({ offset: 4 })).map((r) => r.id), newest.slice(4), 'list({ offset: 4 })');
        same((await store.list({ offset: 10 })).map((r) => r.id), [], 'list past the end');
      }));

    it('refuses a second request with the same id, and keeps the first', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        await store.create(record);
        await rejects(store.create({ ...record, values: { companyName: 'Autre' } }), 'create with a used id');
        same((await store.get(record.id))?.values, record.values, 'the first request');
        equal((await store.list()).length, 1, 'requests stored');
      }));

    it('stores the notifications of a creation with it', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        const mails = [notificationRecord(record.id), notificationRecord(record.id, { kind: 'alert', to: 'ventes@example.fr' })];
        await store.create(record, { notifications: mails });
        const listed = await store.listNotifications({ requestId: record.id, limit: 10, offset: 0 });
        equal(listed.total, 2, 'notifications of the request');
        for (const mail of mails) same(await store.getNotification(mail.id), mail, `notification ${mail.kind}`);
      }));

    it('writes neither the request nor its notifications when the creation fails', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        await store.create(record);
        const mail = notificationRecord(record.id);
        await rejects(store.create(record, { notifications: [mail] }), 'create with a used id');
        equal(await store.getNotification(mail.id), undefined, 'notification of the failed creation');
        equal((await store.listNotifications({ limit: 10, offset: 0 })).total, 0, 'notifications stored');
      }));
  });
}
