import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, parseConfig, setDisplayed, updateSettings } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import type { MailMessage } from './notifier.js';
import { correctionConfig } from './information.js';
import { validateSubmission } from '../../validation/validate.js';
import { PDF, postForm, uploadConfig, uploadForm } from '../test-helpers/uploads.js';
import { moveTo, patch, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem, URL_BASE, validBody, validValues } from '../test-helpers/setup.js';

const config = updateSettings(setDisplayed(defaultConfig(), 'newsletter', true), { alertEmail: 'ventes@shop.test' });

function linkOf(message: MailMessage): string {
  const match = /\/information\/([A-Za-z0-9_-]{43})/.exec(message.text);
  assert.ok(match?.[1], 'the e-mail carries a link');
  return match[1];
}

const information = (token: string, init: RequestInit = {}): Request => new Request(`${URL_BASE}/information/${token}`, init);
const correct = (token: string, values: Record<string, unknown>, locale = 'fr'): Request =>
  information(token, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...validBody(values), locale }) });

async function askInformation(built: ReturnType<typeof processingSetup>, id: string, message = 'Le code postal ne correspond pas à Paris.'): Promise<string> {
  const { etag } = await read(built.handler, id);
  assert.equal((await built.handler(patch(id, { status: 'info-requested', message }, etag))).status, 200);
  return linkOf(built.mail.sent.filter((m) => m.kind === 'information').at(-1)!);
}

