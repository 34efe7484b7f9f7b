import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MailMessage } from './notifier.js';
import { admin, processingSetup, read } from '../test-helpers/processing.js';
import { assertProblem, URL_BASE, validBody } from '../test-helpers/setup.js';

const DAY = 24 * 60 * 60 * 1000;

function linkOf(message: MailMessage): string {
  const match = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(message.text);
  assert.ok(match?.[1], 'the e-mail carries a link');
  return match[1];
}

const json = (path: string, body: unknown, method = 'POST'): Request => admin(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const link = (token: string): Request => new Request(`${URL_BASE}/invitation/${token}`);
const submitWith = (token: string, values: Record<string, unknown> = {}): Request =>
  new Request(`${URL_BASE}/invitation/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(validBody(values)) });

async function invite(built: ReturnType<typeof processingSetup>, body: Record<string, unknown> = {}): Promise<{ id: string; token: string; body: Record<string, unknown> }> {
  const response = await built.handler(json('/invitations', { email: 'lea@boulangerie.example', companyName: 'Boulangerie Léa', values: { city: 'Lyon', postalCode: '69003' }, locale: 'fr', ...body }));
  assert.equal(response.status, 201, await response.clone().text());
  const created = (await response.json()) as Record<string, unknown>;
  return { id: created['id'] as string, token: linkOf(built.mail.sent.filter((m) => m.kind === 'invitation').at(-1)!), body: created };
}

describe('invitations', () => {
  test('an admin invites: 201 pending, an e-mail in the invitation language with a 30-day link; the hash is never shown', async () => {
    const built = processingSetup();
    const { body, token } = await invite(built);
    assert.equal(body['state'], 'pending');
    assert.equal(body['email'], 'lea@boulangerie.example');
    assert.equal(body['createdBy'], 'admin');
    assert.equal(Date.parse(body['expiresAt'] as string) - built.clock.now().getTime(), 30 * DAY);
    assert.equal(Object.hasOwn(body, 'hash'), false);
    const sent = built.mail.sent.find((m) => m.kind === 'invitation')!;
    assert.equal(sent.to, 'lea@boulangerie.example');
    assert.equal(sent.subject, 'Votre invitation à ouvrir un compte professionnel Comptoir Duval');
    assert.match(sent.text, /Cette invitation concerne Boulangerie Léa\./);
    const opened = (await (await built.handler(link(token))).json()) as Record<string, unknown>;
    assert.equal(opened['state'], 'pending');
    assert.equal(opened['email'], 'lea@boulangerie.example');
    assert.deepEqual(opened['values'], { companyName: 'Boulangerie Léa', city: 'Lyon', postalCode: '69003', email: 'lea@boulangerie.example' });
  });

  test('the request made through the link records the invitation, keeps the invited e-mail whatever was sent, and uses the link up', async () => {
    const built = processingSetup();
    const { id: invitationId, token } = await invite(built);
    const response = await built.handler(submitWith(token, { email: 'someone.else@example.com' }));
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };
    const { record } = await read(built.handler, id);
    assert.equal(record['invitationId'], invitationId);
    assert.equal((record['values'] as Record<string, unknown>)['email'], 'lea@boulangerie.example');
    const invitation = (await (await built.handler(admin(`/invitations/${invitationId}`))).json()) as Record<string, unknown>;
    assert.deepEqual([invitation['state'], invitation['requestId']], ['used', id]);
    const again = await assertProblem(await built.handler(submitWith(token)), 410);
    assert.equal(again['type'], 'urn:account-request:problem:invitation-used');
    // The language in every state, so a page saying the link is used speaks the invitee's.
    assert.deepEqual(((await (await built.handler(link(token))).json()) as { state: string; locale: string }), { state: 'used', expiresAt: (await (await built.handler(admin(`/invitations/${invitationId}`))).json() as { expiresAt: string }).expiresAt, locale: 'fr' });
  });

  test('the retry of the submission that used the link (same key, same body) gets its 201 again; any other gets the 410', async () => {
    const built = processingSetup();
    const { token } = await invite(built);
    const key = crypto.randomUUID();
    const send = (body: unknown, idempotencyKey = key) =>
      built.handler(new Request(`${URL_BASE}/invitation/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(body) }));
    const first = await send(validBody());
    assert.equal(first.status, 201, await first.clone().text());
    const retry = await send(validBody());
    assert.equal(retry.status, 201, 'a lost answer is replayed, not refused as a used link');
    assert.deepEqual(await retry.json(), await first.json());
    assert.equal((await assertProblem(await send(validBody({ city: 'Marseille' })), 410))['type'], 'urn:account-request:problem:invitation-used');
    const other = crypto.randomUUID();
    assert.equal((await assertProblem(await send(validBody(), other), 410))['type'], 'urn:account-request:problem:invitation-used');
    assert.equal((await built.store.list()).length, 1);
    // The refusal kept no claim on its key: the same key and body sent to the form's own address make a request.
    const plain = await built.handler(new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': other }, body: JSON.stringify(validBody()) }));
    assert.equal(plain.status, 201, await plain.clone().text());
  });

  test('a submission racing a resend or a revoke of its invitation gets the old link\'s 404 or the 410, not a 503', async () => {
    for (const [action, status, type] of [['resend', 404, 'invitation-unknown'], ['revoke', 410, 'invitation-revoked']] as const) {
      const built = processingSetup();
      const { id, token } = await invite(built);
      const create = built.store.create.bind(built.store);
      built.store.create = async (...args) => {
        assert.equal((await built.handler(admin(`/invitations/${id}/${action}`, { method: 'POST' }))).status, 200, action);
        return create(...args);
      };
      const answer = await assertProblem(await built.handler(submitWith(token)), status);
      assert.equal(answer['type'], `urn:account-request:problem:${type}`, action);
      assert.equal((await built.store.list()).length, 0);
    }
  });

  test('submissions racing on one link: one 201, the others the link\'s 410 (not a 503 of an unavailable store)', async () => {
    const built = processingSetup();
    const { token } = await invite(built);
    const answers = await Promise.all(Array.from({ length: 6 }, () => built.handler(submitWith(token))));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [201, 410, 410, 410, 410, 410]);
    for (const answer of answers.filter((one) => one.status === 410)) assert.equal((await answer.json() as { type: string }).type, 'urn:account-request:problem:invitation-used');
  });

  test('states: pending, used, expired, revoked, each listed and filtered', async () => {
    const built = processingSetup();
    const used = await invite(built, { email: 'a@example.com' });
    assert.equal((await built.handler(submitWith(used.token))).status, 201);
    const expiring = await invite(built, { email: 'b@example.com', expiresInDays: 1 });
    const revoked = await invite(built, { email: 'c@example.com' });
    assert.equal((await built.handler(json(`/invitations/${revoked.id}/revoke`, {}))).status, 200);
    const pending = await invite(built, { email: 'd@example.com' });
    built.clock.advance(DAY);
    const all = (await (await built.handler(admin('/invitations'))).json()) as { id: string; state: string }[];
    assert.deepEqual(all.map((i) => [i.id, i.state]), [[pending.id, 'pending'], [revoked.id, 'revoked'], [expiring.id, 'expired'], [used.id, 'used']]);
    for (const state of ['pending', 'used', 'expired', 'revoked']) {
      const response = await built.handler(admin(`/invitations?state=${state}`));
      assert.equal(response.headers.get('X-Total-Count'), '1', state);
      assert.equal(((await response.json()) as { state: string }[])[0]?.state, state);
    }
    await assertProblem(await built.handler(admin('/invitations?state=sent')), 400);
    const refused = await assertProblem(await built.handler(submitWith(expiring.token)), 410);
    assert.equal(refused['type'], 'urn:account-request:problem:invitation-expired');
    assert.equal((await assertProblem(await built.handler(submitWith(revoked.token)), 410))['type'], 'urn:account-request:problem:invitation-revoked');
  });

  test('revoke: the link stops working; revoking again or a used one is 409', async () => {
    const built = processingSetup();
    const { id, token } = await invite(built);
    const body = (await (await built.handler(json(`/invitations/${id}/revoke`, {}))).json()) as { state: string };
    assert.equal(body.state, 'revoked');
    assert.equal(((await (await built.handler(link(token))).json()) as { state: string }).state, 'revoked');
    await assertProblem(await built.handler(json(`/invitations/${id}/revoke`, {})), 409);
    const other = await invite(built, { email: 'x@example.com' });
    assert.equal((await built.handler(submitWith(other.token))).status, 201);
    await assertProblem(await built.handler(json(`/invitations/${other.id}/revoke`, {})), 409);
    await assertProblem(await built.handler(json('/invitations/missing/revoke', {})), 404);
  });

  test('resend: a new link replaces the old one, valid 30 days again (an expired invitation comes back); used or revoked is 409', async () => {
    const built = processingSetup();
    const { id, token } = await invite(built, { expiresInDays: 2 });
    built.clock.advance(3 * DAY);
    assert.equal(((await (await built.handler(link(token))).json()) as { state: string }).state, 'expired');
    const response = await built.handler(admin(`/invitations/${id}/resend`, { method: 'POST' }));
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { state: string; expiresAt: string };
    assert.equal(body.state, 'pending');
    assert.equal(Date.parse(body.expiresAt) - built.clock.now().getTime(), 30 * DAY);
    const fresh = linkOf(built.mail.sent.filter((m) => m.kind === 'invitation').at(-1)!);
    assert.notEqual(fresh, token);
    await assertProblem(await built.handler(link(token)), 404);
    assert.equal((await built.handler(submitWith(fresh))).status, 201);
    await assertProblem(await built.handler(admin(`/invitations/${id}/resend`, { method: 'POST' })), 409);
  });

  test('422 for a bad invitation; admin only; 501 without invitationUrl', async () => {
    const built = processingSetup();
    const cases: [unknown, string[]][] = [
      [{}, ['email']],
      [{ email: 'not-an-address' }, ['email']],
      [{ email: 'a@example.com', values: { password: 'x', unknownField: 'y' } }, ['values.password', 'values.unknownField']],
      [{ email: 'a@example.com', values: { city: 12 } }, ['values.city']],
      [{ email: 'a@example.com', expiresInDays: 0 }, ['expiresInDays']],
      [{ email: 'a@example.com', locale: '<script>' }, ['locale']],
      [{ email: 'a@example.com', role: 'admin' }, ['role']],
    ];
    for (const [body, fields] of cases) {
      const problem = await assertProblem(await built.handler(json('/invitations', body)), 422);
      assert.deepEqual((problem['errors'] as { field: string }[]).map((e) => e.field), fields, JSON.stringify(body));
    }
    await assertProblem(await built.handler(new Request(`${URL_BASE}/invitations`)), 401);
    await assertProblem(await built.handler(new Request(`${URL_BASE}/invitations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":"a@example.com"}' })), 401);
    const { handler } = processingSetup({ invitationUrl: undefined });
    await assertProblem(await handler(json('/invitations', { email: 'a@example.com' })), 501);
    await assertProblem(await built.handler(submitWith('B'.repeat(43))), 404);
  });

  test('the public read routes answer beside a link as beside the base (the form finds them from its action)', async () => {
    const built = processingSetup();
    const token = 'C'.repeat(43);
    for (const link of ['information', 'invitation']) {
      for (const path of ['/lookup', '/challenge']) {
        const beside = await built.handler(new Request(`${URL_BASE}/${link}/${token}${path}`));
        const direct = await built.handler(new Request(`${URL_BASE}${path}`));
        assert.equal(beside.status, direct.status, `${link}${path}`);
        assert.equal(await beside.text(), await direct.text(), `${link}${path}`);
      }
    }
    assert.equal((await built.handler(new Request(`${URL_BASE}/invitation/${token}/notifications`))).status, 404, 'never an admin route');
  });
});
