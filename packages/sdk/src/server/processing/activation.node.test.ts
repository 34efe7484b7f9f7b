import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashActivationToken } from './activation.js';
import { verifyPassword } from '../passwords/password.js';
import { admin, moveTo, processingSetup, submit, tokenOf } from '../test-helpers/processing.js';
import { assertProblem, URL_BASE } from '../test-helpers/setup.js';

const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 60 * 60 * 1000;

const activation = (token: string): Request => new Request(`${URL_BASE}/activation/${token}`);
const activate = (token: string, body: unknown, headers: Record<string, string> = {}): Request =>
  new Request(`${URL_BASE}/activation/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A request accepted by the admin, and the activation e-mail that followed. */
async function accepted(options: Parameters<typeof processingSetup>[0] = {}) {
  const built = processingSetup(options);
  const id = await submit(built.handler, { companyName: 'Papeterie Lemoine', email: 'claire@lemoine.example', password: 'un premier mot de passe' });
  await moveTo(built.handler, id, 'in-progress', 'accepted');
  const mails = built.mail.sent.filter((message) => message.kind === 'activation');
  assert.equal(mails.length, 1, 'accepting sends one activation e-mail');
  return { ...built, id, token: tokenOf(mails[0]!), mail: built.mail };
}

describe('activation on acceptance', () => {
  test('the e-mail goes to the applicant with a link built by activationUrl; only the SHA-256 of the token is stored', async () => {
    const { mail, token, id, store } = await accepted();
    const message = mail.sent.find((m) => m.kind === 'activation')!;
    assert.equal(message.to, 'claire@lemoine.example');
    assert.equal(message.requestId, id);
    assert.ok(message.text.includes(`https://shop.test/activation/${token}`));
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    const stored = await store.findActivationToken(await hashActivationToken(token));
    assert.equal(stored?.requestId, id);
    assert.equal(await store.findActivationToken(token), undefined, 'the clear token is not a key');
    assert.equal(stored?.expiresAt, new Date(Date.parse('2026-03-02T09:00:00.000Z') + 60 * DAY).toISOString(), '60 days by default');
  });

  test('no activationUrl: acceptance sends no activation e-mail', async () => {
    const built = processingSetup({ activationUrl: undefined });
    const id = await submit(built.handler);
    await moveTo(built.handler, id, 'in-progress', 'accepted');
    assert.deepEqual(built.mail.sent.map((m) => m.kind), ['confirmation']);
  });
});

describe('GET/POST {base}/activation/{token}', () => {
  test('GET tells a valid link with the company name, the e-mail and the language only', async () => {
    const { handler, token } = await accepted();
    const response = await handler(activation(token));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { state: 'valid', expiresAt: '2026-05-01T09:00:00.000Z', companyName: 'Papeterie Lemoine', email: 'claire@lemoine.example', locale: 'fr' });
  });

  test('POST sets the password (hashed), marks the request activated in its history, and the link is then used', async () => {
    const { handler, token, store, id } = await accepted();
    const response = await handler(activate(token, { password: PASSWORD }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { state: 'activated' });
    const record = await store.get(id);
    assert.equal(record?.activatedAt, '2026-03-02T09:00:00.000Z');
    assert.equal(await verifyPassword(PASSWORD, record?.passwordHash ?? ''), true);
    assert.deepEqual(record?.history?.at(-1), { at: '2026-03-02T09:00:00.000Z', actor: 'applicant', changes: [{ field: 'activation', from: null, to: '2026-03-02T09:00:00.000Z' }] });
    assert.deepEqual(await (await handler(activation(token))).json(), { state: 'used', expiresAt: '2026-05-01T09:00:00.000Z', locale: 'fr' });
    const again = await assertProblem(await handler(activate(token, { password: 'another long passphrase' })), 410);
    assert.equal(again['type'], 'urn:account-request:problem:activation-used');
    assert.equal(await verifyPassword(PASSWORD, (await store.get(id))?.passwordHash ?? ''), true, 'the first password stays');
  });

  test('a classic form post works like JSON', async () => {
    const { handler, token } = await accepted();
    const form = new Request(`${URL_BASE}/activation/${token}`, { method: 'POST', body: new URLSearchParams({ password: PASSWORD, locale: 'fr' }) });
    assert.equal((await handler(form)).status, 200);
  });

  test('two concurrent POSTs: exactly one activates', async () => {
    const { handler, token } = await accepted();
    const results = await Promise.all([handler(activate(token, { password: PASSWORD })), handler(activate(token, { password: 'a different passphrase' }))]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 410]);
  });

  test('the link expires after 60 days (activationTtlMs changes it)', async () => {
    const { handler, token, clock } = await accepted();
    clock.advance(60 * DAY - 1);
    assert.equal(((await (await handler(activation(token))).json()) as { state: string }).state, 'valid');
    clock.advance(1);
    assert.deepEqual(await (await handler(activation(token))).json(), { state: 'expired', expiresAt: '2026-05-01T09:00:00.000Z', locale: 'fr' });
    const problem = await assertProblem(await handler(activate(token, { password: PASSWORD })), 410);
    assert.equal(problem['type'], 'urn:account-request:problem:activation-expired');

    const short = await accepted({ activationTtlMs: 1000 });
    short.clock.advance(1000);
    assert.equal(((await (await short.handler(activation(short.token))).json()) as { state: string }).state, 'expired');
  });

  test('weak passwords are a 422 in the applicant language, and leave the link usable', async () => {
    const { handler, token } = await accepted();
    const cases: [unknown, string][] = [[undefined, 'required'], ['court', 'too_short'], ['x'.repeat(129), 'too_long'], ['azertyazerty', 'too_common'], ['mot de passe\u0000 long', 'invalid_characters']];
    for (const [password, code] of cases) {
      const problem = await assertProblem(await handler(activate(token, { password, locale: 'fr' })), 422);
      const [error] = problem['errors'] as { field: string; code: string; message: string }[];
      assert.deepEqual([error?.field, error?.code], ['password', code]);
      assert.ok(error?.message && /[a-z]/.test(error.message));
    }
    const french = await assertProblem(await handler(activate(token, { password: 'court', locale: 'fr' })), 422);
    assert.match((french['errors'] as { message: string }[])[0]!.message, /au moins 12 caractères/);
    assert.equal((await handler(activate(token, { password: PASSWORD }))).status, 200);
  });

  test('a common password is a 422 too_common from the built-in list, or from the isCommonPassword option', async () => {
    const { handler, token } = await accepted();
    const problem = await assertProblem(await handler(activate(token, { password: 'Password1234', locale: 'en' })), 422);
    assert.deepEqual(problem['errors'], [{ field: 'password', code: 'too_common', message: 'This password is too common: choose another one.' }]);
    const replaced = await accepted({ isCommonPassword: async (password) => password === PASSWORD });
    const refused = await assertProblem(await replaced.handler(activate(replaced.token, { password: PASSWORD })), 422);
    assert.equal((refused['errors'] as { code: string }[])[0]?.code, 'too_common');
    assert.equal((await replaced.handler(activate(replaced.token, { password: 'Password1234' }))).status, 200, 'the built-in list no longer applies');
    assert.equal((await handler(activate(token, { password: PASSWORD }))).status, 200, 'the link stayed usable');
  });

  test('unknown and malformed tokens: 404; requests from another site: 403', async () => {
    const { handler, token } = await accepted();
    await assertProblem(await handler(activation('A'.repeat(43))), 404);
    await assertProblem(await handler(activate('A'.repeat(43), { password: PASSWORD })), 404);
    await assertProblem(await handler(activation('short')), 404);
    await assertProblem(await handler(activate(token, { password: PASSWORD }, { Origin: 'https://evil.test' })), 403);
  });
});

