import { equal, ok, rejects, same } from './check.js';
import { notificationRecord, requestRecord, storedResponse, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

const LEASE_MS = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Every state of a claim: new, in progress, conflict, replay, release, lease expiry and renewal, replay TTL. */
export function idempotencyCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  const ttl = target.idempotencyTtlMs ?? DAY_MS;

  describe('idempotency keys', () => {
    it('claims a free key (new), then answers in_progress for the same body and conflict for another', () =>
      withStore(target, async ({ first: { store } }) => {
        const key = uniqueId('key');
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'new' }, 'first claim');
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'in_progress' }, 'same body while the claim runs');
        same(await store.claimIdempotencyKey(key, 'hash-b', LEASE_MS), { state: 'conflict' }, 'other body');
      }));

    it('replays the answer written by create, byte for byte, and keeps a conflict for another body', () =>
      withStore(target, async ({ first: { store } }) => {
        const key = uniqueId('key');
        const record = requestRecord();
        const response = storedResponse(record.id);
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'new' }, 'claim');
        await store.create(record, { answer: { key, response } });
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'replay', response }, 'claim after the answer');
        same(await store.claimIdempotencyKey(key, 'hash-b', LEASE_MS), { state: 'conflict' }, 'other body after the answer');
        ok(await store.get(record.id), 'the request');
      }));

    it('replays an answer saved with saveIdempotentResponse', () =>
      withStore(target, async ({ first: { store } }) => {
        const key = uniqueId('key');
        const response = { status: 422, body: '{"title":"Invalid"}', contentType: 'application/problem+json' };
        await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS);
        await store.saveIdempotentResponse(key, response);
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'replay', response }, 'claim after the save');
      }));

    it('frees a released key for any body, but never an answered one', () =>
      withStore(target, async ({ first: { store } }) => {
        const key = uniqueId('key');
        await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS);
        await store.releaseIdempotencyKey(key);
        same(await store.claimIdempotencyKey(key, 'hash-b', LEASE_MS), { state: 'new' }, 'claim after release');
        const record = requestRecord();
        await store.create(record, { answer: { key, response: storedResponse(record.id) } });
        await store.releaseIdempotencyKey(key);
        equal((await store.claimIdempotencyKey(key, 'hash-b', LEASE_MS)).state, 'replay', 'claim after releasing an answered key');
      }));

    it('lets the next claim take over a claim whose lease expired (its process died)', () =>
      withStore(target, async ({ clock, first: { store } }) => {
        const key = uniqueId('key');
        await store.claimIdempotencyKey(key, 'hash-a', 1_000);
        clock.advance(900);
        equal((await store.claimIdempotencyKey(key, 'hash-a', 1_000)).state, 'in_progress', 'claim within the lease');
        clock.advance(200);
        same(await store.claimIdempotencyKey(key, 'hash-a', 1_000), { state: 'new' }, 'claim after the lease');
        equal((await store.claimIdempotencyKey(key, 'hash-a', 1_000)).state, 'in_progress', 'claim within the new lease');
        clock.advance(1_100);
        same(await store.claimIdempotencyKey(key, 'hash-b', 1_000), { state: 'new' }, 'another body after the lease');
      }));

    it('extends a lease on renewal', () =>
      withStore(target, async ({ clock, first: { store } }) => {
        const key = uniqueId('key');
        await store.claimIdempotencyKey(key, 'hash-a', 1_000);
        clock.advance(800);
        await store.renewIdempotencyClaim(key, 1_000);
        clock.advance(800);
        equal((await store.claimIdempotencyKey(key, 'hash-a', 1_000)).state, 'in_progress', 'claim 1.6 s after, renewed at 0.8 s');
        clock.advance(300);
        equal((await store.claimIdempotencyKey(key, 'hash-a', 1_000)).state, 'new', 'claim after the renewed lease');
      }));

    it('keeps an answer whatever the leases: renewing or letting one expire does not free the key', () =>
      withStore(target, async ({ clock, first: { store } }) => {
        const key = uniqueId('key');
        const record = requestRecord();
        await store.claimIdempotencyKey(key, 'hash-a', 1_000);
        await store.create(record, { answer: { key, response: storedResponse(record.id) } });
        await store.renewIdempotencyClaim(key, 1_000);
        clock.advance(60_000);
        equal((await store.claimIdempotencyKey(key, 'hash-a', 1_000)).state, 'replay', 'claim a minute after the answer');
      }));

    it('replays an answer for the TTL, then frees the key', () =>
      withStore(target, async ({ clock, first: { store } }) => {
        const key = uniqueId('key');
        const record = requestRecord();
        await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS);
        await store.create(record, { answer: { key, response: storedResponse(record.id) } });
        clock.advance(ttl - 60_000);
        equal((await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS)).state, 'replay', 'claim a minute before the TTL');
        clock.advance(120_000);
        same(await store.claimIdempotencyKey(key, 'hash-b', LEASE_MS), { state: 'new' }, 'claim a minute after the TTL');
      }));

    it('refuses a creation whose key holds no claim waiting for an answer, and writes nothing', () =>
      withStore(target, async ({ first: { store } }) => {
        const unclaimed = requestRecord();
        const mail = notificationRecord(unclaimed.id);
        await rejects(store.create(unclaimed, { answer: { key: uniqueId('key'), response: storedResponse(unclaimed.id) }, notifications: [mail] }), 'create with the answer of an unclaimed key');
        equal(await store.get(unclaimed.id), undefined, 'request of the refused creation');
        equal(await store.getNotification(mail.id), undefined, 'notification of the refused creation');

        const key = uniqueId('key');
        const winner = requestRecord();
        await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS);
        await store.create(winner, { answer: { key, response: storedResponse(winner.id) } });
        const late = requestRecord();
        await rejects(store.create(late, { answer: { key, response: storedResponse(late.id) } }), 'create with the answer of an answered key');
        equal(await store.get(late.id), undefined, 'request of the second creation');
        same(await store.claimIdempotencyKey(key, 'hash-a', LEASE_MS), { state: 'replay', response: storedResponse(winner.id) }, 'the first answer');
      }));
  });
}
