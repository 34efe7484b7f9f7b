// The demo with its public services pointed at local fakes (the variables COMPANY_DIRECTORY_URL,
// VIES_URL and ADDRESS_API_URL set to them): the public lookups, the checks after a submission,
// the badges, filter, warnings and "check again" of the back office.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../test/test-helpers/fake-public-apis.js';
import { API_BASE, createDemoApp, type DemoApp } from './app.js';
import { readSettings } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'demo-lookups-'));
const assets = stubAssetPaths(root);
const VAT = 'FR44732829320';
const VALUES = { companyName: 'Comptoir Duval', lastName: 'Duval', email: 'marc@duval.example', phone: '01 42 00 11 22', street: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR', siret: FAKE_COMPANIES.open.siret, vatNumber: VAT };

let fakes: FakePublicApis;
let counter = 0;
const apps: DemoApp[] = [];

/** A demo whose services are the fakes, as the environment variables would set them. */
async function newApp(env: Record<string, string> = {}, logger?: Logger): Promise<DemoApp> {
  const settings = readSettings({ COMPANY_DIRECTORY_URL: fakes.companyUrl, VIES_URL: fakes.viesUrl, ADDRESS_API_URL: fakes.addressUrl, ...env });
  const app = await createDemoApp({
    ...(logger ? { logger } : {}),
    dataDir: join(root, `data-${(counter += 1)}`),
    adminPassword: PASSWORD,
    rateLimit: false,
    retryIntervalMs: 60 * 60 * 1000,
    assets,
    lookups: { ...settings.lookups, checkBackoffMs: () => 0 },
  });
  apps.push(app);
  return app;
}

before(async () => {
  fakes = await startFakePublicApis();
});
afterEach(() => fakes.reset());
after(async () => {
  for (const app of apps) await app.close();
  await fakes.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (app: DemoApp, path: string, headers: Record<string, string> = ADMIN) => app.fetch(new Request(`${ORIGIN}${path}`, { headers }));

async function submit(app: DemoApp, values: Record<string, unknown> = VALUES): Promise<string> {
  const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN },
    body: JSON.stringify({ values, confirmed: true, locale: 'fr' }),
  }));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

