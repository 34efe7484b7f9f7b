import { tombstone } from '../server/processing/personal-data.js';
import { toProcessedRecord, type HistoryEntry } from '../server/processing/lifecycle.js';
import { ERASED_WEBHOOK_BODY, isDecisionStore, type DecisionStore, type InformationTokenRecord, type InvitationRecord } from '../server/stores/decision-store.js';
import type { ProcessingStore } from '../server/stores/processing-store.js';
import { isWebhookStore, type WebhookStore } from '../server/stores/webhook-store.js';
import { ConformanceError, count, equal, ok, rejects, same } from './check.js';
import { at, historyEntry, notificationRecord, requestRecord, storedResponse, tokenRecord, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, StoreUnderTest, TestFunctions } from './types.js';

function decisions(instance: StoreUnderTest): DecisionStore {
  if (!isDecisionStore(instance.store)) throw new ConformanceError("the store lacks DecisionStore methods: implement them, or list 'decisions' in the target's `without`");
  return instance.store;
}

function informationToken(requestId: string, minutes = 0, validMinutes = 60): InformationTokenRecord {
  return { hash: uniqueId('info'), requestId, message: 'Merci de joindre votre extrait Kbis « récent ».', createdAt: at(minutes), expiresAt: at(minutes + validMinutes) };
}

function invitationRecord(init: Partial<InvitationRecord> & { minutes?: number; validMinutes?: number } = {}): InvitationRecord {
  const { minutes = 0, validMinutes = 60, ...rest } = init;
  const id = rest.id ?? uniqueId('inv');
  return {
    id,
    hash: uniqueId('invhash'),
    email: `${id}@invite.example`,
    companyName: 'Boulangerie Léa',
    values: { companyName: 'Boulangerie Léa', email: `${id}@invite.example`, city: 'Lyon' },
    locale: 'fr',
    createdAt: at(minutes),
    createdBy: 'claire@shop.example',
    expiresAt: at(minutes + validMinutes),
    sentAt: at(minutes),
    ...rest,
  };
}

const ASK: HistoryEntry = { at: at(5), actor: 'admin', changes: [{ field: 'status', from: 'in-progress', to: 'info-requested' }], message: 'Kbis ?', notified: true };
const ANSWER: HistoryEntry = { at: at(10), actor: 'applicant', changes: [{ field: 'status', from: 'info-requested', to: 'in-progress' }, { field: 'value', key: 'companyName', from: 'Ancien nom', to: 'Nouvelle Raison Sociale' }] };

/** A request waiting for information, with its link. */
async function waiting(store: DecisionStore, token: (id: string) => InformationTokenRecord = (id) => informationToken(id)) {
  const record = requestRecord({ status: 'in-progress', values: { companyName: 'Ancien nom', email: 'ancien@example.fr' } });
  await store.create(record);
  const link = token(record.id);
  const result = await store.decide(record.id, { status: 'info-requested' }, 1, ASK, { informationToken: link });
  equal(result.state, 'updated', 'decide to info-requested');
  return { record, link };
}

