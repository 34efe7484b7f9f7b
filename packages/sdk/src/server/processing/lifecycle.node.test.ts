import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canTransition, REQUEST_STATUSES, STATUS_TRANSITIONS, toProcessedRecord, type RequestStatus } from './lifecycle.js';
import { createMemoryStore } from '../stores/store.js';
import { admin, moveTo, patch, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem, setup } from '../test-helpers/setup.js';

// How to reach each status from `new` through allowed steps.
const PATH_TO: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  new: [],
  'in-progress': ['in-progress'],
  'info-requested': ['info-requested'],
  accepted: ['in-progress', 'accepted'],
  rejected: ['rejected'],
};

describe('lifecycle: transitions', () => {
  for (const from of REQUEST_STATUSES) {
    for (const to of REQUEST_STATUSES) {
      if (from === to) continue;
      const allowed = STATUS_TRANSITIONS[from].includes(to);
      test(`${from} → ${to} is ${allowed ? 'allowed' : 'refused with 422'}`, async () => {
        const { handler } = processingSetup();
        const id = await submit(handler);
        await moveTo(handler, id, ...PATH_TO[from]);
        const before = await read(handler, id);
        assert.equal(before.record['status'], from);
        // A request for information says what is needed (its message is required).
        const response = await handler(patch(id, { status: to, ...(to === 'info-requested' ? { message: 'Votre Kbis, s’il vous plaît.' } : {}) }, before.etag));
        if (allowed) {
          assert.equal(response.status, 200);
          const body = (await response.json()) as { status: string; version: number };
          assert.equal(body.status, to);
          assert.equal(body.version, (before.record['version'] as number) + 1);
          assert.notEqual(response.headers.get('ETag'), before.etag);
        } else {
          const problem = await assertProblem(response, 422);
          assert.deepEqual((problem['errors'] as { field: string; code: string }[]).map((e) => [e.field, e.code]), [['status', 'invalid_transition']]);
          assert.deepEqual(await read(handler, id), before, 'nothing changed');
        }
      });
    }
  }

  test('the transition table: accepted is final, review comes before acceptance', () => {
    assert.equal(canTransition('new', 'accepted'), false);
    assert.equal(canTransition('in-progress', 'accepted'), true);
    assert.deepEqual(STATUS_TRANSITIONS.accepted, []);
    assert.equal(canTransition('rejected', 'in-progress'), true);
  });

  test('a record without processing members reads as version 1, not in account, no note or history', () => {
    const legacy = toProcessedRecord({ id: 'x', createdAt: '2026-01-01T00:00:00.000Z', values: {}, locale: 'fr', access: 'full', status: 'new' });
    assert.equal(legacy.status, 'new');
    assert.equal(legacy.version, 1);
    assert.equal(legacy.inAccount, false);
    assert.deepEqual(legacy.history, []);
  });
});

