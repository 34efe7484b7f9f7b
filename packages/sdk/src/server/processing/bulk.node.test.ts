import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore } from '../stores/store.js';
import type { DecisionStore } from '../stores/decision-store.js';
import { admin, moveTo, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem } from '../test-helpers/setup.js';

type Report = { items: { id: string; outcome: string; emails: number; status?: string }[]; updated: number; refused: number; failed: number; emails: number };

const bulk = (body: unknown): Request => admin('/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('bulk decisions', () => {
  test('accepting several: each as if one by one (a new one taken in charge, then accepted), each with its activation e-mail', async () => {
    const { handler, mail } = processingSetup();
    const fresh = await submit(handler, { email: 'a@example.com' });
    const reviewed = await submit(handler, { email: 'b@example.com' });
    await moveTo(handler, reviewed, 'in-progress');
    const response = await handler(bulk({ ids: [fresh, reviewed], status: 'accepted' }));
    assert.equal(response.status, 200, await response.clone().text());
    const report = (await response.json()) as Report;
    assert.deepEqual(report.items.map((i) => [i.id, i.outcome, i.emails, i.status]), [[fresh, 'updated', 1, 'accepted'], [reviewed, 'updated', 1, 'accepted']]);
    assert.deepEqual([report.updated, report.refused, report.failed, report.emails], [2, 0, 0, 2]);
    const history = (await read(handler, fresh)).record['history'] as { changes: { to: string }[] }[];
    assert.deepEqual(history.map((h) => h.changes[0]?.to), ['in-progress', 'accepted']);
    assert.deepEqual(mail.sent.filter((m) => m.kind === 'activation').map((m) => m.to).sort(), ['a@example.com', 'b@example.com']);
  });

  test('rejecting several with a reason: one e-mail each, in each applicant\'s language; an accepted one is refused and reported', async () => {
    const { handler, mail } = processingSetup();
    const fr = await submit(handler, { email: 'fr@example.com' }, 'fr');
    const en = await submit(handler, { email: 'en@example.com' }, 'en');
    const accepted = await submit(handler);
    await moveTo(handler, accepted, 'in-progress', 'accepted');
    const report = (await (await handler(bulk({ ids: [fr, en, accepted, 'missing-id'], status: 'rejected', reason: 'not-professional' }))).json()) as Report;
    assert.deepEqual(report.items.map((i) => [i.outcome, i.emails]), [['updated', 1], ['updated', 1], ['refused', 0], ['not_found', 0]]);
    assert.deepEqual([report.updated, report.refused, report.failed, report.emails], [2, 2, 0, 2]);
    const rejections = mail.sent.filter((m) => m.kind === 'rejection');
    assert.deepEqual(rejections.map((m) => m.subject), ['Votre demande de compte professionnel', 'Your business account request']);
    assert.match(rejections[1]!.text, /Reason: Account reserved for business customers\./);
  });

  test('accepting in bulk never reopens a rejected request nor skips the answer of one waiting for information: both are refused, in a dry run too', async () => {
    const { handler, mail } = processingSetup();
    const rejected = await submit(handler, { email: 'r@example.com' });
    await moveTo(handler, rejected, 'rejected');
    const waiting = await submit(handler, { email: 'w@example.com' });
    await moveTo(handler, waiting, 'info-requested');
    const fresh = await submit(handler, { email: 'n@example.com' });
    const before = mail.sent.length;
    for (const dryRun of [true, false]) {
      const report = (await (await handler(bulk({ ids: [rejected, waiting, fresh], status: 'accepted', dryRun }))).json()) as Report;
      assert.deepEqual(report.items.map((i) => i.outcome), ['refused', 'refused', dryRun ? 'ready' : 'updated'], `dryRun ${dryRun}`);
    }
    assert.deepEqual([(await read(handler, rejected)).record['status'], (await read(handler, waiting)).record['status']], ['rejected', 'info-requested']);
    assert.deepEqual(mail.sent.slice(before).filter((m) => m.kind === 'activation').map((m) => m.to), ['n@example.com']);
  });

  test('a dry run writes nothing and says how many e-mails would go out', async () => {
    const { handler, mail, store } = processingSetup();
    const withMail = await submit(handler);
    // A request without an e-mail (a store fed by another channel) gets none.
    await store.create({ id: 'no-mail', createdAt: '2026-03-02T09:00:00.000Z', values: { companyName: 'Sans Mail SARL' }, locale: 'fr', access: 'full', status: 'new' });
    const ids = [withMail, 'no-mail'];
    const before = mail.sent.length;
    const accept = (await (await handler(bulk({ ids, status: 'accepted', dryRun: true }))).json()) as Report;
    assert.deepEqual(accept.items.map((i) => i.outcome), ids.map(() => 'ready'));
    assert.equal(accept.emails, 1);
    const silent = (await (await handler(bulk({ ids, status: 'rejected', notify: false, dryRun: true }))).json()) as Report;
    assert.equal(silent.emails, 0);
    assert.equal(mail.sent.length, before);
    assert.equal((await read(handler, withMail)).record['status'], 'new');
  });

  test('one request failing in the store does not stop the others, and is reported', async () => {
    const memory = createMemoryStore();
    let failing = '';
    const store: DecisionStore = { ...memory, decide: (id, ...rest) => (id === failing ? Promise.reject(new Error('disk full')) : memory.decide(id, ...rest)) };
    const { handler, mail } = processingSetup({ store });
    const first = await submit(handler);
    const broken = await submit(handler);
    const last = await submit(handler);
    failing = broken;
    const report = (await (await handler(bulk({ ids: [first, broken, last], status: 'rejected', reason: 'duplicate' }))).json()) as Report;
    assert.deepEqual(report.items.map((i) => [i.id, i.outcome]), [[first, 'updated'], [broken, 'failed'], [last, 'updated']]);
    assert.deepEqual([report.updated, report.failed, report.emails], [2, 1, 2]);
    assert.equal((await read(handler, broken)).record['status'], 'new', 'nothing written for the failed one');
    assert.equal(mail.sent.filter((m) => m.kind === 'rejection' && m.requestId === broken).length, 0);
  });

  test('422 for a bad body; admin only', async () => {
    const { handler } = processingSetup();
    const cases: [unknown, string[]][] = [
      [{ status: 'accepted' }, ['ids']],
      [{ ids: [], status: 'accepted' }, ['ids']],
      [{ ids: ['a'.repeat(65)], status: 'accepted' }, ['ids']],
      [{ ids: Array.from({ length: 201 }, (_, i) => `r${i}`), status: 'accepted' }, ['ids']],
      [{ ids: ['x'], status: 'in-progress' }, ['status']],
      [{ ids: ['x'], status: 'accepted', reason: 'duplicate' }, ['reason']],
      [{ ids: ['x'], status: 'rejected', reason: 'other' }, ['message']],
      [{ ids: ['x'], status: 'rejected', dryRun: 'yes', extra: 1 }, ['extra', 'dryRun']],
    ];
    for (const [body, fields] of cases) {
      const problem = await assertProblem(await handler(bulk(body)), 422);
      assert.deepEqual((problem['errors'] as { field: string }[]).map((e) => e.field), fields, JSON.stringify(body).slice(0, 80));
    }
    await assertProblem(await handler(new Request('https://shop.test/api/account-requests/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })), 401);
  });
});
