import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import { API_BASE, createDemoApp, type DemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'demo-decision-pages-'));
const assets = stubAssetPaths(root);
const sent: MailMessage[] = [];
const notifier: Notifier = { notify: (message) => void sent.push(message) };

let app: DemoApp;
before(async () => {
  app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000, notifier, assets });
});
after(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = ADMIN) => app.fetch(new Request(`${ORIGIN}${path}`, { headers }));
const postForm = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = { ...ADMIN, Origin: ORIGIN }) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return app.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body }));
};

const VALUES = { companyName: 'Papeterie <Lemoine>', lastName: 'Lemoine', email: 'claire@lemoine.example', phone: '04 72 00 11 22', street: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

async function submit(values: Record<string, unknown> = VALUES): Promise<string> {
  const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN }, body: JSON.stringify({ values, confirmed: true, locale: 'fr' }),
  }));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}
const record = async (id: string) => (await (await get(`${API_BASE}/${id}`)).json()) as { version: number; status: string; history: { reason?: string; message?: string; notified?: boolean }[]; erasedAt?: string };

describe('demo pages of the decision step', () => {
  test('a rejection asks for a reason (the SDK reasons, in the page language) and records it; its e-mail says it', async () => {
    const id = await submit();
    const confirm = await postForm(`/admin/requests/${id}/status?lang=en`, { version: '1', status: 'rejected' });
    const page = await confirm.text();
    assert.match(page, /<select id="decision-reason" name="reason" required/);
    assert.match(page, /<option value="outside-area">Outside the area we serve<\/option>/);
    assert.match(page, /<input type="checkbox" id="decision-notify" name="notify" value="true" checked/);
    const done = await postForm(`/admin/requests/${id}/status/confirm?lang=en`, { version: '1', status: 'rejected', reason: 'duplicate', message: 'Votre société a déjà un compte.', notify: 'true' });
    assert.equal(done.status, 303);
    await app.settled();
    const entry = (await record(id)).history.at(-1)!;
    assert.deepEqual([entry.reason, entry.message, entry.notified], ['duplicate', 'Votre société a déjà un compte.', true]);
    const mail = sent.find((m) => m.requestId === id && m.kind === 'rejection')!;
    assert.match(mail.text, /Motif : Un compte ou une demande existe déjà pour cette entreprise\./);
    const detail = await (await get(`/admin/requests/${id}?lang=en`)).text();
    assert.match(detail, /Reason: An account or a request already exists for this company/);
    assert.match(detail, /Message: Votre société a déjà un compte\./);
  });

  test('a request for information needs its message; the applicant page shows it above the prefilled form', async () => {
    const id = await submit();
    await postForm(`/admin/requests/${id}/status/confirm`, { version: '1', status: 'in-progress' });
    const page = await (await postForm(`/admin/requests/${id}/status?lang=en`, { version: '2', status: 'info-requested' })).text();
    assert.match(page, /<textarea id="decision-message" name="message"[^>]* required/);
    const refused = await postForm(`/admin/requests/${id}/status/confirm?lang=en`, { version: '2', status: 'info-requested', message: '' });
    assert.equal(refused.status, 422);
    await postForm(`/admin/requests/${id}/status/confirm`, { version: '2', status: 'info-requested', message: 'Le code postal\nne correspond pas.' });
    await app.settled();
    const token = /\/information\/([A-Za-z0-9_-]{43})/.exec(sent.filter((m) => m.kind === 'information').at(-1)!.text)![1]!;
    const information = await get(`/information/${token}`, {});
    assert.equal(information.status, 200);
    const html = await information.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /Message de notre équipe<\/h2>\s*<p>Le code postal<br>ne correspond pas\.<\/p>/);
    assert.match(html, /<account-request-form action="\/api\/account-requests\/information\/[A-Za-z0-9_-]{43}" lang="fr" draft="off" data-prefill="prefill">/);
    assert.match(html, /<script type="application\/json" id="prefill">\{[^<]*"companyName":"Papeterie \\u003cLemoine\\u003e"/);
    assert.match(html, /<script type="module" src="\/assets\/prefill-form.js">/);
    assert.equal((await get(`/information/${'A'.repeat(43)}`, {})).status, 404);
  });

  test('bulk: the list selects, the dialog says how many e-mails go out, the confirmation applies and reports', async () => {
    const ids = [await submit(), await submit({ ...VALUES, email: 'second@lemoine.example' })];
    const list = await (await get('/admin/requests/?lang=en')).text();
    assert.match(list, new RegExp(`<input type="checkbox" id="select-${ids[0]}" name="ids" value="${ids[0]}" form="bulk-decisions"><label for="select-${ids[0]}" class="visually-hidden">Select the request from Papeterie &lt;Lemoine&gt; received on [^<]+</label>`));
    const missing = await postForm('/admin/bulk-decisions?lang=en', { status: 'rejected', reason: '' , ids });
    assert.match(await missing.text(), /role="alert">Reason for the rejection: Choose a reason/);
    const dialog = await (await postForm('/admin/bulk-decisions?lang=en', { status: 'rejected', reason: 'incomplete', notify: 'true', ids, 'filter-q': 'lemoine' })).text();
    assert.match(dialog, /<dialog id="bulk-confirm" class="confirm" open aria-labelledby="bulk-confirm-title" aria-describedby="bulk-confirm-text">/);
    assert.match(dialog, /<p>Reject 2 requests\?<\/p><p>2 e-mails will go out\.<\/p>/);
    assert.match(dialog, /<script type="module" src="\/assets\/bulk-dialog.js">/);
    assert.equal((await record(ids[0]!)).status, 'new', 'nothing decided before the confirmation');
    const done = await postForm('/admin/bulk-decisions?lang=en', { confirm: '1', status: 'rejected', reason: 'incomplete', notify: 'true', ids, 'filter-q': 'lemoine' });
    assert.equal(done.status, 303);
    const location = done.headers.get('Location')!;
    assert.match(location, /q=lemoine/);
    assert.match(await (await get(location)).text(), /Updated: 2\. E-mails sent: 2\. Left as they were: 0\. Failed: 0\./);
    for (const id of ids) assert.equal((await record(id)).status, 'rejected');
  });

  test('bulk: two requests from one company get two names; a refusal keeps the decision, reason, message and e-mail choice', async () => {
    const first = await submit({ ...VALUES, companyName: 'Twin SAS' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const ids = [first, await submit({ ...VALUES, companyName: 'Twin SAS', email: 'twin@lemoine.example' })];
    const list = await (await get('/admin/requests/?lang=en&q=twin')).text();
    const names = ids.map((id) => new RegExp(`<label for="select-${id}" class="visually-hidden">([^<]+)</label>`).exec(list)?.[1]);
    assert.ok(names[0]?.startsWith('Select the request from Twin SAS received on '), names[0]);
    assert.notEqual(names[0], names[1], 'the received date and time tell them apart');
    // Reject, a message typed, no reason, the e-mail box unticked: all of it stays as chosen.
    const missing = await (await postForm('/admin/bulk-decisions?lang=en', { status: 'rejected', reason: '', message: 'Not for now', ids })).text();
    assert.match(missing, /role="alert">Reason for the rejection: Choose a reason/);
    assert.match(missing, /id="bulk-rejected" name="status" value="rejected" checked/);
    assert.doesNotMatch(missing, /id="bulk-accepted" name="status" value="accepted" checked/);
    assert.ok(missing.includes('>Not for now</textarea>'), 'the message is kept');
    assert.match(missing, /id="bulk-notify" name="notify" value="true" aria-describedby/, 'the unticked box stays unticked');
    // Refused by the API (reason "other" without a message): the reason and the ticked box stay.
    const other = await (await postForm('/admin/bulk-decisions?lang=fr', { status: 'rejected', reason: 'other', message: '', notify: 'true', ids })).text();
    assert.match(other, /id="bulk-rejected" name="status" value="rejected" checked/);
    assert.match(other, /<option value="other" selected>/);
    assert.match(other, /id="bulk-notify" name="notify" value="true" checked/);
    // French typography in the error that joins a label and what to do.
    assert.ok((await (await postForm('/admin/bulk-decisions?lang=fr', { status: 'rejected', reason: '', ids })).text()).includes('role="alert">Motif du refus : '));
    // Accept, Continue…: behind the dialog, the e-mail box keeps its default (ticked) or the admin's choice.
    const accept = await (await postForm('/admin/bulk-decisions?lang=en', { status: 'accepted', notify: 'true', ids })).text();
    assert.match(accept, /<dialog id="bulk-confirm"/);
    assert.match(accept, /id="bulk-accepted" name="status" value="accepted" checked/);
    assert.match(accept, /id="bulk-notify" name="notify" value="true" checked/, 'choosing Reject after Cancel finds the box ticked');
    const unticked = await (await postForm('/admin/bulk-decisions?lang=en', { status: 'accepted', ids })).text();
    assert.match(unticked, /id="bulk-notify" name="notify" value="true" aria-describedby/);
    assert.equal((await record(ids[0]!)).status, 'new');
  });

  test('invitations: created from the page, listed with their state, revoked; the link page opens the form with the e-mail fixed', async () => {
    const created = await postForm('/admin/invitations/?lang=en', { email: 'lea@boulangerie.example', companyName: 'Boulangerie Léa', city: 'Lyon', locale: 'de', expiresInDays: '30', firstName: '', lastName: '', phone: '', postalCode: '' });
    assert.equal(created.status, 303);
    const page = await (await get(created.headers.get('Location')!)).text();
    assert.match(page, /The invitation was sent to lea@boulangerie\.example\./);
    assert.match(page, /<span class="status invitation-pending">Pending<\/span>/);
    await app.settled();
    const mail = sent.filter((m) => m.kind === 'invitation').at(-1)!;
    assert.equal(mail.subject, 'Ihre Einladung zur Eröffnung eines Geschäftskundenkontos Comptoir Duval');
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const link = await (await get(`/invitation/${token}`, {})).text();
    assert.match(link, /<html lang="de">/);
    assert.match(link, /readonly-fields="email"/);
    assert.match(link, /action="\/api\/account-requests\/invitation\/[A-Za-z0-9_-]{43}"/);
    const bad = await postForm('/admin/invitations/?lang=en', { email: 'not-an-address', locale: 'fr', expiresInDays: '30' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /aria-invalid="true" aria-describedby="invite-email-error"/);
    const id = /data-invitation-id="([^"]+)"/.exec(page)![1]!;
    assert.equal((await postForm(`/admin/invitations/${id}/revoke?lang=en`, {})).status, 303);
    assert.match(await (await get(`/invitation/${token}?lang=en`, {})).text(), /This invitation was withdrawn\./);
  });

  test('a refused rejection: the confirmation step again, with what was typed and the error in the page language', async () => {
    const id = await submit();
    // The reason "other" without a message, on a French page.
    const missing = await postForm(`/admin/requests/${id}/status/confirm?lang=fr`, { version: '1', status: 'rejected', reason: 'other', message: '', notify: 'true' });
    assert.equal(missing.status, 422);
    const page = await missing.text();
    assert.match(page, /<p class="notice error" role="alert" tabindex="-1" autofocus>Avec le motif « Autre motif », écrivez un message au demandeur\.<\/p>/);
    assert.ok(!page.includes('Explain the reason'));
    assert.match(page, /action="\/admin\/requests\/[^/]+\/status\/confirm\?lang=fr"/);
    assert.match(page, /<option value="other" selected>/);
    // A message holding a bidi character, on a German page: the German words, the message kept (escaped).
    const bidi = await postForm(`/admin/requests/${id}/status/confirm?lang=de`, { version: '1', status: 'rejected', reason: 'duplicate', message: 'Doppelt <b>\u202E', notify: 'true' });
    assert.equal(bidi.status, 422);
    const bidiPage = await bidi.text();
    assert.ok(bidiPage.includes('ist ungültig: '), 'German');
    assert.ok(!bidiPage.includes('characters that are not allowed'));
    assert.ok(bidiPage.includes('>Doppelt &lt;b&gt;\u202E</textarea>'));
    assert.match(bidiPage, /<option value="duplicate" selected>/);
    assert.equal((await record(id)).status, 'new');
  });

  test('a stale rejection (another admin moved the request) keeps the reason, message and e-mail choice on the confirm step', async () => {
    const id = await submit();
    // The other admin takes the request in charge: version 2.
    assert.equal((await postForm(`/admin/requests/${id}/status/confirm?lang=en`, { version: '1', status: 'in-progress' })).status, 303);
    const stale = await postForm(`/admin/requests/${id}/status/confirm?lang=en`, { version: '1', status: 'rejected', reason: 'incomplete', message: 'Please send your Kbis' });
    assert.equal(stale.status, 409);
    const page = await stale.text();
    assert.ok(page.includes('changed meanwhile'));
    assert.ok(page.includes('Move the request from Papeterie &lt;Lemoine&gt; from “In progress” to “Rejected”?'), 'against the current version');
    assert.ok(page.includes('<input type="hidden" name="version" value="2">'));
    assert.ok(page.includes('>Please send your Kbis</textarea>'));
    assert.match(page, /<option value="incomplete" selected>/);
    assert.match(page, /id="decision-notify" name="notify" value="true" aria-describedby/, 'the unticked box stays unticked');
    // The first step, stale: the chosen move stays chosen.
    const first = await (await postForm(`/admin/requests/${id}/status?lang=en`, { version: '1', status: 'rejected' })).text();
    assert.match(first, /value="rejected" checked/);
  });

  test('bulk from a later page: the dialog, a refusal and the result stay on that page with the ticked rows', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 22; i += 1) ids.push(await submit({ ...VALUES, companyName: `Pagination ${String(i).padStart(2, '0')}`, email: `page${i}@lemoine.example` }));
    const filters = { 'filter-q': 'pagination', 'filter-sort': 'companyName', 'filter-order': 'asc' };
    const list = await (await get('/admin/requests/?lang=en&q=pagination&sort=companyName&order=asc&offset=20')).text();
    assert.ok(list.includes('action="/admin/bulk-decisions?lang=en&amp;offset=20"'), 'the bulk form remembers the page');
    const picked = ids.slice(20);
    const dialog = await (await postForm('/admin/bulk-decisions?lang=en&offset=20', { status: 'accepted', ids: picked, ...filters })).text();
    assert.ok(dialog.includes('<caption>Requests 21 to 22 of 22</caption>'), 'the list behind the dialog is the same page');
    for (const id of picked) assert.ok(dialog.includes(`value="${id}" form="bulk-decisions" checked`), 'the ticked rows are shown ticked');
    assert.equal((dialog.match(/action="\/admin\/bulk-decisions\?lang=en&amp;offset=20"/g) ?? []).length, 2);
    // A refusal (no reason for a rejection) also stays on the page, with the ticks.
    const refused = await (await postForm('/admin/bulk-decisions?lang=fr&offset=20', { status: 'rejected', reason: 'other', ids: picked, ...filters })).text();
    assert.ok(refused.includes('Avec le motif « Autre motif », écrivez un message au demandeur.'), 'a refused bulk rejection in French');
    assert.ok(!refused.includes('Explain the reason'));
    assert.ok(refused.includes(`value="${picked[0]}" form="bulk-decisions" checked`));
    const done = await postForm('/admin/bulk-decisions?lang=en&offset=20', { confirm: '1', status: 'accepted', ids: picked, ...filters });
    assert.equal(done.status, 303);
    assert.match(done.headers.get('Location')!, /[?&]offset=20&/);

    // More match than a page shows: one button decides for all of them, across the pages.
    const all = await (await get('/admin/requests/?lang=fr&q=pagination&sort=companyName&order=asc')).text();
    assert.ok(all.includes('<button type="submit" name="scope" value="matching">Continuer avec toutes les demandes qui correspondent aux filtres (22)…</button>'));
    const matching = await (await postForm('/admin/bulk-decisions?lang=en', { scope: 'matching', status: 'rejected', reason: 'incomplete', ...filters })).text();
    assert.match(matching, /<dialog id="bulk-confirm"/);
    const carried = [...matching.matchAll(/<input type="hidden" name="ids" value="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(new Set(carried), new Set(ids), 'the dialog carries the 22, the two on page 2 included');
    assert.ok(matching.includes('<p>Reject 20 requests?</p>'), 'the two accepted meanwhile cannot be rejected');
    assert.ok(matching.includes('2 selected requests cannot take this decision'));
    const none = await (await get('/admin/requests/?lang=en&q=pagination-none')).text();
    assert.ok(!none.includes('name="scope"'), 'no such button when nothing more matches');
  });

  test('invitations: refusals in the page language, an error summary that takes the focus, a notice that trusts no URL text', async () => {
    const bad = await postForm('/admin/invitations/?lang=de', { email: 'not-an-address', locale: 'fr', expiresInDays: '999' });
    assert.equal(bad.status, 422);
    const page = await bad.text();
    assert.ok(!page.includes('expiresInDays must') && !page.includes('Give the e-mail address'), 'no English');
    assert.match(page, /<div class="notice error" role="alert" id="invite-errors"><p>Die Einladung wurde nicht gesendet\. Korrigieren Sie Folgendes:<\/p><ul><li><a href="#invite-email">Das Feld „E-Mail-Adresse“ ist ungültig: [^<]+<\/a><\/li><li><a href="#invite-expiresInDays">/);
    assert.match(page, /id="invite-email" name="email" value="not-an-address"[^>]* aria-invalid="true" aria-describedby="invite-email-error" autofocus>/);
    assert.match(page, /id="invite-expiresInDays" name="expiresInDays" value="999"[^>]* aria-invalid="true"/);
    const created = await postForm('/admin/invitations/?lang=fr', { email: 'revoque@example.com', locale: 'fr', expiresInDays: '30' });
    const location = created.headers.get('Location')!;
    assert.doesNotMatch(location, /revoque@example\.com/);
    assert.match(await (await get(location)).text(), /L’invitation a été envoyée à revoque@example\.com\./);
    // A crafted link claims nothing.
    const forged = await (await get('/admin/invitations/?lang=en&sent=boss%40example.com')).text();
    assert.ok(!forged.includes('The invitation was sent to'));
    const id = new URLSearchParams(location.split('?')[1]).get('sent')!;
    assert.equal((await postForm(`/admin/invitations/${id}/revoke?lang=fr`, {})).status, 303);
    const again = await postForm(`/admin/invitations/${id}/revoke?lang=fr`, {});
    assert.equal(again.status, 409);
    const againPage = await again.text();
    assert.ok(againPage.includes('Cette invitation ne peut plus changer : son état est « Révoquée ».') || /Cette invitation ne peut plus changer : son état est « [^»]+ »\./.test(againPage));
    assert.ok(!againPage.includes('it can no longer change'));
  });

  test('personal data: the download is JSON, the erasure asks for a confirmation that says it cannot be undone', async () => {
    const id = await submit();
    const download = await get(`/admin/requests/${id}/personal-data`);
    assert.equal(download.headers.get('Content-Type')?.startsWith('application/json'), true);
    assert.match(download.headers.get('Content-Disposition') ?? '', /attachment/);
    const confirm = await (await postForm(`/admin/requests/${id}/erasure?lang=en`, {})).text();
    assert.match(confirm, /This cannot be undone\./);
    assert.equal((await record(id)).erasedAt, undefined, 'nothing erased before the confirmation');
    const done = await postForm(`/admin/requests/${id}/erasure/confirm?lang=en`, { version: '1' });
    assert.equal(done.status, 303);
    const erasedPage = await (await get(done.headers.get('Location')!)).text();
    assert.match(erasedPage, /The personal data was erased\./);
    assert.notEqual((await record(id)).erasedAt, undefined);
    // No name left for a title, and nothing offered that would write about the person again.
    assert.match(erasedPage, /<h1>Personal data erased<\/h1>/);
    assert.doesNotMatch(erasedPage, /id="note"|value="info-requested"|activation-email/);
  });

  test('posts from another site are refused', async () => {
    const id = await submit();
    for (const path of ['/admin/bulk-decisions', `/admin/requests/${id}/erasure/confirm`, '/admin/invitations/']) {
      assert.equal((await postForm(path, { version: '1', ids: id, status: 'accepted', email: 'x@example.com' }, { ...ADMIN, Origin: 'https://evil.example' })).status, 403, path);
    }
    assert.equal((await record(id)).status, 'new');
  });

  test('the retention setting of the saved config erases a rejected request once its days have passed', async () => {
    const id = await submit();
    await postForm(`/admin/requests/${id}/status/confirm`, { version: '1', status: 'rejected', reason: 'other', message: 'Doublon.', notify: 'true' });
    assert.equal((await app.applyRetention()).erased, 0, 'off by default');
    const current = await get(`${API_BASE}/config`);
    const config = (await current.json()) as { settings: Record<string, unknown> };
    const saved = await app.fetch(new Request(`${ORIGIN}${API_BASE}/config`, {
      method: 'PUT', headers: { ...ADMIN, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag')!, Origin: ORIGIN },
      body: JSON.stringify({ ...config, settings: { ...config.settings, retentionDays: 7 } }),
    }));
    assert.equal(saved.status, 200);
    assert.equal((await app.applyRetention(new Date(Date.now() + 6 * 86_400_000))).erased, 0);
    assert.ok((await app.applyRetention(new Date(Date.now() + 8 * 86_400_000))).erased >= 1);
    assert.notEqual((await record(id)).erasedAt, undefined);
  });
});
