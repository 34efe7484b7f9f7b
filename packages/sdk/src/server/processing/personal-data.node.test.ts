import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, setDisplayed, updateSettings } from '../../config/index.js';
import { hashActivationToken } from './activation.js';
import type { MailMessage } from './notifier.js';
import { addWebhookEndpoint } from '../webhooks/admin.js';
import { admin, moveTo, patch, processingSetup, read, submit, tokenOf } from '../test-helpers/processing.js';
import { assertProblem, URL_BASE, validBody } from '../test-helpers/setup.js';

const config = updateSettings(setDisplayed(setDisplayed(defaultConfig(), 'newsletter', true), 'phone', true), { alertEmail: 'ventes@shop.test' });

/** What the applicant typed: none of it may remain anywhere once erased. */
const PERSONAL = {
  companyName: 'Boulangerie Léa Vasseur',
  email: 'lea.vasseur@boulangerie.example',
  lastName: 'Vasseur',
  phone: '+33 4 72 00 11 22',
  street: '8 rue Mercière',
  postalCode: '69001',
  city: 'Lyon',
};
const CORRECTED = { postalCode: '69002', street: '9 quai Saint-Antoine' };
const NOTE = 'Rappeler Léa Vasseur au 04 72 00 11 22';
const MESSAGE = 'Madame Vasseur, merci de vérifier l’adresse du 8 rue Mercière.';

const linkIn = (kind: 'information' | 'invitation', message: MailMessage): string => {
  const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(message.text);
  assert.ok(match?.[1]);
  return match[1];
};
const json = (path: string, body: unknown, method = 'POST', headers: Record<string, string> = {}): Request =>
  admin(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const erase = (id: string, etag: string | null): Request => admin(`/${id}/personal-data`, { method: 'DELETE', headers: etag === null ? {} : { 'If-Match': etag } });

/** A request that went through everything: an invitation, a consent, a request for information and its answer, a note, an acceptance; webhooks queued for all of it. */
async function fullRequest() {
  const background: Promise<unknown>[] = [];
  const built = processingSetup({
    config, webhooks: { allowPrivateAddresses: true, timeoutMs: 1000 }, adminRequestUrl: (id) => `https://shop.test/admin/requests/${id}`, waitUntil: (promise) => void background.push(promise),
  });
  const { handler, mail, store } = built;
  // A receiver that is never reached: the deliveries wait in the store with their bodies.
  await addWebhookEndpoint(store, { url: 'http://127.0.0.1:9/hooks' }, { allowPrivateAddresses: true });
  const invited = await handler(json('/invitations', { email: PERSONAL.email, companyName: PERSONAL.companyName, values: { city: PERSONAL.city } }));
  assert.equal(invited.status, 201);
  const invitationToken = linkIn('invitation', mail.sent.at(-1)!);
  const created = await handler(new Request(`${URL_BASE}?invitation=${invitationToken}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(validBody({ ...PERSONAL, newsletter: true })),
  }));
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = (await created.json()) as { id: string };
  const { etag } = await read(handler, id);
  assert.equal((await handler(patch(id, { status: 'info-requested', message: MESSAGE, note: NOTE }, etag))).status, 200);
  const informationToken = linkIn('information', mail.sent.filter((m) => m.kind === 'information').at(-1)!);
  const corrected = await handler(new Request(`${URL_BASE}/information/${informationToken}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validBody({ ...PERSONAL, ...CORRECTED, newsletter: true })) }));
  assert.equal(corrected.status, 200, await corrected.clone().text());
  await moveTo(handler, id, 'accepted');
  const activationToken = tokenOf(mail.sent.filter((m) => m.kind === 'activation').at(-1)!);
  // The attempts to reach the receiver have failed and are recorded (their retries wait in the store).
  await Promise.all(background);
  return { ...built, id, tokens: [invitationToken, informationToken, activationToken] };
}

describe('personal data: export', () => {
  test('everything held about the applicant: values, consents with their wording and time, history, e-mails, the invitation', async () => {
    const { handler, id, clock } = await fullRequest();
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
    const { handler, id, store, tokens, clock } = await fullRequest();
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
    for (const value of [...Object.values(PERSONAL), ...Object.values(CORRECTED), NOTE, MESSAGE, 'Léa']) {
      assert.equal(everything.includes(value), false, `"${value}" is still in the store`);
    }
    assert.equal((await store.query({ q: 'Vasseur', limit: 10, offset: 0 })).total, 0);
    const deliveries = (await store.listWebhookDeliveries({ limit: 100, offset: 0 })).items.filter((d) => d.requestId === id);
    assert.ok(deliveries.length >= 4);
    assert.ok(deliveries.every((d) => d.body === '{"erased":true}' && d.state !== 'pending'));
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

  test('an erased request can still move through the lifecycle (statistics), with nothing to e-mail', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler);
    assert.equal((await handler(erase(id, '"v1"'))).status, 200);
    const before = mail.sent.length;
    await moveTo(handler, id, 'rejected');
    assert.equal(mail.sent.length, before);
  });
});
