import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashActivationToken } from './activation.js';
import { CORRECTED, ERASED_TEXTS, livedRequest, PERSONAL } from '../test-helpers/personal-data.js';
import { admin, moveTo, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem, URL_BASE } from '../test-helpers/setup.js';

const erase = (id: string, etag: string | null): Request => admin(`/${id}/personal-data`, { method: 'DELETE', headers: etag === null ? {} : { 'If-Match': etag } });

describe('personal data: export', () => {
  test('everything held about the applicant: values, consents with their wording and time, history, e-mails, the invitation', async () => {
    const { handler, id, clock } = await livedRequest();
    const response = await handler(admin(`/${id}/personal-data`));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Disposition') ?? '', new RegExp(`attachment; filename="personal-data-${id}.json"`));
    const body = (await response.json()) as {
      exportedAt: string; request: Record<string, unknown>; emails: { kind: string; to: string; subject: string; text: string }[]; invitation: Record<string, unknown>;
    };
    assert.equal(body.exportedAt, clock.now().toISOString());
    assert.equal((body.request['values'] as Record<string, unknown>)['postalCode'], CORRECTED.postalCode);
    assert.equal(Object.hasOwn(body.request, 'passwordHash'), false);
    const consents = body.request['consents'] as { id: string; granted: boolean; at: string; wording: string; locale: string }[];
    assert.equal(consents[0]?.id, 'newsletter');
    assert.equal(consents[0]?.granted, true);
    assert.equal(consents[0]?.locale, 'fr');
    assert.match(consents[0]?.wording ?? '', /\S/);
    assert.match(consents[0]?.at ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal((body.request['history'] as unknown[]).length, 3);
    assert.deepEqual(body.emails.map((m) => m.kind), ['invitation', 'confirmation', 'alert', 'information', 'alert', 'activation']);
    assert.ok(body.emails.every((m) => typeof m.text === 'string' && m.subject !== ''));
    assert.equal(body.invitation['email'], PERSONAL.email);
    assert.equal(Object.hasOwn(body.invitation, 'hash'), false);
  });

  test('admin only (requests:read); 404 for an unknown id', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    await assertProblem(await handler(new Request(`${URL_BASE}/${id}/personal-data`)), 401);
    await assertProblem(await handler(admin('/missing/personal-data')), 404);
  });
});

