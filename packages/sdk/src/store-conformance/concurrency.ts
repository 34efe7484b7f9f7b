import { updateSettings } from '../config/index.js';
import { computeConfigEtag } from '../server/http/etag.js';
import { toProcessedRecord } from '../server/processing/lifecycle.js';
import type { NotificationRecord, ProcessingStore } from '../server/stores/processing-store.js';
import { count, equal, same } from './check.js';
import { currentConfig, edited, saveConfig } from './config.js';
import { at, historyEntry, notificationRecord, part, requestRecord, START, storedResponse, tokenRecord, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, StoreUnderTest, TestFunctions } from './types.js';

/** Picks the instance of call `i`: alternating between the two when there is a peer. */
const spread = (first: StoreUnderTest, peer: StoreUnderTest | undefined) => (i: number): StoreUnderTest => (peer && i % 2 === 1 ? peer : first);

/** Claims in rounds with `workers` concurrent workers until nothing is left; returns who got what. */
async function drain(stores: readonly ProcessingStore[], limit: number): Promise<string[][]> {
  const got = stores.map((): string[] => []);
  for (let round = 0; round < 100; round += 1) {
    const claims = await Promise.all(stores.map((store) => store.claimNotifications({ now: at(10), lockedUntil: at(20), limit })));
    claims.forEach((rows, i) => got[i]!.push(...rows.map((row: NotificationRecord) => row.id)));
    if (claims.every((rows) => rows.length === 0)) break;
  }
  return got;
}

/**
 * Many callers at once: one winner of a key, of a version, of a token, of a config; disjoint
 * outbox claims; exact rate-limit counts. With a peer the calls alternate between two instances.
 */