/** The DecisionStore methods: decisions with their e-mails and links, corrections, invitations, erasure, stale requests. */
export function decisionCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('decisions', () => {
    it('keeps consents, invitation and erasure members of a record', () =>
      withStore(target, async ({ first }) => {
        const { store } = first;
        decisions(first);
        const record = requestRecord({
          consents: [{ id: 'newsletter', granted: true, at: at(0), wording: 'J’accepte « la lettre » 🎉', locale: 'fr' }],
          invitationId: 'inv-1',
          erasedAt: at(1),
        });
        await store.create(record);
        same(toProcessedRecord((await store.get(record.id))!), toProcessedRecord(record), 'get');
        same((await store.list({ limit: 1 })).map(toProcessedRecord), [toProcessedRecord(record)], 'list');
        same((await store.query({ limit: 1, offset: 0 })).items, [toProcessedRecord(record)], 'query');
      }));

    it('decide writes the change with its e-mails and information link; a conflict writes none of them', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const record = requestRecord({ status: 'in-progress' });
        await store.create(record);
        const older = informationToken(record.id, 0);
        const mail = notificationRecord(record.id, { kind: 'information', minutes: 1 });
        equal((await store.decide(record.id, { status: 'info-requested' }, 1, ASK, { informationToken: older, notifications: [mail] })).state, 'updated', 'first decision');
        same(await store.findInformationToken(older.hash), older, 'the stored link');
        same(await store.getNotification(mail.id), mail, 'its e-mail');
        const stored = toProcessedRecord((await store.get(record.id))!);
        same([stored.status, stored.version, stored.history], ['info-requested', 2, [ASK]], 'the request');

        const newer = informationToken(record.id, 2);
        const lost = notificationRecord(record.id, { kind: 'information', minutes: 2 });
        const stale = await store.decide(record.id, { status: 'info-requested' }, 1, ASK, { informationToken: newer, notifications: [lost] });
        equal(stale.state, 'conflict', 'decide at a stale version');
        equal(await store.findInformationToken(newer.hash), undefined, 'no link written on a conflict');
        equal(await store.getNotification(lost.id), undefined, 'no e-mail written on a conflict');
        equal((await store.decide('no-such-request', { note: 'x' }, 1, historyEntry(3))).state, 'not_found', 'unknown id');

        // A second request for information replaces the first link (not another request's).
        const other = requestRecord({ status: 'in-progress' });
        await store.create(other);
        const otherLink = informationToken(other.id, 2);
        await store.decide(other.id, { status: 'info-requested' }, 1, ASK, { informationToken: otherLink });
        equal((await store.decide(record.id, { note: 'relancé' }, 2, historyEntry(3), { informationToken: newer })).state, 'updated', 'second decision');
        same(await store.findInformationToken(older.hash), { ...older, replacedAt: newer.createdAt }, 'the older link, replaced');
        same(await store.findInformationToken(otherLink.hash), otherLink, "another request's link");
      }));

    it('uses an information link once: values (and search keys), consents, status, history, alert; never when expired, replaced or the request moved on', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const { record, link } = await waiting(store);
        const consents = [{ id: 'newsletter', granted: false, at: at(10), wording: 'Newsletter', locale: 'fr' }];
        const values = { companyName: 'Nouvelle Raison Sociale', email: 'nouveau@example.fr' };
        const alert = notificationRecord(record.id, { kind: 'alert', minutes: 10 });
        const used = await store.useInformationToken(link.hash, at(10), { values, consents, status: 'in-progress' }, ANSWER, { notifications: [alert] });
        ok(used, 'the correction');
        const expected = { ...toProcessedRecord(record), status: 'in-progress', values, consents, history: [ASK, ANSWER], version: 3 };
        same(used, expected, 'the corrected request');
        same(toProcessedRecord((await store.get(record.id))!), expected, 'the stored request');
        same(await store.findInformationToken(link.hash), { ...link, usedAt: at(10) }, 'the used link');
        same(await store.getNotification(alert.id), alert, 'the alert');
        same((await store.query({ q: 'nouvelle raison', limit: 5, offset: 0 })).items.map((r) => r.id), [record.id], 'found by its new name');
        equal((await store.query({ q: 'ancien nom', limit: 5, offset: 0 })).total, 0, 'not by its old name');
        equal(await store.useInformationToken(link.hash, at(11), { values, status: 'in-progress' }, ANSWER), undefined, 'a second use');

        const expired = await waiting(store, (id) => informationToken(id, 0, 10));
        equal(await store.useInformationToken(expired.link.hash, at(10), { values, status: 'in-progress' }, ANSWER), undefined, 'use at expiresAt');
        same(await store.findInformationToken(expired.link.hash), expired.link, 'the expired link, unchanged');

        const moved = await waiting(store);
        await store.update(moved.record.id, { status: 'rejected' }, 2, historyEntry(6));
        equal(await store.useInformationToken(moved.link.hash, at(7), { values, status: 'in-progress' }, ANSWER), undefined, 'use once the request was rejected');
        equal(toProcessedRecord((await store.get(moved.record.id))!).status, 'rejected', 'the rejected request, unchanged');
        equal((await store.findInformationToken(moved.link.hash))?.usedAt, undefined, 'the link, not used');
      }));

    it('invitations: stored with their e-mail, found by id and hash, renewed, revoked, listed by state', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const pending = invitationRecord({ minutes: 3 });
        const mail = notificationRecord(pending.id, { kind: 'invitation', minutes: 3 });
        await store.createInvitation(pending, mail);
        same(await store.getInvitation(pending.id), pending, 'get');
        same(await store.findInvitation(pending.hash), pending, 'find by hash');
        same(await store.getNotification(mail.id), mail, 'its e-mail');
        await rejects(store.createInvitation(pending), 'a duplicate id');

        const expired = invitationRecord({ minutes: 0, validMinutes: 5 });
        const revoked = invitationRecord({ minutes: 1 });
        const used = invitationRecord({ minutes: 2 });
        for (const invitation of [expired, revoked, used]) await store.createInvitation(invitation);
        same(await store.revokeInvitation(revoked.id, at(4)), { ...revoked, revokedAt: at(4) }, 'revoke');
        equal(await store.revokeInvitation(revoked.id, at(5)), undefined, 'revoke again');
        const request = requestRecord({ invitationId: used.id });
        await store.create(request, { invitation: { hash: used.hash, at: at(4) } });
        same(await store.getInvitation(used.id), { ...used, usedAt: at(4), requestId: request.id }, 'the used invitation');
        equal(await store.revokeInvitation(used.id, at(5)), undefined, 'revoke a used one');

        const page = await store.listInvitations({ now: at(10), limit: 10, offset: 0 });
        same(page.items.map((i) => i.id), [pending.id, used.id, revoked.id, expired.id], 'newest first');
        equal(page.total, 4, 'total');
        for (const [state, ids] of [['pending', [pending.id]], ['used', [used.id]], ['revoked', [revoked.id]], ['expired', [expired.id]]] as const) {
          const filtered = await store.listInvitations({ state, now: at(10), limit: 10, offset: 0 });
          same([filtered.items.map((i) => i.id), filtered.total], [ids, 1], `state ${state}`);
        }
        same((await store.listInvitations({ now: at(10), limit: 2, offset: 1 })).items.map((i) => i.id), [used.id, revoked.id], 'a page');

        const renewal = { hash: uniqueId('invhash'), expiresAt: at(100), sentAt: at(20) };
        const resent = notificationRecord(expired.id, { kind: 'invitation', minutes: 20 });
        same(await store.renewInvitation(expired.id, renewal, resent), { ...expired, ...renewal }, 'renew an expired invitation');
        equal(await store.findInvitation(expired.hash), undefined, 'the old link');
        same(await store.getNotification(resent.id), resent, 'the new e-mail');
        equal(await store.renewInvitation(revoked.id, { ...renewal, hash: uniqueId('h') }), undefined, 'renew a revoked one');
        equal(await store.renewInvitation(used.id, { ...renewal, hash: uniqueId('h') }), undefined, 'renew a used one');
        equal(await store.renewInvitation('no-such-invitation', renewal), undefined, 'renew an unknown one');
      }));

    it('create with an invitation refuses a used, revoked or expired one and writes nothing', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const invitation = invitationRecord({ validMinutes: 30 });
        await store.createInvitation(invitation);
        const firstRequest = requestRecord();
        await store.create(firstRequest, { invitation: { hash: invitation.hash, at: at(1) } });
        const second = requestRecord();
        const key = uniqueId('key');
        equal((await store.claimIdempotencyKey(key, 'body', 5_000)).state, 'new', 'claim');
        const mail = notificationRecord(second.id);
        await rejects(store.create(second, { invitation: { hash: invitation.hash, at: at(2) }, notifications: [mail], answer: { key, response: storedResponse(second.id) } }), 'create with a used invitation');
        equal(await store.get(second.id), undefined, 'no request');
        equal(await store.getNotification(mail.id), undefined, 'no e-mail');
        equal((await store.claimIdempotencyKey(key, 'body', 5_000)).state, 'in_progress', 'the key still waits for its answer');

        const revoked = invitationRecord();
        await store.createInvitation(revoked);
        await store.revokeInvitation(revoked.id, at(1));
        await rejects(store.create(requestRecord(), { invitation: { hash: revoked.hash, at: at(2) } }), 'create with a revoked invitation');
        const late = invitationRecord({ validMinutes: 10 });
        await store.createInvitation(late);
        const third = requestRecord();
        await rejects(store.create(third, { invitation: { hash: late.hash, at: at(10) } }), 'create at the invitation expiry');
        equal(await store.get(third.id), undefined, 'no request');
        await rejects(store.create(requestRecord(), { invitation: { hash: 'no-such-hash', at: at(1) } }), 'create with an unknown invitation');
        equal((await store.getInvitation(late.id))?.usedAt, undefined, 'the expired invitation, unused');
      }));

    it('erase writes the tombstone and deletes the tokens, the invitation, the e-mails and the webhook bodies of the request, then queues its own event', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const invitation = invitationRecord();
        const invitationMail = notificationRecord(invitation.id, { kind: 'invitation' });
        await store.createInvitation(invitation, invitationMail);
        const record = requestRecord({
          status: 'in-progress', invitationId: invitation.id, passwordHash: 'pbkdf2-sha256$1$c2FsdA$aGFzaA',
          consents: [{ id: 'newsletter', granted: true, at: at(0), wording: 'Newsletter', locale: 'fr' }],
        });
        const confirmation = notificationRecord(record.id);
        await store.create(record, { notifications: [confirmation], invitation: { hash: invitation.hash, at: at(1) } });
        const other = requestRecord();
        const otherMail = notificationRecord(other.id);
        await store.create(other, { notifications: [otherMail] });
        const activation = tokenRecord(record.id);
        await store.saveActivationToken(activation);
        const link = informationToken(record.id);
        await store.decide(record.id, { status: 'info-requested', note: 'Appeler Mme Martin' }, 1, ASK, { informationToken: link });
        const hooks = isWebhookStore(store) ? store : undefined;
        const delivery = { id: uniqueId('msg'), endpointId: 'ep', type: 'account-request.created' as const, requestId: record.id, body: '{"data":{"email":"x@example.fr"}}', state: 'pending' as const, attempts: 0, createdAt: at(0), nextAttemptAt: at(0) };
        const otherDelivery = { ...delivery, id: uniqueId('msg'), requestId: other.id };
        await hooks?.enqueueWebhookDeliveries([delivery, otherDelivery]);
        // Being sent while the request is erased: its attempt ends after the erasure.
        await hooks?.claimWebhookDeliveries({ now: at(1), lockedUntil: at(99), limit: 10, ids: [delivery.id] });

        let seen: unknown;
        let left: unknown;
        // The erasure's own event, made of the tombstone and written after the scrub.
        const erasedEvent = { ...delivery, id: uniqueId('msg'), type: 'account-request.erased' as const, body: '{"type":"account-request.erased"}', createdAt: at(20), nextAttemptAt: at(20) };
        const result = await store.erase(
          record.id,
          (current) => {
            seen = current;
            return tombstone(current, at(20), 'admin');
          },
          hooks ? { webhooks: (tombstoned) => ((left = tombstoned), [erasedEvent]) } : {},
        );
        same(seen, { ...toProcessedRecord(record), status: 'info-requested', note: 'Appeler Mme Martin', history: [ASK], version: 2 }, 'what tombstone was given');
        equal(result.state, 'erased', 'the state of the erasure');
        ok(result.state === 'erased', 'the tombstone');
        const erased = result.record;
        equal(erased.erasedAt, at(20), 'erasedAt');
        same(toProcessedRecord((await store.get(record.id))!), erased, 'the stored tombstone');
        same(erased.values, {}, 'values');
        for (const member of ['passwordHash', 'consents', 'invitationId'] as const) equal(erased[member], undefined, member);
        equal(await store.findActivationToken(activation.hash), undefined, 'the activation token');
        equal(await store.findInformationToken(link.hash), undefined, 'the information link');
        equal(await store.getInvitation(invitation.id), undefined, 'the invitation');
        equal(await store.findInvitation(invitation.hash), undefined, 'the invitation, by hash');
        equal(await store.getNotification(confirmation.id), undefined, "the request's e-mail");
        equal(await store.getNotification(invitationMail.id), undefined, "the invitation's e-mail");
        equal((await store.listNotifications({ requestId: record.id, limit: 10, offset: 0 })).total, 0, 'e-mails listed for the request');
        same(await store.getNotification(otherMail.id), otherMail, "another request's e-mail");
        equal((await store.query({ q: record.id, limit: 5, offset: 0 })).total, 0, 'found by its old e-mail');
        if (hooks) {
          const scrubbed = await hooks.getWebhookDelivery(delivery.id);
          same([scrubbed?.body, scrubbed?.state, scrubbed?.endpointId], [ERASED_WEBHOOK_BODY, 'cancelled', 'ep'], 'the webhook delivery');
          // The receiver's answer may echo the erased data: the attempt that ends now records nothing.
          await hooks.finishWebhookDelivery(delivery.id, { state: 'pending', at: at(21), nextAttemptAt: at(30), status: 500, response: 'x@example.fr?', error: 'HTTP 500' });
          same(await hooks.getWebhookDelivery(delivery.id), scrubbed, 'the cancelled delivery after its attempt ended');
          same(await hooks.getWebhookDelivery(otherDelivery.id), otherDelivery, "another request's delivery");
          same(left, erased, 'what the webhooks option was given: the tombstone');
          same(await hooks.getWebhookDelivery(erasedEvent.id), erasedEvent, 'the erasure event, pending with its body');
        }
        // A link issued by an admin action that read the request before its erasure.
        const late = tokenRecord(record.id);
        const lateMail = notificationRecord(record.id, { kind: 'activation' });
        await store.saveActivationToken(late, lateMail);
        equal(await store.findActivationToken(late.hash), undefined, 'an activation token saved after the erasure');
        equal(await store.getNotification(lateMail.id), undefined, 'its e-mail');
        same(await store.erase('no-such-request', (current) => current), { state: 'not_found' }, 'an unknown id');
      }));

    it('erase erases once: a second erasure, or one from another version, writes nothing and sends no event', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const hooks = isWebhookStore(store) ? store : undefined;
        const record = requestRecord({ status: 'rejected' });
        await store.create(record);
        const event = (id: string) => ({
          id, endpointId: 'ep', type: 'account-request.erased' as const, requestId: record.id, body: '{"type":"account-request.erased"}', state: 'pending' as const, attempts: 0, createdAt: at(20), nextAttemptAt: at(20),
        });
        const stale = await store.erase(record.id, (current) => tombstone(current, at(20), 'admin'), { expectedVersion: 7 });
        equal(stale.state, 'conflict', 'an erasure expecting another version');
        same(stale.state === 'conflict' ? stale.record : undefined, toProcessedRecord(record), 'the request a conflict reports');
        equal((await store.get(record.id))?.erasedAt, undefined, 'erasedAt after a conflict');
        const once = await store.erase(record.id, (current) => tombstone(current, at(20), 'admin'), { expectedVersion: 1, ...(hooks ? { webhooks: () => [event(uniqueId('msg'))] } : {}) });
        equal(once.state, 'erased', 'the first erasure');
        let called = false;
        const secondEvent = event(uniqueId('msg'));
        const second = await store.erase(
          record.id,
          (current) => ((called = true), tombstone(current, at(30), 'retention')),
          hooks ? { webhooks: () => ((called = true), [secondEvent]) } : {},
        );
        equal(second.state, 'already_erased', 'a second erasure');
        same(second.state === 'already_erased' ? second.record : undefined, once.state === 'erased' ? once.record : undefined, 'the request a second erasure reports: the first tombstone');
        equal(called, false, 'tombstone or webhooks called by a second erasure');
        const stored = toProcessedRecord((await store.get(record.id))!);
        equal(stored.version, 2, 'the version after two erasures');
        equal(stored.history.filter((entry) => entry.changes.some((change) => change.field === 'erasure')).length, 1, 'erasure entries in the history');
        if (hooks) equal(await hooks.getWebhookDelivery(secondEvent.id), undefined, "the second erasure's event");
      }));

    it('findStale: by status, activation and last change (strictly before), oldest change first, never erased ones', () =>
      withStore(target, async ({ first }) => {
        const store = decisions(first);
        const make = async (init: Parameters<typeof requestRecord>[0]) => {
          const record = requestRecord(init);
          await store.create(record);
          return record.id;
        };
        const oldRejected = await make({ minutes: 0, status: 'rejected' });
        const changedLater = await make({ minutes: 0, status: 'rejected', history: [historyEntry(50, [{ field: 'status', from: 'new', to: 'rejected' }])] });
        const changedEarly = await make({ minutes: 5, status: 'rejected', history: [historyEntry(6)] });
        await make({ minutes: 0, status: 'rejected', erasedAt: at(1) });
        await make({ minutes: 0, status: 'in-progress' });
        const inactive = await make({ minutes: 1, status: 'accepted' });
        await make({ minutes: 1, status: 'accepted', activatedAt: at(2) });
        const boundary = await make({ minutes: 10, status: 'rejected' });

        same((await store.findStale({ statuses: ['rejected'], changedBefore: at(10), limit: 10 })).map((r) => r.id), [oldRejected, changedEarly], 'rejected before minute 10');
        same((await store.findStale({ statuses: ['rejected'], changedBefore: at(51), limit: 10 })).map((r) => r.id), [oldRejected, changedEarly, boundary, changedLater], 'rejected before minute 51');
        same((await store.findStale({ statuses: ['rejected'], changedBefore: at(51), limit: 2 })).map((r) => r.id), [oldRejected, changedEarly], 'limit');
        same((await store.findStale({ statuses: ['accepted'], notActivated: true, changedBefore: at(60), limit: 10 })).map((r) => r.id), [inactive], 'accepted, never activated');
        equal((await store.findStale({ statuses: ['accepted'], changedBefore: at(60), limit: 10 })).length, 2, 'accepted, activated or not');
      }));
  });
}

