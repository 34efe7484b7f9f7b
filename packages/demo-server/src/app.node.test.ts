import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { API_BASE, createDemoApp, type DemoApp } from './app.js';
import { PAGE_CSP } from './security.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const root = mkdtempSync(join(tmpdir(), 'demo-app-'));
const assets = stubAssetPaths(root);

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = { Authorization: basic('admin', PASSWORD) };

let app: DemoApp;
let dataDir = '';
let counter = 0;

async function newApp(options: { rateLimit?: { max: number; windowMs: number } | false } = {}): Promise<DemoApp> {
  dataDir = join(root, `data-${(counter += 1)}`);
  return createDemoApp({
    dataDir,
    adminPassword: PASSWORD,
    rateLimit: options.rateLimit ?? false,
    assets,
  });
}

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => app.fetch(new Request(`${ORIGIN}${path}`, { headers }));

function submission(values: Record<string, unknown>, key: string): Request {
  return new Request(`${ORIGIN}${API_BASE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Origin: ORIGIN },
    body: JSON.stringify({ values, confirmed: true, locale: 'fr' }),
  });
}

const VALID = {
  companyName: 'Dupont SARL',
  lastName: 'Dupont',
  email: 'marie@dupont.example',
  phone: '01 23 45 67 89',
  street: '3 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
};

before(async () => {
  app = await newApp();
});
after(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

function assertPageHeaders(response: Response): void {
  assert.equal(response.headers.get('Content-Security-Policy'), PAGE_CSP);
  assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.equal(response.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
  assert.match(response.headers.get('Content-Type') ?? '', /^text\/html; charset=utf-8$/i);
}

describe('pages', () => {
  test('/ is the French shop page with the form dropped in: one module script, one tag, no inline code', async () => {
    const response = await get('/');
    assert.equal(response.status, 200);
    assertPageHeaders(response);
    const page = await response.text();
    assert.match(page, /<html lang="fr">/);
    assert.deepEqual(page.match(/<script[^>]*>/g), ['<script type="module" src="/assets/account-request-form.bundle.js">']);
    assert.ok(page.includes(`<account-request-form config-src="${API_BASE}/config" action="${API_BASE}" lang="fr"></account-request-form>`));
    assert.match(page, /<header class="site-header">[\s\S]*<nav[\s\S]*<main id="main">[\s\S]*<footer/);
    assert.doesNotMatch(page, /<style|\sstyle=|\son\w+=/);
  });

  test('?lang=en switches the page and the element to English; unknown values stay French', async () => {
    const english = await (await get('/?lang=en')).text();
    assert.match(english, /<html lang="en">/);
    assert.ok(english.includes('lang="en"></account-request-form>'));
    assert.ok(english.includes('Open a business account'));
    const odd = await (await get('/?lang=%22%3E%3Cscript%3E')).text();
    assert.match(odd, /<html lang="fr">/);
    assert.doesNotMatch(odd, /"><script>/);
  });

  test('/admin/ needs the admin credentials and answers a Basic challenge otherwise', async () => {
    for (const headers of [{}, { Authorization: basic('admin', 'wrong') }, { Authorization: basic('other', PASSWORD) }]) {
      const response = await get('/admin/', headers);
      assert.equal(response.status, 401);
      assert.match(response.headers.get('WWW-Authenticate') ?? '', /^Basic realm="[^"]+"/);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    }
    const response = await get('/admin/?lang=en', ADMIN);
    assert.equal(response.status, 200);
    assertPageHeaders(response);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const page = await response.text();
    assert.ok(page.includes(`<form-field-config config-src="${API_BASE}/config" lang="en" preview></form-field-config>`));
    assert.deepEqual(page.match(/<script[^>]*>/g), ['<script type="module" src="/assets/form-field-config.bundle.js">']);
  });

  test('/admin redirects to /admin/ and other paths are a 404 page under the same CSP', async () => {
    const redirect = await get('/admin', ADMIN);
    assert.equal(redirect.status, 308);
    assert.equal(redirect.headers.get('Location'), '/admin/');
    const missing = await get('/nothing-here');
    assert.equal(missing.status, 404);
    assertPageHeaders(missing);
  });
});

describe('assets', () => {
  test('bundles, CSS and the icon come with their content type, no-cache and an ETag; a matching If-None-Match is a 304', async () => {
    const expected: Record<string, RegExp> = {
      '/assets/account-request-form.bundle.js': /^text\/javascript/,
      '/assets/form-field-config.bundle.js': /^text\/javascript/,
      '/assets/account-request-form.de.js': /^text\/javascript/,
      '/assets/form-field-config.editor-de.js': /^text\/javascript/,
      '/assets/site.css': /^text\/css/,
      '/assets/favicon.svg': /^image\/svg\+xml/,
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('Content-Type') ?? '', type, path);
      assert.equal(response.headers.get('Cache-Control'), 'public, no-cache', path);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', path);
      const etag = response.headers.get('ETag');
      assert.ok(etag, path);
      const again = await get(path, { 'If-None-Match': etag });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers.get('Cache-Control'), 'public, no-cache', path);
    }
    assert.equal((await get('/assets/form.js')).status, 404);
    assert.equal((await get('/assets/account-request-form.sv.js')).status, 404, 'no chunk for that language');
    assert.equal((await get('/assets/account-request-form.de.js%2f..%2fform.js')).status, 404);
    assert.equal((await get('/assets/../package.json')).status, 404);
    assert.equal((await get('/assets/%2e%2e/package.json')).status, 404);
  });
});

describe('API', () => {
  test('the config is public, with an ETag', async () => {
    const response = await get(`${API_BASE}/config`);
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('ETag'));
    const config = (await response.json()) as { settings: { confirmation: { message: { fr: string } } } };
    assert.match(config.settings.confirmation.message.fr, /^Merci/);
  });

  test('admin routes answer 401 with a Basic challenge without credentials, and work with them', async () => {
    const list = await get(API_BASE);
    assert.equal(list.status, 401);
    assert.match(list.headers.get('WWW-Authenticate') ?? '', /^Basic /);
    assert.match(list.headers.get('Content-Type') ?? '', /^application\/problem\+json/);

    const current = await get(`${API_BASE}/config`);
    const etag = current.headers.get('ETag')!;
    const config = (await current.json()) as { fields: { id: string; displayed: boolean; required: boolean }[] };
    const fax = config.fields.find((field) => field.id === 'fax')!;
    fax.displayed = true;
    fax.required = true;
    const put = (headers: Record<string, string>): Promise<Response> =>
      app.fetch(new Request(`${ORIGIN}${API_BASE}/config`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': etag, Origin: ORIGIN, ...headers }, body: JSON.stringify(config) }));
    const refused = await put({ Authorization: basic('admin', 'nope') });
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('WWW-Authenticate') ?? '', /^Basic /);
    const saved = await put(ADMIN);
    assert.equal(saved.status, 200);
    assert.notEqual(saved.headers.get('ETag'), etag);
    assert.equal((await put(ADMIN)).status, 200, 'the same save again is already applied (SDK: RFC 9110 §13.1.1)');
    fax.required = false;
    assert.equal((await put(ADMIN)).status, 412, 'another change with the old ETag is stale');
    fax.required = true;
    const reloaded = (await (await get(`${API_BASE}/config`)).json()) as typeof config;
    assert.deepEqual(reloaded.fields.find((field) => field.id === 'fax'), { id: 'fax', displayed: true, required: true });

    const listed = await get(API_BASE, ADMIN);
    assert.equal(listed.status, 200);
    assert.ok(Array.isArray(await listed.json()));
  });

  test('a submission is stored once per Idempotency-Key and listed, without password hash', async () => {
    const local = await newApp();
    try {
      const values = { ...VALID, fax: '01 98 76 54 32' };
      const first = await local.fetch(submission(values, 'key-1'));
      assert.equal(first.status, 201, await first.clone().text());
      const created = (await first.json()) as { id: string; status: string; access: string };
      assert.equal(created.status, 'pending');
      const replay = await local.fetch(submission(values, 'key-1'));
      assert.equal(replay.status, 201);
      assert.deepEqual(await replay.json(), created);
      const invalid = await local.fetch(submission({ ...VALID, postalCode: 'abc' }, 'key-2'));
      assert.equal(invalid.status, 422);
      const list = (await (await local.fetch(new Request(`${ORIGIN}${API_BASE}`, { headers: ADMIN }))).json()) as { id: string; values: Record<string, unknown> }[];
      assert.deepEqual(list.map((record) => record.id), [created.id]);
      assert.equal(list[0]?.values['companyName'], 'Dupont SARL');
      const adminPage = await (await local.fetch(new Request(`${ORIGIN}/admin/`, { headers: ADMIN }))).text();
      assert.ok(adminPage.includes('<td>Dupont SARL</td>'));
    } finally {
      local.close();
    }
  });

  test('submissions are rate limited per client when the limit is on', async () => {
    const limited = await newApp({ rateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) statuses.push((await limited.fetch(submission(VALID, `rate-${index}`))).status);
      assert.deepEqual(statuses, [201, 201, 429]);
      const refused = await limited.fetch(submission(VALID, 'rate-9'));
      assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    } finally {
      limited.close();
    }
  });

  test('requests persist across a restart on the same data folder', async () => {
    const first = await newApp();
    const folder = dataDir;
    const created = (await (await first.fetch(submission(VALID, 'persist'))).json()) as { id: string };
    first.close();
    const second = await createDemoApp({ dataDir: folder, adminPassword: PASSWORD, rateLimit: false });
    try {
      const list = (await (await second.fetch(new Request(`${ORIGIN}${API_BASE}`, { headers: ADMIN }))).json()) as { id: string }[];
      assert.deepEqual(list.map((record) => record.id), [created.id]);
    } finally {
      second.close();
    }
  });
});
