import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import { addCustomField } from '@account-request/sdk';
import { API_BASE, createDemoApp, seedConfig, type DemoApp } from './app.js';
import { PAGE_CSP } from './security.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'demo-processing-pages-'));
const assets = stubAssetPaths(root);
let counter = 0;

async function newApp(notifier?: Notifier): Promise<DemoApp> {
  return createDemoApp({
    dataDir: join(root, `data-${(counter += 1)}`),
    adminPassword: PASSWORD,
    rateLimit: false,
    retryIntervalMs: 60 * 60 * 1000,
    ...(notifier ? { notifier } : {}),
    assets,
  });
}

let app: DemoApp;
before(async () => {
  app = await newApp();
});
after(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (target: DemoApp, path: string, headers: Record<string, string> = ADMIN) => target.fetch(new Request(`${ORIGIN}${path}`, { headers }));
const postForm = (target: DemoApp, path: string, fields: Record<string, string>, headers: Record<string, string> = { ...ADMIN, Origin: ORIGIN }) =>
  target.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) }));

const VALID = { companyName: 'Papeterie <Lemoine>', lastName: 'Lemoine', email: 'claire@lemoine.example', phone: '04 72 00 11 22', street: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

async function submit(target: DemoApp, values: Record<string, unknown> = VALID, locale = 'fr'): Promise<string> {
  const response = await target.fetch(new Request(`${ORIGIN}${API_BASE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN },
    body: JSON.stringify({ values, confirmed: true, locale }),
  }));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

async function version(target: DemoApp, id: string): Promise<string> {
  return String(((await (await get(target, `${API_BASE}/${id}`)).json()) as { version: number }).version);
}

/** Accepts a request through the pages: status form, confirmation page, confirm. */
async function acceptThroughPages(target: DemoApp, id: string): Promise<void> {
  for (const status of ['in-progress', 'accepted']) {
    const confirm = await postForm(target, `/admin/requests/${id}/status?lang=en`, { status, version: await version(target, id) });
    assert.equal(confirm.status, 200);
    const page = await confirm.text();
    assert.ok(page.includes(`action="/admin/requests/${id}/status/confirm?lang=en"`));
    const done = await postForm(target, `/admin/requests/${id}/status/confirm?lang=en`, { status, version: await version(target, id) });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('Location'), `/admin/requests/${id}?lang=en&done=status`);
  }
}

describe('e-mails of the demo', () => {
  test('a submission writes the confirmation and the alert as .eml files, listed on /admin/outbox/', async () => {
    const id = await submit(app);
    // The 201 does not wait for the e-mails: wait for their delivery here.
    await app.settled();
    const files = readdirSync(app.outboxDir).filter((name) => name.endsWith('.eml'));
    assert.equal(files.length, 2);
    const emls = files.map((name) => readFileSync(join(app.outboxDir, name), 'utf8'));
    const alert = emls.find((eml) => /^To: ventes@comptoir-duval\.example\r$/m.test(eml));
    assert.ok(alert, 'the alert goes to the seed config alertEmail');
    assert.match(alert, /^From: Comptoir Duval <no-reply@comptoir-duval\.example>\r$/m);
    assert.match(alert, new RegExp(`^X-Account-Request: ${id}\\r$`, 'm'));
    assert.ok(emls.some((eml) => /^To: claire@lemoine\.example\r$/m.test(eml)));
    const page = await (await get(app, '/admin/outbox/?lang=fr')).text();
    assert.equal((page.match(/<tr data-notification-id=/g) ?? []).length, 2);
    assert.ok(page.includes('Envoyé'));
    const notificationId = /data-notification-id="([^"]+)" data-kind="alert"/.exec(page)?.[1]!;
    const message = await get(app, `/admin/outbox/${notificationId}?lang=en`);
    assert.equal(message.status, 200);
    const shown = await message.text();
    assert.ok(shown.includes('<pre class="eml" tabindex="0">'));
    assert.ok(shown.includes('Papeterie &lt;Lemoine&gt;') || shown.includes('Papeterie =3CLemoine'), 'the .eml is shown as escaped text');
    assert.doesNotMatch(shown, /<Lemoine>/);
    assert.equal((await get(app, '/admin/outbox/../../etc/passwd')).status, 404);
  });

  test('a failing transport: the request is kept, the mail waits as pending with its error, the retry loop sends it once', async () => {
    const sent: MailMessage[] = [];
    let failing = true;
    const own = await newApp({ notify: (message) => { if (failing) throw new Error('SMTP down'); sent.push(message); } });
    try {
      const id = await submit(own);
      await own.settled();
      assert.equal((await own.store.list()).length, 1);
      const pending = await (await get(own, '/admin/outbox/?lang=en')).text();
      assert.equal((pending.match(/state-pending/g) ?? []).length, 2);
      assert.ok(pending.includes('Error: SMTP down'));
      failing = false;
      // Not due yet (30 s backoff): the loop leaves them.
      await own.retryMail();
      assert.equal(sent.length, 0);
      await own.store.database.prepare("UPDATE notifications SET next_attempt_at = '2000-01-01T00:00:00.000Z'").run();
      await Promise.all([own.retryMail(), own.retryMail()]);
      await own.retryMail();
      assert.deepEqual(sent.map((m) => [m.kind, m.requestId]).sort(), [['alert', id], ['confirmation', id]]);
    } finally {
      own.close();
    }
  });
});

describe('/admin/requests/', () => {
  test('needs the admin; lists with filters, escapes values, links the CSV export with the same filters', async () => {
    assert.equal((await get(app, '/admin/requests/', {})).status, 401);
    await submit(app, { ...VALID, companyName: 'Bois du Nord', email: 'nord@bois.example' });
    const response = await get(app, '/admin/requests/?lang=fr&q=bois&status=new');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Security-Policy'), PAGE_CSP);
    const page = await response.text();
    assert.equal((page.match(/<tr data-request-id=/g) ?? []).length, 1);
    assert.ok(page.includes('<td>Bois du Nord</td>'));
    assert.ok(page.includes(`href="${API_BASE}/export.csv?status=new&amp;q=bois"`));
    assert.ok(page.includes('<option value="new" selected>Nouvelle</option>'));
    assert.ok(page.includes('<label for="f-q">Recherche</label>'));
    assert.doesNotMatch(page, /<script|\sstyle=|\son\w+=/);
    const all = await (await get(app, '/admin/requests/?lang=en')).text();
    assert.ok(all.includes('Papeterie &lt;Lemoine&gt;'));
    const bad = await (await get(app, '/admin/requests/?from=never')).text();
    assert.ok(bad.includes('role="alert"'));
    // The API's refusal is worded in the page's language: the filter's label and the SDK's message.
    assert.ok(bad.includes('Le filtre « Reçues depuis le » n’est pas valide : Saisissez une date valide'), 'French by default');
    assert.ok(!bad.includes('The from parameter'));
    const pasted = await (await get(app, '/admin/requests/?lang=de&q=a%E2%80%AEb')).text();
    assert.ok(pasted.includes('Der Filter „Suche“ ist ungültig:'));
    const long = await (await get(app, `/admin/requests/?lang=en&q=${'x'.repeat(201)}`)).text();
    assert.ok(long.includes('The filter “Search” is not valid: Enter at most 200 characters.'));
    // The hidden part of a link's name follows the page language's typography.
    assert.match(all, /Details<span class="visually-hidden">: Papeterie &lt;Lemoine&gt;<\/span><\/a>/);
    assert.match(page, /Détail<span class="visually-hidden"> : Bois du Nord<\/span><\/a>/);
    // Nothing to page: no empty navigation landmark.
    const none = await (await get(app, '/admin/requests/?lang=en&q=nothing-matches-this')).text();
    assert.ok(none.includes('No request matches these filters.'));
    assert.doesNotMatch(none, /<nav class="paging"/);
  });

  test('the detail page labels a custom field, a country and an option in the page language, and writes a date as a day', async () => {
    let config = addCustomField(seedConfig(), { id: 'purchaseOrderReference', type: 'text', label: { fr: 'Référence de bon de commande', en: 'Purchase order reference' } });
    config = addCustomField(config, { id: 'founded', type: 'date', label: { fr: 'Fondée le', en: 'Founded on' } });
    config = addCustomField(config, { id: 'deliverySlot', type: 'select', label: { fr: 'Créneau de livraison', en: 'Delivery slot' }, options: [{ value: 'morning', label: { fr: 'Matin', en: 'Morning' } }, { value: 'evening', label: { fr: 'Soir', en: 'Evening' } }] });
    const configured = await createDemoApp({ dataDir: join(root, `data-${(counter += 1)}`), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 60 * 60 * 1000, assets, seed: config });
    try {
      const id = await submit(configured, { ...VALID, purchaseOrderReference: 'PO-1234', deliverySlot: 'morning', founded: '2020-01-02' });
      const en = await (await get(configured, `/admin/requests/${id}?lang=en`)).text();
      assert.ok(en.includes('<dt>Purchase order reference</dt><dd>PO-1234</dd>'), 'the custom field\'s label, not its id');
      assert.ok(en.includes('<dt>Delivery slot</dt><dd>Morning</dd>'), 'the option\'s label');
      assert.ok(en.includes('<dt>Country</dt><dd>France</dd>'), 'the country\'s name, not its code');
      assert.ok(en.includes('<dt>Founded on</dt><dd>2 January 2020</dd>'), 'a day, not YYYY-MM-DD');
      const fr = await (await get(configured, `/admin/requests/${id}?lang=fr`)).text();
      assert.ok(fr.includes('<dt>Référence de bon de commande</dt><dd>PO-1234</dd>'));
      assert.ok(fr.includes('<dd>Matin</dd>'));
      assert.ok(fr.includes('<dt>Fondée le</dt><dd>2 janvier 2020</dd>'));
      const de = await (await get(configured, `/admin/requests/${id}?lang=de`)).text();
      assert.ok(de.includes('<dd>Frankreich</dd>'));
    } finally {
      await configured.close();
    }
  });

  test('the detail page: values, history and a status change through a confirmation step', async () => {
    const id = await submit(app);
    const detail = await (await get(app, `/admin/requests/${id}?lang=en`)).text();
    assert.ok(detail.includes('<h1>Request from Papeterie &lt;Lemoine&gt;</h1>'));
    assert.ok(detail.includes('<dt>Company name</dt><dd>Papeterie &lt;Lemoine&gt;</dd>') || detail.includes('Papeterie &lt;Lemoine&gt;</dd>'));
    assert.ok(detail.includes('value="in-progress" checked'));
    assert.ok(!detail.includes('value="accepted"'), 'only allowed moves are offered');
    // Posting to the confirmation step changes nothing.
    await postForm(app, `/admin/requests/${id}/status?lang=en`, { status: 'in-progress', version: '1' });
    assert.equal(await version(app, id), '1');
    await acceptThroughPages(app, id);
    const after = await (await get(app, `/admin/requests/${id}?lang=en&done=status`)).text();
    assert.ok(after.includes('status-accepted'));
    assert.ok(after.includes('Changes saved.'));
    assert.ok(after.includes('Processing: In progress → Accepted'));
    assert.ok(after.includes('Send the activation link again'));
  });

  test('inAccount and note are saved with If-Match; a stale form gets the current version and a message', async () => {
    const id = await submit(app);
    const saved = await postForm(app, `/admin/requests/${id}?lang=fr`, { version: '1', inAccount: 'true', note: 'Client <historique>' });
    assert.equal(saved.status, 303);
    const record = (await (await get(app, `${API_BASE}/${id}`)).json()) as { inAccount: boolean; note: string };
    assert.deepEqual([record.inAccount, record.note], [true, 'Client <historique>']);
    const stale = await postForm(app, `/admin/requests/${id}?lang=fr`, { version: '1', note: 'Ne pas <perdre>' });
    assert.equal(stale.status, 409);
    const page = await stale.text();
    assert.ok(page.includes('modifiée entre-temps'));
    // What was typed stays in the form (escaped), next to the note saved meanwhile; the form carries the current version.
    assert.ok(page.includes('>Ne pas &lt;perdre&gt;</textarea>'), 'the typed note is kept');
    assert.ok(page.includes('Note enregistrée à ce jour : Client &lt;historique&gt;'));
    assert.ok(page.includes('<input type="hidden" name="version" value="2">'));
    assert.ok(page.includes('<input type="checkbox" id="in-account" name="inAccount" value="true" aria-describedby'), 'the unticked box stays unticked');
    assert.match(page, /<p class="notice error" role="alert" tabindex="-1" autofocus>/);
    const resent = await postForm(app, `/admin/requests/${id}?lang=fr`, { version: '2', note: 'Ne pas <perdre>' });
    assert.equal(resent.status, 303);
  });

  test('the confirmation steps are pages asked with a GET, so Back after a change never re-posts a form', async () => {
    const id = await submit(app);
    const page = await (await get(app, `/admin/requests/${id}?lang=en`)).text();
    assert.ok(page.includes(`<form method="get" action="/admin/requests/${id}/status">`));
    assert.ok(page.includes(`<form method="get" action="/admin/requests/${id}/erasure">`));
    const step = await get(app, `/admin/requests/${id}/status?lang=en&version=1&status=in-progress`);
    assert.equal(step.status, 200);
    assert.match(await step.text(), /action="\/admin\/requests\/[^"]+\/status\/confirm\?lang=en"/);
    assert.equal((await postForm(app, `/admin/requests/${id}/status/confirm?lang=en`, { version: '1', status: 'in-progress' })).status, 303);
    // Back to the step once the change is made: the request as it is now, and why.
    const back = await get(app, `/admin/requests/${id}/status?lang=en&version=1&status=in-progress`);
    assert.equal(back.status, 200);
    assert.ok((await back.text()).includes('This request changed meanwhile'));
    assert.equal((await get(app, `/admin/requests/${id}/erasure?lang=en`)).status, 200);
  });

  test('a stale form keeps what the admin changed and takes the current value of what they left alone', async () => {
    const id = await submit(app);
    const page = await (await get(app, `/admin/requests/${id}?lang=en`)).text();
    assert.ok(page.includes('<input type="hidden" name="seenInAccount" value="false">'), 'the form carries what the admin saw');
    // Another admin ticks the box meanwhile.
    assert.equal((await postForm(app, `/admin/requests/${id}?lang=en`, { version: '1', seenInAccount: 'false', inAccount: 'true', seenNote: '', note: '' })).status, 303);
    // This admin, on version 1, only typed a note: the box is as they saw it, unticked.
    const stale = await postForm(app, `/admin/requests/${id}?lang=en`, { version: '1', seenInAccount: 'false', seenNote: '', note: 'Called them' });
    assert.equal(stale.status, 409);
    const again = await stale.text();
    assert.ok(again.includes('>Called them</textarea>'), 'the typed note is kept');
    assert.ok(again.includes('name="inAccount" value="true" checked'), 'the box shows the other admin’s tick, not the stale view');
    assert.ok(again.includes('<input type="hidden" name="seenInAccount" value="true">'));
    // Sending the form as shown keeps both changes.
    assert.equal((await postForm(app, `/admin/requests/${id}?lang=en`, { version: '2', seenInAccount: 'true', inAccount: 'true', seenNote: '', note: 'Called them' })).status, 303);
    const record = (await (await get(app, `${API_BASE}/${id}`)).json()) as { inAccount: boolean; note: string };
    assert.deepEqual([record.inAccount, record.note], [true, 'Called them']);
    // A box the admin did change is kept as they set it.
    const changed = await postForm(app, `/admin/requests/${id}?lang=en`, { version: '1', seenInAccount: 'true', seenNote: 'Called them', note: 'Called them' });
    assert.ok((await changed.text()).includes('name="inAccount" value="true" aria-describedby'), 'unticked by this admin: kept unticked');
  });

  test('a refused note is worded in the page language from its code, and the typed note is kept', async () => {
    const id = await submit(app);
    for (const [lang, words] of [['fr', 'Le champ « Note interne » n’est pas valide : Ce texte contient des caractères non autorisés.'], ['de', 'Das Feld „Interne Notiz“ ist ungültig:']] as const) {
      const refused = await postForm(app, `/admin/requests/${id}?lang=${lang}`, { version: '1', note: 'abc\u202Edef' });
      assert.equal(refused.status, 422, lang);
      const page = await refused.text();
      assert.ok(page.includes(words), lang);
      assert.ok(!page.includes('The note contains'), `${lang}: no English`);
      assert.ok(page.includes('>abc\u202Edef</textarea>'), `${lang}: the typed note is kept`);
    }
  });

  test('a page past the end of the list says so and links to the last page; the outbox counts e-mails', async () => {
    const own = await newApp();
    try {
      for (let i = 0; i < 3; i += 1) await submit(own);
      const page = await (await get(own, '/admin/requests/?lang=en&offset=5000')).text();
      assert.ok(!page.includes('No request matches these filters.'));
      assert.ok(page.includes('This page is past the end of the list. <a href="/admin/requests/?lang=en&amp;offset=0">Go to the last page</a>'));
      assert.ok(!page.includes('Requests 5001 to 5000') && !page.includes('rel="prev"'));
      await own.settled();
      const outbox = await (await get(own, '/admin/outbox/?lang=fr')).text();
      assert.ok(outbox.includes('<caption>E-mails 1 à 6 sur 6</caption>'));
      assert.ok(!outbox.includes('Demandes 1 à'));
      const past = await (await get(own, '/admin/outbox/?lang=fr&offset=100')).text();
      assert.ok(past.includes('Cette page se trouve après la fin de la liste.') && past.includes('href="/admin/outbox/?lang=fr&amp;offset=0"'));
      assert.ok(!past.includes('Aucune demande ne correspond'));
    } finally {
      own.close();
    }
  });

  test('a version that is not a number (a forged or broken form) is a stale form, not a server error', async () => {
    const id = await submit(app);
    // A NUL or a line break cannot travel in an If-Match header: it used to answer 500.
    for (const version of ['\u0000', '1\r\nX-Injected: 1', 'v1', '']) {
      const saved = await postForm(app, `/admin/requests/${id}?lang=en`, { version, note: 'x' });
      assert.equal(saved.status, 409, JSON.stringify(version));
      const erase = await postForm(app, `/admin/requests/${id}/erasure/confirm?lang=en`, { version });
      assert.equal(erase.status, 409, JSON.stringify(version));
    }
    const record = (await (await get(app, `${API_BASE}/${id}`)).json()) as { note: string; erasedAt?: string };
    assert.deepEqual([record.note, record.erasedAt], ['', undefined]);
  });

  test('state-changing posts from another site are refused (CSRF), even with the admin credentials', async () => {
    const id = await submit(app);
    for (const headers of [{ ...ADMIN, Origin: 'https://evil.example' }, { ...ADMIN, 'Sec-Fetch-Site': 'cross-site' }]) {
      for (const path of [`/admin/requests/${id}`, `/admin/requests/${id}/status/confirm`, '/admin/requests/activation-emails', `/admin/requests/${id}/activation-email`]) {
        assert.equal((await postForm(app, path, { version: '1', status: 'rejected', inAccount: 'true', createdAfter: '2020-01-01' }, headers)).status, 403, path);
      }
    }
    assert.equal(await version(app, id), '1');
  });

  test('bulk activation from the list page reports its counts', async () => {
    const own = await newApp();
    try {
      const id = await submit(own);
      await acceptThroughPages(own, id);
      const response = await postForm(own, '/admin/requests/activation-emails?lang=en', { createdAfter: '2020-01-01' });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), '/admin/requests/?lang=en&queued=1&activated=0');
      assert.ok((await (await get(own, response.headers.get('Location')!)).text()).includes('1 activation request(s) sent; 0 account(s) already activated skipped.'));
      // A refused send says why, in the page's language, instead of a silent redirect.
      const refused = await postForm(own, '/admin/requests/activation-emails?lang=de', { createdAfter: 'garbage' });
      assert.equal(refused.status, 422);
      const refusedPage = await refused.text();
      assert.match(refusedPage, /role="alert">Das Feld „[^“]+“ ist ungültig: /);
      assert.ok(!refusedPage.includes('Use a date') && !refusedPage.includes('Send createdAfter'));
      // A hand-edited count shows no notice rather than "NaN".
      for (const query of ['queued=abc', 'queued=1e3&activated=x', 'queued=-1']) {
        const page = await (await get(own, `/admin/requests/?lang=en&${query}`)).text();
        assert.ok(!page.includes('NaN') && !page.includes('activation request(s) sent'), query);
      }
    } finally {
      own.close();
    }
  });
});

describe('/activation/{token}', () => {
  async function acceptedToken(locale = 'fr'): Promise<{ own: DemoApp; token: string }> {
    const own = await newApp();
    const id = await submit(own, VALID, locale);
    await acceptThroughPages(own, id);
    // The pages answer without waiting for the e-mails (the demo hands them to waitUntil).
    await own.settled();
    // Quoted-printable soft line breaks may cut the link: join them first.
    const files = readdirSync(own.outboxDir).map((name) => readFileSync(join(own.outboxDir, name), 'utf8').replaceAll('=\r\n', ''));
    const token = files.map((eml) => /\/activation\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1]).find(Boolean);
    assert.ok(token, 'an activation .eml holds the link');
    return { own, token };
  }

  test('the form: labels, new-password autocomplete, help tied by aria-describedby; fr and en', async () => {
    const { own, token } = await acceptedToken();
    try {
      const response = await get(own, `/activation/${token}`, {});
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Security-Policy'), PAGE_CSP);
      const page = await response.text();
      assert.ok(page.includes('<label for="password">Nouveau mot de passe</label>'));
      assert.ok(page.includes('autocomplete="new-password"'));
      assert.ok(page.includes('aria-describedby="password-help"'));
      assert.ok(page.includes('Papeterie &lt;Lemoine&gt;'));
      assert.doesNotMatch(page, /<script|\sstyle=|\son\w+=/);
      assert.ok((await (await get(own, `/activation/${token}?lang=en`, {})).text()).includes('Choose the password'));
    } finally {
      own.close();
    }
  });

  test('the page speaks the applicant\'s language without ?lang= (the link carries none), and still once the link is used', async () => {
    const { own, token } = await acceptedToken('de');
    try {
      assert.match(await (await get(own, `/activation/${token}`, {})).text(), /<html lang="de"/);
      const headers = { Origin: ORIGIN };
      const done = await postForm(own, `/activation/${token}`, { password: 'eine lange Passphrase hier', confirmation: 'eine lange Passphrase hier' }, headers);
      assert.match(await done.text(), /<html lang="de"/);
      assert.match(await (await get(own, `/activation/${token}`, {})).text(), /<html lang="de"/, 'the used link');
      assert.match(await (await get(own, `/activation/${token}?lang=en`, {})).text(), /<html lang="en"/, '?lang= still chooses');
    } finally {
      own.close();
    }
  });

  test('errors are shown and tied to their input; success; the link then no longer works', async () => {
    const { own, token } = await acceptedToken();
    try {
      const headers = { Origin: ORIGIN };
      const mismatch = await postForm(own, `/activation/${token}?lang=en`, { password: 'une phrase de passe longue', confirmation: 'autre' }, headers);
      assert.equal(mismatch.status, 422);
      const mismatchPage = await mismatch.text();
      assert.ok(mismatchPage.includes('aria-describedby="confirmation-error" aria-invalid="true"'));
      assert.ok(mismatchPage.includes('The two passwords are not the same.'));
      // Both fields come back empty: the focus goes to the first, which reads the mismatch too.
      assert.match(mismatchPage, /id="password"[^>]*aria-describedby="password-help confirmation-error"[^>]* autofocus>/);
      assert.doesNotMatch(mismatchPage, /id="confirmation"[^>]*autofocus/);
      // A pasted long password is never cut by the browser: the server says when it is too long.
      assert.doesNotMatch(mismatchPage, /maxlength/);
      const weak = await (await postForm(own, `/activation/${token}?lang=en`, { password: 'court', confirmation: 'court' }, headers)).text();
      assert.ok(weak.includes('aria-describedby="password-help password-error"'));
      assert.match(weak, /id="password-error" class="error"><span class="visually-hidden">Error: <\/span>The password needs at least 12 characters/);
      assert.equal((await postForm(own, `/activation/${token}`, { password: 'une phrase de passe longue', confirmation: 'une phrase de passe longue' }, { Origin: 'https://evil.example' })).status, 403);
      const done = await (await postForm(own, `/activation/${token}?lang=en`, { password: 'une phrase de passe longue', confirmation: 'une phrase de passe longue' }, headers)).text();
      assert.ok(done.includes('Your account is active'));
      const again = await (await get(own, `/activation/${token}?lang=en`, {})).text();
      assert.ok(again.includes('already used'));
      assert.doesNotMatch(again, /<form/);
      assert.equal((await get(own, `/activation/${'A'.repeat(43)}`, {})).status, 404);
      const activated = (await own.store.list())[0];
      assert.ok(activated?.activatedAt);
    } finally {
      own.close();
    }
  });
});
