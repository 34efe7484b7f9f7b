import type { NotificationRecord } from '../server/stores/processing-store.js';
import { equal, same } from './check.js';
import { at, notificationRecord, requestRecord, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

const ids = (rows: readonly NotificationRecord[]): string[] => rows.map((row) => row.id);

/** The e-mail outbox: enqueue with dedupe, claim with a lock, retry, give up, lock expiry, listing. */
export function outboxCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('e-mail outbox', () => {
    it('enqueues once per dedupeKey and lists newest first, filtered and paged', () =>
      withStore(target, async ({ first: { store } }) => {
        const a = requestRecord();
        const b = requestRecord();
        const mails = [notificationRecord(a.id, { minutes: 1 }), notificationRecord(b.id, { minutes: 2 }), notificationRecord(a.id, { minutes: 3, kind: 'alert' })];
        await store.enqueueNotifications(mails);
        await store.enqueueNotifications([{ ...notificationRecord(a.id, { minutes: 4 }), dedupeKey: mails[0]!.dedupeKey }]);
        await store.enqueueNotifications([]);
        const all = await store.listNotifications({ limit: 10, offset: 0 });
        equal(all.total, 3, 'notifications after a duplicate dedupeKey');
        same(ids(all.items), ids([mails[2]!, mails[1]!, mails[0]!]), 'newest first');
        same(all.items[0], mails[2], 'a listed notification');
        same(ids((await store.listNotifications({ requestId: a.id, limit: 10, offset: 0 })).items), ids([mails[2]!, mails[0]!]), 'by request');
        const page = await store.listNotifications({ limit: 1, offset: 1 });
        same(ids(page.items), [mails[1]!.id], 'second page of one');
        equal(page.total, 3, 'total of a page');
        equal((await store.listNotifications({ state: 'sent', limit: 10, offset: 0 })).total, 0, 'sent ones');
        equal(await store.getNotification('no-such-notification'), undefined, 'an unknown id');
      }));

    it('claims due notifications oldest first, up to the limit, and locks them', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const due = [notificationRecord(r.id, { minutes: 3 }), notificationRecord(r.id, { minutes: 1 }), notificationRecord(r.id, { minutes: 2 })];
        const later = notificationRecord(r.id, { minutes: 0, nextAttemptAt: at(30) });
        await store.enqueueNotifications([...due, later]);
        const claimed = await store.claimNotifications({ now: at(5), lockedUntil: at(7), limit: 2 });
        same(ids(claimed), ids([due[1]!, due[2]!]), 'the two oldest due');
        same(claimed[0], { ...due[1], lockedUntil: at(7) }, 'a claimed notification');
        same(ids(await store.claimNotifications({ now: at(6), lockedUntil: at(8), limit: 10 })), [due[0]!.id], 'the rest, locked ones left out');
        same(ids(await store.claimNotifications({ now: at(6), lockedUntil: at(8), limit: 10 })), [], 'nothing left before the locks end');
        equal((await store.getNotification(due[1]!.id))?.lockedUntil, at(7), 'lockedUntil of a claimed notification');
      }));

    it('claims only the given ids when asked', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const mails = [notificationRecord(r.id, { minutes: 1 }), notificationRecord(r.id, { minutes: 2 }), notificationRecord(r.id, { minutes: 3 })];
        await store.enqueueNotifications(mails);
        same(ids(await store.claimNotifications({ now: at(5), lockedUntil: at(7), limit: 10, ids: [mails[2]!.id, mails[0]!.id] })), ids([mails[0]!, mails[2]!]), 'the given ids');
        same(ids(await store.claimNotifications({ now: at(5), lockedUntil: at(7), limit: 10, ids: [] })), [], 'no ids');
        same(ids(await store.claimNotifications({ now: at(5), lockedUntil: at(7), limit: 10 })), [mails[1]!.id], 'the one not claimed');
      }));

    it('gives a dead worker’s notifications to another once their lock expires', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const mail = notificationRecord(r.id, { minutes: 1 });
        await store.enqueueNotifications([mail]);
        same(ids(await store.claimNotifications({ now: at(2), lockedUntil: at(4), limit: 10 })), [mail.id], 'first claim');
        same(ids(await store.claimNotifications({ now: at(3), lockedUntil: at(5), limit: 10 })), [], 'claim while locked');
        same(ids(await store.claimNotifications({ now: at(4), lockedUntil: at(6), limit: 10 })), [mail.id], 'claim when the lock ends');
        equal((await store.getNotification(mail.id))?.lockedUntil, at(6), 'the new lock');
      }));

    it('records an attempt only while its claim holds: a worker whose lock ran out writes nothing', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const mail = notificationRecord(r.id, { minutes: 1 });
        await store.enqueueNotifications([mail]);
        const [late] = await store.claimNotifications({ now: at(2), lockedUntil: at(4), limit: 10 });
        // The first worker's lock runs out while it is still sending: another worker takes the row over.
        const [taken] = await store.claimNotifications({ now: at(4), lockedUntil: at(6), limit: 10 });
        equal(taken?.id, mail.id, 'the claim after the lock ran out');
        equal(await store.finishNotification(late!, { state: 'sent', at: at(5) }), false, 'the late finish of a claim taken over');
        same(await store.getNotification(mail.id), { ...mail, lockedUntil: at(6) }, 'the notification after the late finish');
        equal(await store.finishNotification(late!, { state: 'pending', at: at(5), error: 'SMTP 451', nextAttemptAt: at(9) }), false, 'a late retry');
        equal(await store.finishNotification(late!, { state: 'failed', at: at(5), error: 'SMTP 550' }), false, 'a late failure');
        equal(await store.finishNotification({ id: mail.id }, { state: 'sent', at: at(5) }), false, 'a finish without a claim');
        equal(await store.finishNotification(taken!, { state: 'sent', at: at(5) }), true, 'the finish of the claim that holds');
        same(await store.getNotification(mail.id), { ...mail, state: 'sent', attempts: 1, sentAt: at(5) }, 'the notification sent once');
        equal(await store.finishNotification(taken!, { state: 'sent', at: at(6) }), false, 'a second finish of the same claim');
        equal((await store.getNotification(mail.id))?.attempts, 1, 'attempts after a second finish');
        equal(await store.finishNotification({ id: 'no-such-notification', lockedUntil: at(6) }, { state: 'sent', at: at(6) }), false, 'an unknown id');
      }));

    it('records a sent notification: attempts raised, unlocked, never claimed again', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const mail = notificationRecord(r.id, { minutes: 1 });
        await store.enqueueNotifications([mail]);
        const [claimed] = await store.claimNotifications({ now: at(2), lockedUntil: at(4), limit: 10 });
        equal(await store.finishNotification(claimed!, { state: 'sent', at: at(2) }), true, 'finishing a held claim');
        same(await store.getNotification(mail.id), { ...mail, state: 'sent', attempts: 1, sentAt: at(2) }, 'the sent notification');
        same(ids(await store.claimNotifications({ now: at(100), lockedUntil: at(102), limit: 10 })), [], 'claims after sending');
        same(ids((await store.listNotifications({ state: 'sent', limit: 10, offset: 0 })).items), [mail.id], 'listed as sent');
      }));

    it('retries a failed attempt at nextAttemptAt, then gives up for good', () =>
      withStore(target, async ({ first: { store } }) => {
        const r = requestRecord();
        const mail = notificationRecord(r.id, { minutes: 1 });
        await store.enqueueNotifications([mail]);
        const [claimed] = await store.claimNotifications({ now: at(2), lockedUntil: at(4), limit: 10 });
        equal(await store.finishNotification(claimed!, { state: 'pending', at: at(2), error: 'SMTP 451: try later', nextAttemptAt: at(10) }), true, 'finishing a held claim');
        same(await store.getNotification(mail.id), { ...mail, attempts: 1, lastError: 'SMTP 451: try later', nextAttemptAt: at(10) }, 'the notification to retry');
        same(ids(await store.claimNotifications({ now: at(9), lockedUntil: at(11), limit: 10 })), [], 'claim before nextAttemptAt');
        const again = await store.claimNotifications({ now: at(10), lockedUntil: at(12), limit: 10 });
        same(ids(again), [mail.id], 'claim at nextAttemptAt');
        equal(await store.finishNotification(again[0]!, { state: 'failed', at: at(10), error: 'SMTP 550: no such user' }), true, 'finishing a held claim');
        same(await store.getNotification(mail.id), { ...mail, attempts: 2, state: 'failed', lastError: 'SMTP 550: no such user', nextAttemptAt: at(10) }, 'the notification given up');
        same(ids(await store.claimNotifications({ now: at(1000), lockedUntil: at(1002), limit: 10 })), [], 'claims after giving up');
        same(ids((await store.listNotifications({ state: 'failed', limit: 10, offset: 0 })).items), [mail.id], 'listed as failed');
      }));
  });
}