/** Concurrent uses: one correction per link, one request per invitation. */
export function decisionConcurrencyCases({ describe, it }: TestFunctions, target: StoreConformanceTarget, withPeer: boolean): void {
  const n = target.concurrency ?? 20;
  const on = (first: StoreUnderTest, peer: StoreUnderTest | undefined) => (i: number): ProcessingStore => (peer && i % 2 === 1 ? peer : first).store;
  describe(withPeer ? 'decision concurrency across two instances' : 'decision concurrency', () => {
    it(`uses an information link for exactly one of ${n} concurrent corrections`, () =>
      withStore(target, async ({ first, peer }) => {
        const { record, link } = await waiting(decisions(first));
        const store = on(first, peer);
        const results = await Promise.all(Array.from({ length: n }, (_, i) =>
          (store(i) as DecisionStore).useInformationToken(link.hash, at(10), { values: { companyName: `Version ${i}` }, status: 'in-progress' }, ANSWER)));
        equal(results.filter(Boolean).length, 1, 'corrections written');
        const stored = toProcessedRecord((await first.store.get(record.id))!);
        equal(stored.version, 3, 'version');
        equal(stored.history.length, 2, 'history entries');
      }, { peer: withPeer }));

    it(`lets exactly one of ${n} concurrent submissions use an invitation`, () =>
      withStore(target, async ({ first, peer }) => {
        const invitation = invitationRecord();
        await decisions(first).createInvitation(invitation);
        const store = on(first, peer);
        const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, i) => store(i).create(requestRecord(), { invitation: { hash: invitation.hash, at: at(1) } })));
        equal(count(outcomes.map((o) => o.status), 'fulfilled'), 1, 'requests created');
        equal((await first.store.query({ limit: 100, offset: 0 })).total, 1, 'stored requests');
        ok((await decisions(first).getInvitation(invitation.id))?.requestId, 'the invitation names its request');
      }, { peer: withPeer }));

    it(`erases a request once when ${n} erasures race (an admin and retention on several instances)`, () =>
      withStore(target, async ({ first, peer }) => {
        const record = requestRecord({ status: 'rejected' });
        await first.store.create(record);
        const store = on(first, peer);
        const events: string[] = [];
        const results = await Promise.all(Array.from({ length: n }, (_, i) => {
          const event = {
            id: uniqueId('msg'), endpointId: 'ep', type: 'account-request.erased' as const, requestId: record.id, body: '{"type":"account-request.erased"}',
            state: 'pending' as const, attempts: 0, createdAt: at(20), nextAttemptAt: at(20),
          };
          const hooks = isWebhookStore(store(i)) ? { webhooks: () => (events.push(event.id), [event]) } : {};
          return (store(i) as DecisionStore).erase(record.id, (current) => tombstone(current, at(20), i % 3 === 0 ? 'admin' : 'retention'), { ...hooks, ...(i % 2 === 0 ? { expectedVersion: 1 } : {}) });
        }));
        const states = results.map((result) => result.state);
        equal(count(states, 'erased'), 1, 'erasures written');
        equal(count(states, 'already_erased'), n - 1, 'erasures that found the request erased');
        const stored = toProcessedRecord((await first.store.get(record.id))!);
        equal(stored.version, 2, 'version');
        equal(stored.history.filter((entry) => entry.changes.some((change) => change.field === 'erasure')).length, 1, 'erasure entries in the history');
        if (isWebhookStore(first.store)) {
          equal(events.length, 1, 'erased events made');
          const written = await Promise.all(events.map((id) => (first.store as ProcessingStore & WebhookStore).getWebhookDelivery(id)));
          equal(written.filter(Boolean).length, 1, 'erased events written');
        }
      }, { peer: withPeer }));

    it('activates and erases one request at once without a deadlock (10 rounds)', () =>
      withStore(target, async ({ first, peer }) => {
        const store = on(first, peer);
        for (let round = 0; round < 10; round += 1) {
          const record = requestRecord({ status: 'accepted' });
          await first.store.create(record);
          const token = tokenRecord(record.id);
          await first.store.saveActivationToken(token);
          const activation: HistoryEntry = { at: at(2), actor: 'applicant', changes: [{ field: 'activation', from: null, to: at(2) }] };
          const outcomes = await Promise.allSettled([
            store(0).useActivationToken(token.hash, at(2), { activatedAt: at(2), passwordHash: 'pbkdf2-sha256$1$c2FsdA$aGFzaA' }, activation),
            (store(1) as DecisionStore).erase(record.id, (current) => tombstone(current, at(3), 'admin')),
          ]);
          const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
          same(failures, [], `failures of an activation and an erasure at once (round ${round + 1})`);
          const stored = toProcessedRecord((await first.store.get(record.id))!);
          ok(stored.erasedAt, 'the request is erased');
          equal(stored.passwordHash, undefined, 'the password hash after the erasure');
        }
      }, { peer: withPeer }));

    it('takes a correction and a new request for information at once without a deadlock (10 rounds)', () =>
      withStore(target, async ({ first, peer }) => {
        const store = on(first, peer);
        for (let round = 0; round < 10; round += 1) {
          const { record, link } = await waiting(decisions(first));
          const again = informationToken(record.id, 6);
          const outcomes = await Promise.allSettled([
            (store(0) as DecisionStore).useInformationToken(link.hash, at(10), { values: { companyName: 'Nouvelle Raison Sociale' }, status: 'in-progress' }, ANSWER),
            (store(1) as DecisionStore).decide(record.id, { note: 'relancé' }, 2, historyEntry(6, [{ field: 'note', from: '', to: 'relancé' }]), { informationToken: again }),
          ]);
          const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
          same(failures, [], `failures of a correction and a decision at once (round ${round + 1})`);
          const [used, decided] = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
          // One of the two wins: the correction (the decision then conflicts) or the decision (its new link replaces the old one).
          equal(Boolean(used) !== ((decided as { state?: string } | undefined)?.state === 'updated'), true, 'exactly one of the two written');
          equal(toProcessedRecord((await first.store.get(record.id))!).version, 3, 'version');
        }
      }, { peer: withPeer }));
  });
}