describe('the demo with its public services on local fakes', () => {
  test('answers the form\'s lookups: which are on, the company of a SIRET, address suggestions', async () => {
    const app = await newApp();
    assert.deepEqual(await (await get(app, `${API_BASE}/lookup`, {})).json(), { company: true, address: true });
    const company = (await (await get(app, `${API_BASE}/lookup/company?siret=${FAKE_COMPANIES.open.siret}`, {})).json()) as { name: string; legalForm: string };
    assert.deepEqual([company.name, company.legalForm], ['COMPTOIR DUVAL', 'SAS']);
    const address = (await (await get(app, `${API_BASE}/lookup/address?q=8+boulevard+du+port`, {})).json()) as { suggestions: { city: string }[] };
    assert.deepEqual(address.suggestions.map((s) => s.city), ['Amiens', 'Cergy']);
    // VIES is never public.
    assert.equal((await get(app, `${API_BASE}/lookup/vat?number=${VAT}`, {})).status, 404);
  });

  test('turns a service off with its variable empty, and calls nobody without lookups', async () => {
    const app = await newApp({ ADDRESS_API_URL: '', VIES_URL: '' });
    assert.deepEqual(await (await get(app, `${API_BASE}/lookup`, {})).json(), { company: true, address: false });
    const plain = await createDemoApp({ dataDir: join(root, 'plain'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 60 * 60 * 1000, assets });
    apps.push(plain);
    assert.deepEqual(await (await get(plain, `${API_BASE}/lookup`, {})).json(), { company: false, address: false });
    const id = await submit(plain);
    await plain.settled();
    assert.equal(((await (await get(plain, `${API_BASE}/${id}`)).json()) as { vatCheck?: unknown }).vatCheck, undefined);
    assert.equal(fakes.requests.length, 0);
  });

  test('checks a submission after its 201 and shows the badges, the warnings and the filter to the admin', async () => {
    fakes.vies(VAT, { kind: 'valid', name: 'QUINCAILLERIE MOREL', address: '3 BD DES BROTTEAUX\n69006 LYON' });
    const app = await newApp();
    const id = await submit(app, { ...VALUES, siret: FAKE_COMPANIES.closed.siret });
    await app.settled();
    const list = await (await get(app, '/admin/requests/?lang=en')).text();
    assert.match(list, /<span class="check check-valid">VAT number valid<\/span> <span class="check check-closed">Establishment closed<\/span>/);
    assert.match(list, /<select id="f-vat" name="vatCheck">/);
    const detail = await (await get(app, `/admin/requests/${id}?lang=en`)).text();
    assert.match(detail, /<h2 id="checks-title">Company checks<\/h2>/);
    assert.match(detail, /The name registered with VIES, “QUINCAILLERIE MOREL”, differs from the company name entered\./);
    assert.match(detail, /The business register lists this establishment as closed\./);
    assert.match(detail, /3 BD DES BROTTEAUX, 69006 LYON/);
    assert.match(detail, new RegExp(`<form method="post" action="/admin/requests/${id}/checks\\?lang=en">`));
    const french = await (await get(app, `/admin/requests/${id}?lang=fr`)).text();
    assert.match(french, /Numéro de TVA valide/);
    assert.match(await (await get(app, '/admin/requests/?vatCheck=valid&lang=en')).text(), new RegExp(`data-request-id="${id}"`));
    assert.doesNotMatch(await (await get(app, '/admin/requests/?vatCheck=invalid&lang=en')).text(), new RegExp(`data-request-id="${id}"`));
  });

  test('retries an unavailable VIES through its jobs, and checks again from the page', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'MS_UNAVAILABLE' }, { kind: 'error', code: 'MS_UNAVAILABLE' }, { kind: 'invalid' }, { kind: 'valid', name: 'COMPTOIR DUVAL' });
    const app = await newApp();
    const id = await submit(app);
    await app.settled();
    const state = async () => ((await (await get(app, `${API_BASE}/${id}`)).json()) as { vatCheck: { state: string } }).vatCheck.state;
    assert.equal(await state(), 'unavailable');
    assert.match(await (await get(app, `/admin/requests/${id}?lang=en`)).text(), /the check is retried automatically/);
    await app.runChecks();
    assert.equal(await state(), 'unavailable');
    await app.runChecks();
    assert.equal(await state(), 'invalid');
    const again = await app.fetch(new Request(`${ORIGIN}/admin/requests/${id}/checks?lang=en`, { method: 'POST', headers: { ...ADMIN, Origin: ORIGIN } }));
    assert.equal(again.status, 303);
    assert.equal(await state(), 'valid');
    assert.match(await (await app.fetch(new Request(`${ORIGIN}${again.headers.get('Location')}`, { headers: ADMIN }))).text(), /The checks were run again\./);
    // A post from another site is refused like every admin form.
    assert.equal((await app.fetch(new Request(`${ORIGIN}/admin/requests/${id}/checks`, { method: 'POST', headers: { ...ADMIN, Origin: 'https://evil.example' } }))).status, 403);
  });

  test('says the automatic retries are over once a VAT check has spent them, not that it is retried', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'MS_UNAVAILABLE' });
    const app = await newApp();
    const id = await submit(app);
    await app.settled();
    const page = async () => (await get(app, `/admin/requests/${id}?lang=en`)).text();
    assert.match(await page(), /the check is retried automatically/);
    // Eight attempts in all (the runner's default), the backoff 0 here: the job ends failed.
    for (let run = 0; run < 7; run += 1) await app.runChecks();
    assert.equal(fakes.count('vies'), 8);
    const ended = await page();
    assert.match(ended, /VIES did not answer for this country, and the automatic retries are over: use “Check again” to ask again\./);
    assert.doesNotMatch(ended, /retried automatically/);
    assert.match(await (await get(app, `/admin/requests/${id}?lang=fr`)).text(), /les relances automatiques sont terminées/);
  });

  test('stops checking when VIES refuses the shop\'s requester number, and warns the operator once', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'INVALID_REQUESTER_INFO', status: 400 });
    const lines: string[] = [];
    const app = await newApp({ VIES_REQUESTER: 'FR40303265045' }, createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }));
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      ids.push(await submit(app));
      await app.settled();
    }
    // The backoff is 0 here: a job left pending would be asked again now.
    await app.runChecks();
    for (const id of ids) {
      const { vatCheck } = (await (await get(app, `${API_BASE}/${id}`)).json()) as { vatCheck: { state: string; reason: string } };
      assert.deepEqual([vatCheck.state, vatCheck.reason], ['unavailable', 'INVALID_REQUESTER_INFO']);
    }
    assert.equal(fakes.count('vies'), 2);
    // The request's page says why and what to do, not that the check is retried.
    const page = await (await get(app, `/admin/requests/${ids[0]}?lang=en`)).text();
    assert.match(page, /VIES refuses the requester this server sends \(its VIES_REQUESTER setting\)/);
    assert.doesNotMatch(page, /retried automatically/);
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => entry.level === 40);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.msg ?? '', /VIES_REQUESTER/);
    assert.ok(!lines.join('').includes(VAT.slice(2)), 'the checked number stays out of the log');
  });

  test('answers 201 whatever the services do, and keeps the applicant\'s answer free of checks', async () => {
    fakes.fail('vies', { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    fakes.fail('company', { kind: 'malformed' });
    const app = await newApp();
    const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN },
      body: JSON.stringify({ values: VALUES, confirmed: true, locale: 'fr' }),
    }));
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['access', 'id', 'status']);
    await app.settled();
    const record = (await (await get(app, `${API_BASE}/${String(body['id'])}`)).json()) as { vatCheck: { state: string }; siretCheck: { state: string } };
    assert.deepEqual([record.vatCheck.state, record.siretCheck.state], ['unavailable', 'unavailable']);
  });

  test('sends each service only what it needs: the SIRET, the VAT number, the typed address', async () => {
    fakes.vies(VAT, { kind: 'valid' });
    const app = await newApp();
    await submit(app);
    await app.settled();
    await get(app, `${API_BASE}/lookup/address?q=12+rue+de+la+paix`, {});
    const seen = fakes.requests.map((request) => `${request.service} ${request.url} ${request.body}`).join('\n');
    for (const personal of ['marc@duval.example', 'Duval', '01 42 00 11 22', 'Comptoir']) assert.ok(!seen.includes(personal), personal);
    assert.match(seen, /company \/company\/search\?q=73282932000074/);
    assert.match(seen, /vies \/vies\/check-vat-number \{"countryCode":"FR","vatNumber":"44732829320"\}/);
  });
});