describe('information: the link', () => {
  test('GET shows the message and what was sent (never the password); the token is stored hashed', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler, { postalCode: '13001' });
    const token = await askInformation(built, id);
    const body = (await (await built.handler(information(token))).json()) as Record<string, unknown>;
    assert.equal(body['state'], 'valid');
    assert.equal(body['message'], 'Le code postal ne correspond pas à Paris.');
    assert.equal((body['values'] as Record<string, unknown>)['postalCode'], '13001');
    assert.equal(body['locale'], 'fr');
    assert.equal(await built.store.findInformationToken(token), undefined, 'the raw token finds nothing');
  });

  test('a correction updates the same request: new version, changed values in the history by the applicant, back to in-progress, the team alerted', async () => {
    const built = processingSetup({ config, adminRequestUrl: (id) => `https://shop.test/admin/requests/${id}` });
    const { handler, mail, clock } = built;
    const id = await submit(handler, { postalCode: '13001', newsletter: false });
    const token = await askInformation(built, id);
    const before = await read(handler, id);
    clock.advance(60_000);
    const response = await handler(correct(token, { postalCode: '75002', newsletter: true }));
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { id, status: 'pending', access: 'full' });
    const { record } = await read(handler, id);
    assert.equal(record['status'], 'in-progress');
    assert.equal(record['version'], (before.record['version'] as number) + 1);
    assert.equal((record['values'] as Record<string, unknown>)['postalCode'], '75002');
    const entry = (record['history'] as { actor: string; changes: unknown[] }[]).at(-1)!;
    assert.equal(entry.actor, 'applicant');
    assert.deepEqual(entry.changes, [
      { field: 'status', from: 'info-requested', to: 'in-progress' },
      { field: 'value', key: 'postalCode', from: '13001', to: '75002' },
      { field: 'value', key: 'newsletter', from: false, to: true },
    ]);
    const consents = record['consents'] as { id: string; granted: boolean; wording: string }[];
    assert.deepEqual(consents.map((c) => [c.id, c.granted]), [['newsletter', false], ['newsletter', true]]);
    const alert = mail.sent.filter((m) => m.kind === 'alert').at(-1)!;
    assert.equal(alert.to, 'ventes@shop.test');
    assert.match(alert.subject, /Request corrected by the applicant: Acme SAS/);
    assert.match(alert.text, /Changed: Postal code and /);
    assert.match(alert.text, new RegExp(`https://shop.test/admin/requests/${id}`));
  });

  test('the link works once: a second correction is 410 used, and GET says used', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    assert.equal((await built.handler(correct(token, { city: 'Paris 2e' }))).status, 200);
    const second = await assertProblem(await built.handler(correct(token, { city: 'Lyon' })), 410);
    assert.equal(second['type'], 'urn:account-request:problem:information-used');
    const used = (await (await built.handler(information(token))).json()) as { state: string; locale: string };
    assert.deepEqual([used.state, used.locale], ['used', 'fr'], 'the language in every state');
    assert.equal(((await read(built.handler, id)).record['values'] as Record<string, unknown>)['city'], 'Paris 2e');
  });

  test('the link expires after 30 days (410 expired), and informationTtlMs changes it', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    built.clock.advance(30 * 24 * 60 * 60 * 1000);
    assert.equal(((await (await built.handler(information(token))).json()) as { state: string }).state, 'expired');
    const problem = await assertProblem(await built.handler(correct(token, { city: 'Lyon' })), 410);
    assert.equal(problem['type'], 'urn:account-request:problem:information-expired');
    const short = processingSetup({ config, informationTtlMs: 60_000 });
    const other = await submit(short.handler);
    const link = await askInformation(short, other);
    short.clock.advance(59_000);
    assert.equal(((await (await short.handler(information(link))).json()) as { state: string }).state, 'valid');
    short.clock.advance(1_000);
    assert.equal(((await (await short.handler(information(link))).json()) as { state: string }).state, 'expired');
  });

  test('a new request for information replaces the older link', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const first = await askInformation(built, id, 'Votre Kbis ?');
    await moveTo(built.handler, id, 'in-progress');
    const second = await askInformation(built, id, 'Votre Kbis de moins de trois mois ?');
    assert.equal(((await (await built.handler(information(first))).json()) as { state: string }).state, 'replaced');
    await assertProblem(await built.handler(correct(first, {})), 410);
    const body = (await (await built.handler(information(second))).json()) as { state: string; message: string };
    assert.deepEqual([body.state, body.message], ['valid', 'Votre Kbis de moins de trois mois ?']);
    assert.equal((await built.handler(correct(second, {}))).status, 200);
  });

  test('asked again without a new link (the applicant not told): the older link stays replaced, its message with it', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id, 'Votre Kbis ?');
    built.clock.advance(60_000);
    await moveTo(built.handler, id, 'in-progress');
    assert.equal(((await (await built.handler(information(token))).json()) as { state: string }).state, 'closed');
    built.clock.advance(60_000);
    const { etag } = await read(built.handler, id);
    assert.equal((await built.handler(patch(id, { status: 'info-requested', message: 'Demandé par téléphone', notify: false }, etag))).status, 200);
    const body = (await (await built.handler(information(token))).json()) as Record<string, unknown>;
    assert.deepEqual([body['state'], body['message']], ['replaced', undefined]);
    assert.equal((await assertProblem(await built.handler(correct(token, {})), 410))['type'], 'urn:account-request:problem:information-replaced');
    assert.equal((await read(built.handler, id)).record['status'], 'info-requested');
  });

  test('the retry of the correction that used the link (its answer lost) gets the same 200; other values still get the 410', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    const first = await built.handler(correct(token, { postalCode: '75002' }));
    assert.equal(first.status, 200, await first.clone().text());
    const version = (await read(built.handler, id)).record['version'];
    const retry = await built.handler(correct(token, { postalCode: '75002' }));
    assert.equal(retry.status, 200);
    assert.deepEqual(await retry.json(), await first.json());
    assert.equal((await read(built.handler, id)).record['version'], version, 'nothing written again');
    assert.equal((await assertProblem(await built.handler(correct(token, { postalCode: '75003' })), 410))['type'], 'urn:account-request:problem:information-used');
  });

  test('once the team moved the request on (rejected), the link is closed', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    await moveTo(built.handler, id, 'rejected');
    assert.equal(((await (await built.handler(information(token))).json()) as { state: string }).state, 'closed');
    const problem = await assertProblem(await built.handler(correct(token, {})), 410);
    assert.equal(problem['type'], 'urn:account-request:problem:information-closed');
    assert.equal((await read(built.handler, id)).record['status'], 'rejected');
  });

  test('a correction is validated like a submission (422 with localized field errors, nothing written); an unknown token is 404', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    const before = await read(built.handler, id);
    const problem = await assertProblem(await built.handler(correct(token, { postalCode: '7500' })), 422);
    assert.deepEqual((problem['errors'] as { field: string }[]).map((e) => e.field), ['postalCode']);
    assert.deepEqual(await read(built.handler, id), before);
    const unknown = 'A'.repeat(43);
    await assertProblem(await built.handler(information(unknown)), 404);
    await assertProblem(await built.handler(correct(unknown, {})), 404);
    assert.equal((await built.handler(information('short'))).status, 404);
  });

  test('a password the form asks for is not asked again when correcting, and the stored hash stays', async () => {
    const withPassword = setDisplayed(config, 'password', true);
    const built = processingSetup({ config: withPassword });
    const id = await submit(built.handler, { password: 'correct horse battery staple' });
    const hash = (await built.store.get(id))?.passwordHash;
    assert.ok(hash);
    const token = await askInformation(built, id);
    // The values without any password, as the correction page's form sends them.
    const response = await built.handler(correct(token, {}));
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal((await built.store.get(id))?.passwordHash, hash);
  });

  test('the form closed to new requests (enabled: false) still takes a correction, and its config says so', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    const current = await built.handler(new Request(`${URL_BASE}/config`));
    const closed = { ...((await current.json()) as Record<string, unknown>), enabled: false };
    await built.configStore.saveConfig(closed as never, { ifMatch: current.headers.get('ETag') ?? '', etag: '"closed"' });
    assert.equal(((await (await built.handler(new Request(`${URL_BASE}/config`))).json()) as { enabled: boolean }).enabled, false, 'the form is closed');
    assert.equal(correctionConfig(closed as never).enabled, true, 'the correction page shows its form');
    const response = await built.handler(correct(token, { city: 'Lyon', postalCode: '69002' }));
    assert.equal(response.status, 200, await response.clone().text());
  });

  test('a correction asks for no file again: the files sent stay with the request, and a required file field does not block it', () => {
    const corrected = correctionConfig(uploadConfig());
    for (const id of ['kbis', 'photos']) assert.deepEqual(corrected.fields.find((entry) => entry.id === id), { id, displayed: false, required: false }, id);
    const values = { companyName: 'Morel', lastName: 'Morel', email: 'achats@morel.example', phone: '04 72 00 11 22', street: '8 quai', postalCode: '69002', city: 'Lyon', country: 'FR' };
    assert.equal(validateSubmission(corrected, { values, confirmed: true }).success, true);
    assert.equal(validateSubmission(uploadConfig(), { values, confirmed: true }).success, false, 'the form itself still asks for the Kbis');
  });

  test('a condition reading a file field or the password is answered from what the request holds, alike on the page and on the server', () => {
    const kbisConfig = parseConfig({
      fields: [
        { id: 'kbis' },
        { id: 'kbisDate', required: true, visibleWhen: { field: 'kbis', filled: true } },
        { id: 'noKbisReason', required: true, visibleWhen: { field: 'kbis', filled: false } },
        { id: 'remarks', visibleWhen: { any: [{ field: 'kbis', filled: true }, { field: 'city', filled: true }] } },
        { id: 'fax', visibleWhen: { all: [{ field: 'kbis', filled: true }, { field: 'city', filled: true }] } },
      ],
      customFields: [
        { id: 'kbis', type: 'file', label: 'Kbis', accept: ['pdf'] },
        { id: 'kbisDate', type: 'text', label: 'Date of the Kbis' },
        { id: 'noKbisReason', type: 'text', label: 'Why no Kbis' },
      ],
    });
    const entry = (config: FormConfig, id: string) => config.fields.find((field) => field.id === id);
    const values = { companyName: 'Morel', lastName: 'Morel', email: 'achats@morel.example', phone: '04 72 00 11 22', street: '8 quai', postalCode: '69002', city: 'Lyon', country: 'FR', kbisDate: '2026-11-02', remarks: 'Merci' };

    const sent = correctionConfig(kbisConfig, new Set(['kbis']));
    assert.equal(parseConfig(sent).fields.length, sent.fields.length, "a config the correction page's form loads");
    assert.deepEqual([entry(sent, 'kbisDate')?.visibleWhen, entry(sent, 'kbisDate')?.displayed, entry(sent, 'noKbisReason')?.displayed], [undefined, true, false]);
    assert.equal(entry(sent, 'remarks')?.visibleWhen, undefined, 'any: a Kbis was sent');
    assert.deepEqual(entry(sent, 'fax')?.visibleWhen, { field: 'city', filled: true }, 'all: what is left to ask');
    const kept = validateSubmission(sent, { values, confirmed: true });
    assert.ok(kept.success, JSON.stringify(kept));
    assert.deepEqual([kept.data.values['kbisDate'], kept.data.values['remarks']], ['2026-11-02', 'Merci'], 'the fields the Kbis shows are kept');

    const none = correctionConfig(kbisConfig);
    assert.deepEqual([entry(none, 'kbisDate')?.displayed, entry(none, 'noKbisReason')?.visibleWhen, entry(none, 'noKbisReason')?.displayed], [false, undefined, true]);
    assert.deepEqual(entry(none, 'remarks')?.visibleWhen, { field: 'city', filled: true });
    assert.equal(entry(none, 'fax')?.displayed, false);
    const refused = validateSubmission(none, { values, confirmed: true });
    assert.deepEqual(refused.success ? [] : refused.errors.map((error) => error.field), ['noKbisReason']);
  });

  test('a correction of a request sent with its Kbis keeps the fields the Kbis shows (the GET says what is held)', async () => {
    const kbisConfig = parseConfig({
      fields: [{ id: 'kbis', required: true }, { id: 'kbisDate', required: true, visibleWhen: { field: 'kbis', filled: true } }],
      customFields: [{ id: 'kbis', type: 'file', label: 'Kbis', accept: ['pdf'] }, { id: 'kbisDate', type: 'text', label: 'Date of the Kbis' }],
    });
    const built = processingSetup({ config: kbisConfig });
    const created = await built.handler(postForm(uploadForm([['kbis', { bytes: PDF, filename: 'kbis.pdf', type: 'application/pdf' }]], { ...validValues(), kbisDate: '2026-11-02' })));
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const token = await askInformation(built, id);
    const link = (await (await built.handler(information(token))).json()) as { held: string[] };
    assert.deepEqual(link.held, ['kbis']);
    const response = await built.handler(correct(token, { kbisDate: '2026-11-03' }));
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(((await read(built.handler, id)).record['values'] as Record<string, unknown>)['kbisDate'], '2026-11-03');
  });

  test('cross-site posts are refused (403)', async () => {
    const built = processingSetup({ config });
    const id = await submit(built.handler);
    const token = await askInformation(built, id);
    const forged = information(token, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, body: JSON.stringify(validBody()) });
    await assertProblem(await built.handler(forged), 403);
    assert.equal((await read(built.handler, id)).record['status'], 'info-requested');
  });
});