describe('personal data: erasure', () => {
  test('leaves a tombstone (id, dates, status) and no personal value anywhere the store can be read', async () => {
    const { handler, id, store, tokens, clock } = await livedRequest();
    const before = await read(handler, id);
    clock.advance(60_000);
    const response = await handler(erase(id, before.etag));
    assert.equal(response.status, 200, await response.clone().text());
    const tomb = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(tomb['values'], {});
    assert.equal(tomb['note'], '');
    assert.equal(tomb['status'], 'accepted');
    assert.equal(tomb['createdAt'], before.record['createdAt']);
    assert.equal(tomb['erasedAt'], clock.now().toISOString());
    for (const gone of ['consents', 'invitationId', 'passwordHash']) assert.equal(Object.hasOwn(tomb, gone), false, gone);
    const history = tomb['history'] as { actor: string; changes: { field: string }[]; message?: string }[];
    assert.deepEqual(history.at(-1)?.changes.map((c) => c.field), ['erasure']);
    assert.ok(history.every((entry) => entry.message === undefined && entry.changes.every((c) => ['status', 'inAccount', 'activation', 'erasure'].includes(c.field))));
    assert.deepEqual(history.map((entry) => entry.actor), ['admin', 'applicant', 'admin', 'admin']);

    // Every read path of the store, dumped and searched for what the applicant typed.
    const everything = JSON.stringify([
      await store.get(id),
      await store.list({ limit: 100 }),
      await store.query({ limit: 100, offset: 0 }),
      await store.query({ q: 'Vasseur', limit: 100, offset: 0 }),
      await store.listNotifications({ limit: 100, offset: 0 }),
      await store.listInvitations({ now: clock.now().toISOString(), limit: 100, offset: 0 }),
      await store.listWebhookDeliveries({ limit: 100, offset: 0 }),
      await store.findStale({ statuses: ['accepted'], changedBefore: '2100-01-01T00:00:00.000Z', limit: 100 }),
      await Promise.all(tokens.map(async (token) => store.findActivationToken(await hashActivationToken(token)))),
      await Promise.all(tokens.map(async (token) => store.findInformationToken(await hashActivationToken(token)))),
      await Promise.all(tokens.map(async (token) => store.findInvitation(await hashActivationToken(token)))),
      await (await handler(admin(`/${id}/personal-data`))).json(),
    ]);
    for (const value of ERASED_TEXTS) {
      assert.equal(everything.includes(value), false, `"${value}" is still in the store`);
    }
    assert.equal((await store.query({ q: 'Vasseur', limit: 10, offset: 0 })).total, 0);
    const deliveries = (await store.listWebhookDeliveries({ limit: 100, offset: 0 })).items.filter((d) => d.requestId === id);
    // The erasure's own event goes out (searched above with the rest: nothing personal in it);
    // every earlier one is blanked, and none of them is still to be sent.
    const [own, ...earlier] = deliveries;
    assert.equal(own?.type, 'account-request.erased');
    assert.ok(earlier.length >= 4);
    assert.ok(earlier.every((d) => d.body === '{"erased":true}' && d.state !== 'pending' && d.type !== 'account-request.erased'));
    assert.equal((await store.listNotifications({ limit: 100, offset: 0 })).total, 0);
  });

  test('cannot be undone or repeated: 409 once erased; 428 without If-Match, 412 when stale; admin only', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    await assertProblem(await handler(erase(id, null)), 428);
    await assertProblem(await handler(erase(id, '"v9"')), 412);
    await assertProblem(await handler(new Request(`${URL_BASE}/${id}/personal-data`, { method: 'DELETE', headers: { 'If-Match': '"v1"' } })), 401);
    assert.equal((await handler(erase(id, '"v1"'))).status, 200);
    const again = await assertProblem(await handler(erase(id, '"v2"')), 409);
    assert.equal(again['type'], 'urn:account-request:problem:erased');
    await assertProblem(await handler(erase('missing', '"v1"')), 404);
  });

  test('concurrent erasures of one request (several instances): one 200, the others 409; erased once', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    // Each reads the request (not erased, at v1) before any erases it: the store decides.
    const responses = await Promise.all(Array.from({ length: 3 }, () => handler(erase(id, '"v1"'))));
    assert.deepEqual(responses.map((response) => response.status).sort(), [200, 409, 409]);
    const stored = await read(handler, id);
    assert.equal(stored.etag, '"v2"');
    const history = (stored.record as { history: { changes: { field: string }[] }[] }).history;
    assert.equal(history.filter((entry) => entry.changes.some((change) => change.field === 'erasure')).length, 1);
  });

  test('an erasure whose request changed after its If-Match was checked: 412, nothing erased', async () => {
    const { handler, store } = processingSetup();
    const id = await submit(handler);
    // The request changes between the route's read and the store's erasure (another instance's PATCH).
    const get = store.get.bind(store);
    store.get = async (requestId) => {
      store.get = get;
      const found = await get(requestId);
      await moveTo(handler, id, 'in-progress');
      return found;
    };
    const response = await handler(erase(id, '"v1"'));
    await assertProblem(response, 412);
    assert.equal(response.headers.get('ETag'), '"v2"');
    assert.equal((await store.get(id))?.erasedAt, undefined);
  });

  test('an erased request can still move through the lifecycle (statistics), with nothing to e-mail', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler);
    assert.equal((await handler(erase(id, '"v1"'))).status, 200);
    const before = mail.sent.length;
    await moveTo(handler, id, 'rejected');
    assert.equal(mail.sent.length, before);
  });

  test('an erased request takes no text about the person again: no note, no message, no request for information, no link, no check', async () => {
    const built = processingSetup();
    const { handler } = built;
    const id = await submit(handler);
    assert.equal((await handler(erase(id, '"v1"'))).status, 200);
    const patchWith = async (body: Record<string, unknown>) => {
      const { etag } = await read(handler, id);
      return handler(admin(`/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'If-Match': etag }, body: JSON.stringify(body) }));
    };
    for (const body of [{ note: 'Rappeler Léa au 04 72 00 11 22' }, { status: 'info-requested', message: 'Madame Vasseur, votre adresse ?' }, { status: 'rejected', reason: 'other', message: 'Léa Vasseur a déjà un compte.' }]) {
      const refused = await assertProblem(await patchWith(body), 409);
      assert.equal(refused['type'], 'urn:account-request:problem:erased', JSON.stringify(body));
    }
    const bulk = await handler(admin('/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ids: [id], status: 'rejected', reason: 'other', message: 'Léa Vasseur a déjà un compte.' }) }));
    assert.equal(((await bulk.json()) as { refused: number }).refused, 1);
    assert.equal((await assertProblem(await handler(admin(`/${id}/activation-email`, { method: 'POST' })), 409))['type'], 'urn:account-request:problem:erased');
    const { record } = await read(handler, id);
    assert.equal(JSON.stringify(record).includes('Léa'), false);
    assert.equal(JSON.stringify(record).includes('04 72'), false);
    // A move alone (statistics) still goes through.
    assert.equal((await patchWith({ status: 'rejected' })).status, 200);
  });
});