describe('lifecycle: PATCH {base}/{id}', () => {
  test('a new request starts as new, version 1, not in account, with an empty history and a strong ETag', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const { record, etag } = await read(handler, id);
    assert.equal(record['status'], 'new');
    assert.equal(record['inAccount'], false);
    assert.equal(record['note'], '');
    assert.deepEqual(record['history'], []);
    assert.equal(etag, '"v1"');
    assert.equal((await handler(admin(`/${id}`, { headers: { 'If-None-Match': etag } }))).status, 304);
  });

  test('status, inAccount and note change together in one history entry naming the actor of authorize', async () => {
    const { handler, clock } = processingSetup({
      authorize: (request) => (request.headers.get('Authorization') === 'Bearer admin' ? { actor: 'claire@shop.test' } : false),
    });
    const id = await submit(handler);
    clock.set('2026-03-03T10:00:00.000Z');
    const { etag } = await read(handler, id);
    const response = await handler(patch(id, { status: 'in-progress', inAccount: true, note: '  Rappeler le client\nmardi  ' }, etag));
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['note'], 'Rappeler le client\nmardi');
    assert.deepEqual(body['history'], [
      {
        at: '2026-03-03T10:00:00.000Z',
        actor: 'claire@shop.test',
        changes: [
          { field: 'status', from: 'new', to: 'in-progress' },
          { field: 'inAccount', from: false, to: true },
          { field: 'note', from: '', to: 'Rappeler le client\nmardi' },
        ],
      },
    ]);
    assert.equal(Object.hasOwn(body, 'passwordHash'), false);
  });

  test('a plain true from authorize records the actor admin', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    await moveTo(handler, id, 'in-progress');
    const { record } = await read(handler, id);
    assert.equal((record['history'] as { actor: string }[])[0]?.actor, 'admin');
  });

  test('428 without If-Match, 412 with a stale one (and the current ETag), nothing written', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const first = await read(handler, id);
    await assertProblem(await handler(patch(id, { status: 'in-progress' }, null)), 428);
    assert.equal((await handler(patch(id, { note: 'a' }, first.etag))).status, 200);
    const stale = await handler(patch(id, { status: 'rejected' }, first.etag));
    await assertProblem(stale, 412);
    assert.equal(stale.headers.get('ETag'), '"v2"');
    assert.equal((await read(handler, id)).record['status'], 'new');
    assert.equal((await handler(patch(id, { status: 'rejected' }, 'W/"v2"'))).status, 412, 'weak tags never match');
  });

  test('two concurrent PATCHes with the same ETag: one wins, the other gets 412', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    const results = await Promise.all([handler(patch(id, { status: 'in-progress' }, etag)), handler(patch(id, { status: 'rejected' }, etag))]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    assert.equal(((await read(handler, id)).record['history'] as unknown[]).length, 1);
  });

  test('422 for unknown members, wrong types, an unknown status, a long or control-laden note', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    const cases: [unknown, [string, string][]][] = [
      [{ status: 'validated' }, [['status', 'invalid_option']]],
      [{ inAccount: 'yes' }, [['inAccount', 'invalid_type']]],
      [{ note: 42 }, [['note', 'invalid_type']]],
      [{ note: 'x'.repeat(2001) }, [['note', 'too_long']]],
      [{ note: 'a\u202Eb' }, [['note', 'invalid_characters']]],
      [{ version: 9, passwordHash: 'x' }, [['version', 'unknown_field'], ['passwordHash', 'unknown_field']]],
      [[], []],
    ];
    for (const [body, expected] of cases) {
      const problem = await assertProblem(await handler(patch(id, body, etag)), 422);
      assert.deepEqual(((problem['errors'] ?? []) as { field: string; code: string }[]).map((e) => [e.field, e.code]), expected, JSON.stringify(body).slice(0, 60));
    }
    assert.equal((await read(handler, id)).etag, etag);
  });

  test('a PATCH that changes nothing keeps the version and the history', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    const response = await handler(patch(id, { status: 'new', inAccount: false, note: '' }, etag));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('ETag'), etag);
  });

  test('admin only: 401 without credentials, 403 without authorize; 404 for an unknown id; 415 for other bodies', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const anonymous = new Request(`https://shop.test/api/account-requests/${id}`, { method: 'PATCH', headers: { 'If-Match': '"v1"', 'Content-Type': 'application/json' }, body: '{}' });
    await assertProblem(await handler(anonymous), 401);
    const { handler: closed } = setup({ authorize: undefined });
    await assertProblem(await closed(patch(id, {}, '"v1"')), 403);
    await assertProblem(await handler(patch('missing', { status: 'in-progress' }, '"v1"')), 404);
    await assertProblem(await handler(patch(id, {}, '"v1"', { 'Content-Type': 'text/plain' })), 415);
  });

  test('a store without the processing methods answers 501 to PATCH and to filters, and still lists', async () => {
    const memory = createMemoryStore();
    const { query: _q, update: _u, ...plain } = memory;
    const { handler } = setup({ store: plain });
    const id = await submit(handler);
    await assertProblem(await handler(patch(id, { status: 'in-progress' }, '"v1"')), 501);
    await assertProblem(await handler(admin('?status=new')), 501);
    assert.equal(((await (await handler(admin(''))).json()) as unknown[]).length, 1);
  });
});