export function concurrencyCases({ describe, it }: TestFunctions, target: StoreConformanceTarget, title: string, withPeer: boolean): void {
  const n = target.concurrency ?? 20;
  const hasRateLimits = !target.without?.includes('rateLimits');
  const hasConfig = !target.without?.includes('config');

  describe(title, () => {
    it(`gives a free key to exactly one of ${n} concurrent claims`, () =>
      withStore(target, async ({ first, peer }) => {
        const key = uniqueId('key');
        const on = spread(first, peer);
        const claims = await Promise.all(Array.from({ length: n }, (_, i) => on(i).store.claimIdempotencyKey(key, 'hash-a', 5_000)));
        const states = claims.map((claim) => claim.state);
        equal(count(states, 'new'), 1, 'new claims');
        equal(count(states, 'in_progress'), n - 1, 'in_progress claims');
      }, { peer: withPeer }));

    it(`gives an expired claim to exactly one of ${n} concurrent claims`, () =>
      withStore(target, async ({ clock, first, peer }) => {
        const key = uniqueId('key');
        const on = spread(first, peer);
        await first.store.claimIdempotencyKey(key, 'hash-a', 1_000);
        clock.advance(2_000);
        const claims = await Promise.all(Array.from({ length: n }, (_, i) => on(i).store.claimIdempotencyKey(key, 'hash-a', 1_000)));
        equal(count(claims.map((claim) => claim.state), 'new'), 1, 'claims taking the expired one over');
      }, { peer: withPeer }));

    it(`stores one request when ${n} creations race with the answer of one key`, () =>
      withStore(target, async ({ first, peer }) => {
        const key = uniqueId('key');
        const on = spread(first, peer);
        await first.store.claimIdempotencyKey(key, 'hash-a', 5_000);
        const records = Array.from({ length: n }, () => requestRecord());
        const results = await Promise.allSettled(records.map((record, i) => on(i).store.create(record, { answer: { key, response: storedResponse(record.id) } })));
        equal(count(results.map((result) => result.status), 'fulfilled'), 1, 'creations that succeeded');
        equal((await first.store.list({ limit: n * 2 })).length, 1, 'requests stored');
        const winner = records[results.findIndex((result) => result.status === 'fulfilled')]!;
        same(await first.store.claimIdempotencyKey(key, 'hash-a', 5_000), { state: 'replay', response: storedResponse(winner.id) }, 'the replayed answer');
      }, { peer: withPeer }));

    it(`applies exactly one of ${n} concurrent updates from one version`, () =>
      withStore(target, async ({ first, peer }) => {
        const record = requestRecord();
        await first.store.create(record);
        const on = spread(first, peer);
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) => on(i).store.update(record.id, { note: `note ${i}` }, 1, historyEntry(i, [{ field: 'note', from: '', to: `note ${i}` }]))),
        );
        equal(count(results.map((result) => result.state), 'updated'), 1, 'updates applied');
        equal(count(results.map((result) => result.state), 'conflict'), n - 1, 'conflicts');
        const stored = toProcessedRecord((await first.store.get(record.id))!);
        equal(stored.version, 2, 'version');
        equal(stored.history.length, 1, 'history entries');
        const winner = results.findIndex((result) => result.state === 'updated');
        equal(stored.note, `note ${winner}`, 'the stored note is the winner’s');
      }, { peer: withPeer }));

    it(`lets exactly one of ${n} concurrent uses of a token through`, () =>
      withStore(target, async ({ first, peer }) => {
        const record = requestRecord({ status: 'accepted' });
        await first.store.create(record);
        const token = tokenRecord(record.id);
        await first.store.saveActivationToken(token);
        const on = spread(first, peer);
        const entry = { at: at(5), actor: 'applicant', changes: [{ field: 'activation' as const, from: null, to: at(5) }] };
        const results = await Promise.all(Array.from({ length: n }, (_, i) => on(i).store.useActivationToken(token.hash, at(5), { activatedAt: at(5) }, entry)));
        equal(results.filter((result) => result !== undefined).length, 1, 'uses that went through');
        equal(toProcessedRecord((await first.store.get(record.id))!).version, 2, 'version');
      }, { peer: withPeer }));

    it('never gives one notification to two concurrent workers', () =>
      withStore(target, async ({ first, peer }) => {
        const r = requestRecord();
        const mails = Array.from({ length: 3 * n }, (_, i) => notificationRecord(r.id, { minutes: i % 7 }));
        await first.store.enqueueNotifications(mails);
        const workers = [first.store, (peer ?? first).store, first.store, (peer ?? first).store];
        const got = await drain(workers, 4);
        const all = got.flat();
        equal(all.length - new Set(all).size, 0, 'claims of a notification another worker held');
        same([...all].sort(), mails.map((mail) => mail.id).sort(), 'every notification claimed once');
      }, { peer: withPeer }));

    if (hasRateLimits) {
      it(`counts ${n} concurrent hits of one key as 1 to ${n}`, () =>
        withStore(target, async ({ first, peer }) => {
          const key = uniqueId('192.0.2.1');
          const on = spread(first, peer);
          const windows = await Promise.all(Array.from({ length: n }, (_, i) => part(on(i), 'rateLimits').hit(key, 60_000, START + i)));
          same(windows.map((window) => window.count).sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i + 1), 'counts');
        }, { peer: withPeer }));
    }

    if (hasConfig && withPeer) {
      it('serves a config saved through one instance, with the same ETag, from the other', () =>
        withStore(target, async ({ first, peer }) => {
          const a = part(first, 'config');
          const b = part(peer ?? first, 'config');
          const before = await currentConfig(a);
          const next = updateSettings(before.config, { alertEmail: 'ventes-peer@comptoir.example' });
          equal(await saveConfig(a, next, before.etag), true, 'save through the first instance');
          const seen = await currentConfig(b);
          same(seen.config, next, 'config served by the other instance');
          equal(seen.etag, await computeConfigEtag(next), 'its ETag');
          equal(await saveConfig(b, edited(before.config, 7), before.etag), false, 'a save from the old ETag through the other instance');
        }, { peer: true }));
    }
  });
}
