import type { ProcessedRecord } from '../server/processing/lifecycle.js';
import { isWebhookStore, type WebhookDelivery, type WebhookEndpoint, type WebhookStore } from '../server/stores/webhook-store.js';
import { ConformanceError, count, equal, ok, rejects, same } from './check.js';
import { at, historyEntry, requestRecord, storedResponse, tokenRecord, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, StoreUnderTest, TestFunctions } from './types.js';

function webhookStore(instance: StoreUnderTest): WebhookStore {
  if (!isWebhookStore(instance.store)) throw new ConformanceError("The store lacks the WebhookStore methods: add them, or list 'webhooks' in the target's `without`");
  return instance.store;
}

/** An endpoint created `minutes` after the start. */
export function endpointRecord(minutes = 0, init: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return { id: uniqueId('ep'), url: 'https://erp.example/hooks/account-requests?tenant=é', secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: at(minutes) }], createdAt: at(minutes), ...init };
}

/** A pending delivery to `endpointId`, created and due `minutes` after the start. */
export function deliveryRecord(endpointId: string, init: Partial<WebhookDelivery> & { minutes?: number } = {}): WebhookDelivery {
  const { minutes = 0, ...rest } = init;
  const id = rest.id ?? uniqueId('msg');
  return {
    id,
    endpointId,
    type: 'account-request.created',
    requestId: 'req-1',
    body: JSON.stringify({ type: 'account-request.created', timestamp: at(minutes), data: { request: { id: 'req-1', values: { companyName: 'Société « Générale » 🎉\n' } } } }),
    state: 'pending',
    attempts: 0,
    createdAt: at(minutes),
    nextAttemptAt: at(minutes),
    ...rest,
  };
}

const ids = (rows: readonly WebhookDelivery[]): string[] => rows.map((row) => row.id);

// The deliveries a change writes, from the record the store hands over: their body names its version.
const versionRows = (endpointId: string, seen: ProcessedRecord[]) => (record: ProcessedRecord): WebhookDelivery[] => {
  seen.push(record);
  return [deliveryRecord(endpointId, { type: 'account-request.updated', requestId: record.id, body: JSON.stringify({ version: record.version, status: record.status }) })];
};