describe('resending activation e-mails', () => {
  test('a resend invalidates the older link; the newest works', async () => {
    const { handler, token, id, mail } = await accepted();
    const response = await handler(admin(`/${id}/activation-email`, { method: 'POST' }));
    assert.equal(response.status, 202);
    const newest = tokenOf(mail.sent.filter((m) => m.kind === 'activation').at(-1)!);
    assert.notEqual(newest, token);
    assert.equal(((await (await handler(activation(token))).json()) as { state: string }).state, 'replaced');
    const problem = await assertProblem(await handler(activate(token, { password: PASSWORD })), 410);
    assert.equal(problem['type'], 'urn:account-request:problem:activation-replaced');
    assert.equal((await handler(activate(newest, { password: PASSWORD }))).status, 200);
    await assertProblem(await handler(admin(`/${id}/activation-email`, { method: 'POST' })), 409);
  });

  test('no resend for a request that is not accepted', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const problem = await assertProblem(await handler(admin(`/${id}/activation-email`, { method: 'POST' })), 409);
    assert.equal(problem['type'], 'urn:account-request:problem:activation-not-accepted');
  });
});

describe('POST {base}/activation-emails (bulk)', () => {
  const bulk = (body: unknown): Request => admin('/activation-emails', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  test('sends to accepted requests created from the date on, skipping activated ones and others', async () => {
    const built = processingSetup();
    const { handler, clock, mail } = built;
    const at = async (day: string, status: string[]): Promise<string> => {
      clock.set(`2026-03-${day}T09:00:00.000Z`);
      const id = await submit(handler, { email: `r${day}@example.com` });
      await moveTo(handler, id, ...status);
      return id;
    };
    await at('01', ['in-progress', 'accepted']);
    const activated = await at('05', ['in-progress', 'accepted']);
    const waiting = await at('06', ['in-progress', 'accepted']);
    await at('07', ['in-progress']);
    await at('08', ['rejected']);
    const first = tokenOf(mail.sent.find((m) => m.requestId === activated && m.kind === 'activation')!);
    assert.equal((await handler(activate(first, { password: PASSWORD }))).status, 200);
    const before = mail.sent.length;

    const response = await handler(bulk({ createdAfter: '2026-03-02' }));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { matched: 2, queued: 1, skippedActivated: 1, skippedNoEmail: 0 });
    assert.deepEqual(mail.sent.slice(before).map((m) => [m.kind, m.requestId]), [['activation', waiting]]);
    // Sent again: still skips the activated one, and replaces the waiting one's link.
    assert.deepEqual(await (await handler(bulk({ createdAfter: '2026-03-02T00:00:00Z' }))).json(), { matched: 2, queued: 1, skippedActivated: 1, skippedNoEmail: 0 });
    const links = mail.sent.filter((m) => m.requestId === waiting && m.kind === 'activation').map(tokenOf);
    assert.equal(links.length, 3);
    assert.equal(((await (await handler(activation(links[1]!))).json()) as { state: string }).state, 'replaced');
  });

  test('422 without a valid createdAfter; admin only; 501 without a notifier', async () => {
    const { handler } = processingSetup();
    for (const body of [{}, { createdAfter: 'yesterday' }, { createdAfter: 12 }]) await assertProblem(await handler(bulk(body)), 422);
    await assertProblem(await handler(new Request(`${URL_BASE}/activation-emails`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })), 401);
    const { handler: silent } = processingSetup({ notifier: undefined });
    await assertProblem(await silent(bulk({ createdAfter: '2026-03-01' })), 501);
  });
});
