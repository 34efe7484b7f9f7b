import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, updateSettings } from '../../config/index.js';
import { applyRetention, eraseExpiredRequests } from './retention.js';
import { moveTo, processingSetup, read, submit, tokenOf } from '../test-helpers/processing.js';
import { URL_BASE } from '../test-helpers/setup.js';

const activate = (token: string, password: string): Request =>
  new Request(`${URL_BASE}/activation/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password }) });

const DAY = 24 * 60 * 60 * 1000;

describe('retention', () => {
  test('erases rejected, unanswered and never-activated requests N days after their last change; keeps the others', async () => {
    const built = processingSetup();
    const { handler, clock, store, mail } = built;
    const rejected = await submit(handler, { companyName: 'Refusée SARL' });
    await moveTo(handler, rejected, 'rejected');
    const unanswered = await submit(handler, { companyName: 'Muette SAS' });
    await moveTo(handler, unanswered, 'info-requested');
    const inactive = await submit(handler, { companyName: 'Dormante SA' });
    await moveTo(handler, inactive, 'in-progress', 'accepted');
    const active = await submit(handler, { companyName: 'Active EURL' });
    await moveTo(handler, active, 'in-progress', 'accepted');
    const link = tokenOf(mail.sent.filter((m) => m.requestId === active && m.kind === 'activation').at(-1)!);
    assert.equal((await handler(activate(link, 'correct horse battery staple'))).status, 200);
    const waiting = await submit(handler, { companyName: 'En Attente SNC' });
    const reviewing = await submit(handler, { companyName: 'En Cours SAS' });
    await moveTo(handler, reviewing, 'in-progress');

    // A rejection 29 days later: its own 30 days start then.
    clock.advance(29 * DAY);
    const late = await submit(handler, { companyName: 'Tardive SARL' });
    await moveTo(handler, late, 'rejected');

    // Exactly 30 days after their last change: kept; one millisecond more: erased.
    clock.advance(DAY);
    assert.deepEqual(await eraseExpiredRequests(store, { days: 30, now: clock.now() }), { erased: 0, cutoff: new Date(clock.now().getTime() - 30 * DAY).toISOString() });
    clock.advance(1);
    const report = await eraseExpiredRequests(store, { days: 30, now: clock.now() });
    assert.equal(report.erased, 3);
    const erased = async (id: string): Promise<boolean> => (await read(handler, id)).record['erasedAt'] !== undefined;
    assert.deepEqual(
      await Promise.all([rejected, unanswered, inactive, active, waiting, reviewing, late].map(erased)),
      [true, true, true, false, false, false, false],
    );
    const entry = ((await read(handler, rejected)).record['history'] as { actor: string; changes: { field: string }[] }[]).at(-1)!;
    assert.deepEqual([entry.actor, entry.changes[0]?.field], ['retention', 'erasure']);
    assert.equal((await read(handler, rejected)).record['status'], 'rejected');

    // Runs again: nothing new to erase until the late rejection's time comes.
    assert.equal((await eraseExpiredRequests(store, { days: 30, now: clock.now() })).erased, 0);
    clock.advance(29 * DAY);
    assert.equal((await eraseExpiredRequests(store, { days: 30, now: clock.now() })).erased, 1);
    assert.equal(await erased(late), true);
  });

  test('a request that changes between being selected and being erased (its applicant activates it) is kept', async () => {
    const { handler, clock, store, mail } = processingSetup();
    const first = await submit(handler);
    const second = await submit(handler);
    for (const id of [first, second]) await moveTo(handler, id, 'in-progress', 'accepted');
    const link = tokenOf(mail.sent.filter((m) => m.requestId === second && m.kind === 'activation').at(-1)!);
    clock.advance(40 * DAY);
    // The applicant of the second activates while the run erases the first.
    const erase = store.erase.bind(store);
    let activated: Promise<Response> | undefined;
    store.erase = async (id, ...rest) => {
      activated ??= handler(activate(link, 'correct horse battery staple'));
      await activated;
      return erase(id, ...rest);
    };
    const report = await eraseExpiredRequests(store, { days: 30, now: clock.now() });
    assert.equal((await activated)?.status, 200);
    assert.equal(report.erased, 1);
    const kept = (await read(handler, second)).record;
    assert.deepEqual([typeof kept['activatedAt'], kept['erasedAt']], ['string', undefined]);
  });

  test('runs on several instances at once erase each request once', async () => {
    const { handler, clock, store } = processingSetup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = await submit(handler, { companyName: `Refusée ${i}` });
      await moveTo(handler, id, 'rejected');
      ids.push(id);
    }
    clock.advance(31 * DAY);
    const reports = await Promise.all([1, 2, 3].map(() => eraseExpiredRequests(store, { days: 30, now: clock.now() })));
    assert.equal(reports.reduce((sum, report) => sum + report.erased, 0), ids.length);
    for (const id of ids) {
      const { history, version } = (await read(handler, id)).record as { history: { changes: { field: string }[] }[]; version: number };
      assert.equal(history.filter((entry) => entry.changes.some((change) => change.field === 'erasure')).length, 1, id);
      assert.equal(version, 3, id);
    }
  });

  test('more requests than one batch are all erased in one run', async () => {
    const built = processingSetup();
    const ids: string[] = [];
    for (let i = 0; i < 105; i += 1) {
      const id = await submit(built.handler);
      await moveTo(built.handler, id, 'rejected');
      ids.push(id);
    }
    built.clock.advance(8 * DAY);
    assert.equal((await eraseExpiredRequests(built.store, { days: 7, now: built.clock.now() })).erased, 105);
  });

  test('applyRetention follows the config: off by default, settings.retentionDays when set', async () => {
    const built = processingSetup();
    const id = await submit(built.handler);
    await moveTo(built.handler, id, 'rejected');
    built.clock.advance(91 * DAY);
    const now = built.clock.now();
    assert.deepEqual(await applyRetention({ store: built.store, loadConfig: () => defaultConfig(), now }), { erased: 0 });
    assert.deepEqual(await applyRetention({ store: built.store, loadConfig: () => undefined, now }), { erased: 0 });
    assert.equal((await applyRetention({ store: built.store, loadConfig: () => updateSettings(defaultConfig(), { retentionDays: 120 }), now })).erased, 0);
    assert.equal((await applyRetention({ store: built.store, loadConfig: async () => updateSettings(defaultConfig(), { retentionDays: 90 }), now })).erased, 1);
    assert.notEqual((await read(built.handler, id)).record['erasedAt'], undefined);
  });
});