/** Webhook endpoints and the delivery outbox, and the deliveries written with the change that causes them. */
export function webhookCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('webhooks', () => {
    it('saves, replaces and lists endpoints, oldest first', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const later = endpointRecord(5);
        const earlier = endpointRecord(1, { secrets: [{ secret: 'whsec_bmV3', createdAt: at(3) }, { secret: 'whsec_b2xk', createdAt: at(1), expiresAt: at(30) }] });
        await store.saveWebhookEndpoint(later);
        await store.saveWebhookEndpoint(earlier);
        same(await store.getWebhookEndpoint(earlier.id), earlier, 'an endpoint with two secrets');
        same((await store.listWebhookEndpoints()).map((endpoint) => endpoint.id), [earlier.id, later.id], 'oldest first');
        const disabled = { ...later, url: 'https://crm.example/in', disabledAt: at(9), disabledReason: 'gone' as const };
        await store.saveWebhookEndpoint(disabled);
        same(await store.getWebhookEndpoint(later.id), disabled, 'the replaced endpoint');
        const { disabledAt: _at, disabledReason: _reason, ...enabled } = disabled;
        await store.saveWebhookEndpoint(enabled);
        same(await store.getWebhookEndpoint(later.id), enabled, 'enabled again');
        equal((await store.listWebhookEndpoints()).length, 2, 'endpoints after replacing one');
        equal(await store.getWebhookEndpoint('no-such-endpoint'), undefined, 'an unknown endpoint');
      }));

    it('enqueues once per id and lists deliveries newest first, filtered and paged', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const rows = [deliveryRecord('ep-a', { minutes: 1 }), deliveryRecord('ep-b', { minutes: 2 }), deliveryRecord('ep-a', { minutes: 3, type: 'webhook.ping' })];
        await store.enqueueWebhookDeliveries(rows);
        await store.enqueueWebhookDeliveries([{ ...rows[0]!, body: '{"changed":true}' }]);
        await store.enqueueWebhookDeliveries([]);
        const { requestId: _none, ...ping } = deliveryRecord('ep-a', { minutes: 4, type: 'webhook.ping' });
        await store.enqueueWebhookDeliveries([ping]);
        const all = await store.listWebhookDeliveries({ limit: 10, offset: 0 });
        equal(all.total, 4, 'deliveries after a duplicate id');
        same(ids(all.items), [ping.id, rows[2]!.id, rows[1]!.id, rows[0]!.id], 'newest first');
        same(all.items[3], rows[0], 'the first delivery, unchanged by the duplicate');
        same(await store.getWebhookDelivery(ping.id), ping, 'a delivery without request');
        same(ids((await store.listWebhookDeliveries({ endpointId: 'ep-a', limit: 10, offset: 0 })).items), [ping.id, rows[2]!.id, rows[0]!.id], 'by endpoint');
        const page = await store.listWebhookDeliveries({ endpointId: 'ep-a', limit: 1, offset: 1 });
        same(ids(page.items), [rows[2]!.id], 'second page of one');
        equal(page.total, 3, 'total of a page');
        equal((await store.listWebhookDeliveries({ state: 'delivered', limit: 10, offset: 0 })).total, 0, 'delivered ones');
        equal(await store.getWebhookDelivery('no-such-delivery'), undefined, 'an unknown id');
      }));

    it('claims due deliveries oldest first, up to the limit, only the given ids when asked, and locks them', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const due = [deliveryRecord('ep', { minutes: 3 }), deliveryRecord('ep', { minutes: 1 }), deliveryRecord('ep', { minutes: 2 })];
        const later = deliveryRecord('ep', { minutes: 0, nextAttemptAt: at(30) });
        await store.enqueueWebhookDeliveries([...due, later]);
        same(ids(await store.claimWebhookDeliveries({ now: at(5), lockedUntil: at(7), limit: 10, ids: [due[0]!.id, later.id] })), [due[0]!.id], 'the given id that is due');
        const claimed = await store.claimWebhookDeliveries({ now: at(5), lockedUntil: at(7), limit: 1 });
        same(claimed, [{ ...due[1], lockedUntil: at(7) }], 'the oldest due, locked');
        same(ids(await store.claimWebhookDeliveries({ now: at(6), lockedUntil: at(8), limit: 10 })), [due[2]!.id], 'the rest, locked ones left out');
        same(ids(await store.claimWebhookDeliveries({ now: at(6), lockedUntil: at(8), limit: 10, ids: [] })), [], 'no ids');
        same(ids(await store.claimWebhookDeliveries({ now: at(7), lockedUntil: at(9), limit: 10 })), [due[1]!.id, due[0]!.id], 'the locks that ended, oldest first');
        same(ids(await store.claimWebhookDeliveries({ now: at(30), lockedUntil: at(32), limit: 10 })), [later.id, due[1]!.id, due[2]!.id, due[0]!.id], 'every lock ended and the later one due, oldest first');
      }));

    it('records each outcome: delivered, pending again, failed, cancelled', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const [a, b, c] = [deliveryRecord('ep', { minutes: 1 }), deliveryRecord('ep', { minutes: 2 }), deliveryRecord('ep', { minutes: 3 })];
        await store.enqueueWebhookDeliveries([a!, b!, c!]);
        await store.claimWebhookDeliveries({ now: at(5), lockedUntil: at(7), limit: 10 });
        await store.finishWebhookDelivery(a!.id, { state: 'pending', at: at(5), nextAttemptAt: at(10), status: 500, response: 'Erreur « interne »', error: 'HTTP 500' });
        same(await store.getWebhookDelivery(a!.id), { ...a, attempts: 1, lastAttemptAt: at(5), nextAttemptAt: at(10), lastStatus: 500, lastResponse: 'Erreur « interne »', lastError: 'HTTP 500' }, 'to retry');
        await store.finishWebhookDelivery(b!.id, { state: 'failed', at: at(6), status: 410, response: 'gone', error: 'Gone' });
        same(await store.getWebhookDelivery(b!.id), { ...b, state: 'failed', attempts: 1, lastAttemptAt: at(6), lastStatus: 410, lastResponse: 'gone', lastError: 'Gone' }, 'failed');
        await store.finishWebhookDelivery(c!.id, { state: 'cancelled', at: at(6), error: 'The endpoint is disabled' });
        same(await store.getWebhookDelivery(c!.id), { ...c, state: 'cancelled', lastAttemptAt: at(6), lastError: 'The endpoint is disabled' }, 'cancelled: no attempt counted');
        same(ids(await store.claimWebhookDeliveries({ now: at(9), lockedUntil: at(11), limit: 10 })), [], 'before nextAttemptAt');
        same(ids(await store.claimWebhookDeliveries({ now: at(10), lockedUntil: at(12), limit: 10 })), [a!.id], 'at nextAttemptAt');
        await store.finishWebhookDelivery(a!.id, { state: 'pending', at: at(10), nextAttemptAt: at(20), error: 'Timed out after 10000 ms' });
        same(await store.getWebhookDelivery(a!.id), { ...a, attempts: 2, lastAttemptAt: at(10), nextAttemptAt: at(20), lastError: 'Timed out after 10000 ms' }, 'a timeout clears the last answer');
        await store.claimWebhookDeliveries({ now: at(20), lockedUntil: at(22), limit: 10 });
        await store.finishWebhookDelivery(a!.id, { state: 'delivered', at: at(20), status: 204, response: '' });
        same(await store.getWebhookDelivery(a!.id), { ...a, state: 'delivered', attempts: 3, lastAttemptAt: at(20), nextAttemptAt: at(20), lastStatus: 204, lastResponse: '', deliveredAt: at(20) }, 'delivered');
        same(ids(await store.claimWebhookDeliveries({ now: at(1000), lockedUntil: at(1002), limit: 10 })), [], 'nothing left to claim');
        same(ids((await store.listWebhookDeliveries({ state: 'failed', limit: 10, offset: 0 })).items), [b!.id], 'listed as failed');
      }));

    it('records an attempt only on a claimed delivery: not twice, not on one never claimed', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const [sent, idle] = [deliveryRecord('ep', { minutes: 1 }), deliveryRecord('ep', { minutes: 9 })];
        await store.enqueueWebhookDeliveries([sent!, idle!]);
        same(ids(await store.claimWebhookDeliveries({ now: at(5), lockedUntil: at(7), limit: 10 })), [sent!.id], 'the due one claimed');
        await store.finishWebhookDelivery(sent!.id, { state: 'delivered', at: at(5), status: 200, response: 'ok' });
        await store.finishWebhookDelivery(sent!.id, { state: 'pending', at: at(6), nextAttemptAt: at(8), status: 500, response: 'late', error: 'HTTP 500' });
        same(await store.getWebhookDelivery(sent!.id), { ...sent, state: 'delivered', attempts: 1, lastAttemptAt: at(5), lastStatus: 200, lastResponse: 'ok', deliveredAt: at(5) }, 'the second finish of one claim wrote nothing');
        await store.finishWebhookDelivery(idle!.id, { state: 'failed', at: at(6), status: 410, response: 'gone', error: 'Gone' });
        same(await store.getWebhookDelivery(idle!.id), idle, 'an unclaimed delivery is left as it was');
      }));

    it('sends a delivery again on request, unless it is being sent', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const [done, busy] = [deliveryRecord('ep', { minutes: 1 }), deliveryRecord('ep', { minutes: 2 })];
        await store.enqueueWebhookDeliveries([done!, busy!]);
        await store.claimWebhookDeliveries({ now: at(3), lockedUntil: at(5), limit: 10 });
        await store.finishWebhookDelivery(done!.id, { state: 'delivered', at: at(3), status: 200, response: 'ok' });
        equal(await store.resendWebhookDelivery(done!.id, at(4)), true, 'resend of a delivered one');
        same(await store.getWebhookDelivery(done!.id), { ...done, attempts: 1, lastAttemptAt: at(3), lastStatus: 200, lastResponse: 'ok', deliveredAt: at(3), nextAttemptAt: at(4) }, 'pending again, due now');
        equal(await store.resendWebhookDelivery(busy!.id, at(4)), false, 'resend of one being sent');
        equal(await store.resendWebhookDelivery('no-such-delivery', at(4)), false, 'resend of an unknown one');
        same(ids(await store.claimWebhookDeliveries({ now: at(4), lockedUntil: at(6), limit: 10 })), [done!.id], 'claimed again, the busy one left out');
      }));

    it('writes the deliveries of a creation with it, and none when the creation is refused', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const record = requestRecord();
        const created = [deliveryRecord('ep-a', { requestId: record.id }), deliveryRecord('ep-b', { requestId: record.id })];
        await store.create(record, { webhooks: created });
        for (const row of created) same(await store.getWebhookDelivery(row.id), row, 'a delivery of the creation');
        const key = uniqueId('key');
        const refused = requestRecord();
        const lost = deliveryRecord('ep-a', { requestId: refused.id });
        await rejects(store.create(refused, { answer: { key, response: storedResponse(refused.id) }, webhooks: [lost] }), 'create with an unclaimed key');
        equal(await store.getWebhookDelivery(lost.id), undefined, 'delivery of the refused creation');
        await rejects(store.create(record, { webhooks: [deliveryRecord('ep-a')] }), 'create with a used id');
        equal((await store.listWebhookDeliveries({ limit: 10, offset: 0 })).total, 2, 'deliveries stored');
      }));

    it('writes the deliveries of an update for the updated request, and none on a conflict', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const record = requestRecord();
        await store.create(record);
        const seen: ProcessedRecord[] = [];
        const result = await store.update(record.id, { status: 'in-progress' }, 1, historyEntry(5), { webhooks: versionRows('ep', seen) });
        equal(result.state, 'updated', 'the update');
        equal(seen.length, 1, 'calls of the webhooks option');
        same(seen[0], result.state === 'updated' ? result.record : undefined, 'the record given to the option');
        const { items } = await store.listWebhookDeliveries({ limit: 10, offset: 0 });
        same(items.map((row) => JSON.parse(row.body) as unknown), [{ version: 2, status: 'in-progress' }], 'the delivery of the update');
        const stale = await store.update(record.id, { status: 'rejected' }, 1, historyEntry(6), { webhooks: versionRows('ep', []) });
        equal(stale.state, 'conflict', 'a stale update');
        equal((await store.listWebhookDeliveries({ limit: 10, offset: 0 })).total, 1, 'deliveries after the conflict');
      }));

    it('writes the deliveries of an activation with it, and none for a token that cannot be used', () =>
      withStore(target, async ({ first }) => {
        const store = webhookStore(first);
        const record = requestRecord({ status: 'accepted' });
        await store.create(record);
        const token = tokenRecord(record.id);
        await store.saveActivationToken(token);
        const patch = { activatedAt: at(10), passwordHash: 'pbkdf2-sha256$1$c2FsdA$aGFzaA' };
        const entry = { at: at(10), actor: 'applicant', changes: [{ field: 'activation' as const, from: null, to: at(10) }] };
        const seen: ProcessedRecord[] = [];
        const used = await store.useActivationToken(token.hash, at(10), patch, entry, { webhooks: versionRows('ep', seen) });
        ok(used, 'the activation');
        equal(seen[0]?.activatedAt, at(10), 'the record given to the option is activated');
        equal((await store.listWebhookDeliveries({ limit: 10, offset: 0 })).total, 1, 'deliveries after the activation');
        equal(await store.useActivationToken(token.hash, at(11), patch, entry, { webhooks: versionRows('ep', []) }), undefined, 'a second use');
        equal((await store.listWebhookDeliveries({ limit: 10, offset: 0 })).total, 1, 'deliveries after a second use');
      }));
  });
}

/** Concurrent workers (on two instances with a peer) never claim one delivery twice. */
export function webhookConcurrencyCases({ it }: TestFunctions, target: StoreConformanceTarget, withPeer: boolean): void {
  const n = target.concurrency ?? 20;
  it(`gives each of ${n} due webhook deliveries to exactly one of ${n} concurrent workers`, () =>
    withStore(target, async ({ first, peer }) => {
      const stores = Array.from({ length: n }, (_, i) => webhookStore(peer && i % 2 === 1 ? peer : first));
      const rows = Array.from({ length: n }, (_, i) => deliveryRecord('ep', { minutes: i % 3 }));
      await stores[0]!.enqueueWebhookDeliveries(rows);
      const claimed: string[] = [];
      for (let round = 0; round < 50; round += 1) {
        const claims = await Promise.all(stores.map((store) => store.claimWebhookDeliveries({ now: at(10), lockedUntil: at(20), limit: 2 })));
        claimed.push(...claims.flatMap(ids));
        if (claims.every((got) => got.length === 0)) break;
      }
      equal(claimed.length, n, 'deliveries claimed in all');
      for (const row of rows) equal(count(claimed, row.id), 1, `claims of ${row.id}`);
    }, { peer: withPeer }));
}
