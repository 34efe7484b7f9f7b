import { toProcessedRecord } from '../server/processing/lifecycle.js';
import type { HistoryEntry } from '../server/processing/lifecycle.js';
import type { RequestPatch } from '../server/stores/processing-store.js';
import { equal, ok, same } from './check.js';
import { at, notificationRecord, requestRecord, tokenRecord, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

const ACTIVATION: RequestPatch = { activatedAt: at(10), passwordHash: 'pbkdf2-sha256$600000$c2VsIQ$bW90' };
const ENTRY: HistoryEntry = { at: at(10), actor: 'applicant', changes: [{ field: 'activation', from: null, to: at(10) }] };

/** Activation tokens: issue (with its e-mail), replacement, use once, expiry. */
export function tokenCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('activation tokens', () => {
    it('stores a token with its e-mail and finds it by hash', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord({ status: 'accepted' });
        await store.create(record);
        const token = tokenRecord(record.id);
        const mail = notificationRecord(record.id, { kind: 'activation' });
        await store.saveActivationToken(token, mail);
        same(await store.findActivationToken(token.hash), token, 'the stored token');
        same(await store.getNotification(mail.id), mail, 'its e-mail');
        equal(await store.findActivationToken('no-such-hash'), undefined, 'an unknown hash');
      }));

    it('uses a token once: the request gets the patch, a history entry and a new version', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord({ status: 'accepted' });
        await store.create(record);
        const token = tokenRecord(record.id);
        await store.saveActivationToken(token);
        const used = await store.useActivationToken(token.hash, at(10), ACTIVATION, ENTRY);
        const expected = { ...toProcessedRecord(record), ...ACTIVATION, history: [ENTRY], version: 2 };
        same(used, expected, 'the activated request');
        same(toProcessedRecord((await store.get(record.id))!), expected, 'the stored request');
        same(await store.findActivationToken(token.hash), { ...token, usedAt: at(10) }, 'the used token');
        equal(await store.useActivationToken(token.hash, at(11), ACTIVATION, ENTRY), undefined, 'a second use');
        equal(toProcessedRecord((await store.get(record.id))!).version, 2, 'version after the refused second use');
      }));

    it('refuses an expired token (expiresAt at or before the use) and writes nothing', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord({ status: 'accepted' });
        await store.create(record);
        const token = tokenRecord(record.id, 0, 10);
        await store.saveActivationToken(token);
        equal(await store.useActivationToken(token.hash, at(10), ACTIVATION, ENTRY), undefined, 'use at expiresAt');
        same(await store.findActivationToken(token.hash), token, 'the token, unchanged');
        same(toProcessedRecord((await store.get(record.id))!), toProcessedRecord(record), 'the request, unchanged');
      }));

    it('replaces the older unused tokens of a request when a new one is issued', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord({ status: 'accepted' });
        const other = requestRecord({ status: 'accepted' });
        await store.create(record);
        await store.create(other);
        const oldest = tokenRecord(record.id, 0);
        const older = tokenRecord(record.id, 1);
        const otherToken = tokenRecord(other.id, 1);
        await store.saveActivationToken(oldest);
        await store.saveActivationToken(older);
        await store.saveActivationToken(otherToken);
        const newest = tokenRecord(record.id, 2);
        await store.saveActivationToken(newest);
        same(await store.findActivationToken(oldest.hash), { ...oldest, replacedAt: at(1) }, 'the oldest token (replaced by the second)');
        same(await store.findActivationToken(older.hash), { ...older, replacedAt: at(2) }, 'the older token');
        same(await store.findActivationToken(newest.hash), newest, 'the newest token');
        same(await store.findActivationToken(otherToken.hash), otherToken, "another request's token");
        equal(await store.useActivationToken(older.hash, at(3), ACTIVATION, ENTRY), undefined, 'use of a replaced token');
        ok(await store.useActivationToken(newest.hash, at(3), ACTIVATION, ENTRY), 'use of the newest token');
        // A used token is not replaced by a later one: it keeps saying it was used.
        await store.saveActivationToken(tokenRecord(record.id, 4));
        equal((await store.findActivationToken(newest.hash))?.replacedAt, undefined, 'replacedAt of a used token');
      }));
  });
}
