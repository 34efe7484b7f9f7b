// Hostile input against the whole demo site (Hono, the SDK handler, the SQLite store) through
// its fetch handler: the same promises hold behind the real routing, storage and pages.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HONEYPOT_FIELD, type FormConfig } from '@account-request/sdk';
import { API_BASE, createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { EMAIL_CASES, FORBIDDEN_TEXT, MARKUP_PAYLOADS, UNSAFE_REDIRECTS } from './cases.js';
import { assertNoPollution, assertPlainData, fieldCodes, problemOf, VALID, withMember } from './test-helpers/index.js';

const ORIGIN = 'http://127.0.0.1:5173';
const PASSWORD = 'hostile-demo-password';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'hostile-demo-'));
let app: DemoApp;

before(async () => {
  app = await createDemoApp({
    dataDir: join(root, 'data'),
    adminPassword: PASSWORD,
    rateLimit: false,
    assets: stubAssetPaths(root),
  });
});

after(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

function submit(payload: unknown, key: string = crypto.randomUUID(), headers: Record<string, string> = {}): Promise<Response> {
  return app.fetch(
    new Request(`${ORIGIN}${API_BASE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Origin: ORIGIN, ...headers },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    }),
  );
}

const body = (values: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({ values: { ...VALID, ...values }, confirmed: true, locale: 'fr', ...extra });

async function currentConfig(): Promise<{ config: FormConfig; etag: string }> {
  const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}/config`));
  return { config: (await response.json()) as FormConfig, etag: response.headers.get('ETag') ?? '' };
}

function putConfig(config: unknown, etag = '*', headers: Record<string, string> = {}): Promise<Response> {
  return app.fetch(
    new Request(`${ORIGIN}${API_BASE}/config`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag, ...ADMIN, ...headers },
      body: typeof config === 'string' ? config : JSON.stringify(config),
    }),
  );
}

async function storedIds(): Promise<string[]> {
  return (await app.store.list({ limit: 1000 })).map((record) => record.id);
}

async function createdId(response: Response): Promise<string> {
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

describe('demo app: hostile configs', () => {
  test('a 20 MB config or submission is a 413, and the config is unchanged', async () => {
    const before = await currentConfig();
    const twenty = 'x'.repeat(20 * 1024 * 1024);
    await problemOf(await putConfig(`{"customFields":[{"id":"x","type":"text","label":"${twenty}"}]}`), 413);
    await problemOf(await submit(`{"values":{"lastName":"${twenty}"},"confirmed":true}`), 413);
    assert.deepEqual(await currentConfig(), before);
  });

  test('not JSON is a 400, not an object a 422, deep nesting a 400 or 413, unsafe redirects a 422', async () => {
    const before = await currentConfig();
    for (const text of ['not json', '{"fields": [', '']) await problemOf(await putConfig(text), 400);
    for (const text of ['null', '[]', '"x"']) await problemOf(await putConfig(text), 422);
    assert.ok([400, 413].includes((await putConfig(`{"fields":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)).status));
    for (const url of UNSAFE_REDIRECTS) {
      assert.deepEqual(await fieldCodes(await putConfig({ settings: { confirmation: { redirectUrl: url } } })), [['settings.confirmation.redirectUrl', 'invalid_config']], url);
    }
    assert.deepEqual(await currentConfig(), before);
  });

  test('__proto__ and constructor in a saved config are dropped; the stored config is plain data; nothing polluted', async () => {
    const { config, etag } = await currentConfig();
    const hostile = withMember({ ...config, __MARK__: 0, settings: { ...config.settings, __MARK__: 0 } }, '"__proto__":{"polluted":true,"enabled":false},"constructor":{"prototype":{"polluted":true}}');
    const response = await putConfig(hostile, etag);
    assert.equal(response.status, 200, await response.clone().text());
    const saved = await currentConfig();
    assert.deepEqual(saved.config, config);
    assertPlainData(saved.config);
    assertNoPollution();
  });

  test('a config with markup in every text is stored and served as JSON, and the shop page stays the same HTML', async () => {
    const { config, etag } = await currentConfig();
    const customFields = MARKUP_PAYLOADS.map((payload, index) => ({ id: `evil${index}`, type: 'text', label: payload, help: payload }));
    const response = await putConfig({ ...config, customFields, fields: [...config.fields, ...customFields.map(({ id }) => ({ id, displayed: true }))] }, etag);
    assert.equal(response.status, 200, await response.clone().text());
    const page = await (await app.fetch(new Request(`${ORIGIN}/`))).text();
    // The page never inlines config text: the element fetches it as JSON.
    assert.doesNotMatch(page, /__pwned|onerror/);
    const served = await app.fetch(new Request(`${ORIGIN}${API_BASE}/config`));
    assert.match(served.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.equal(served.headers.get('X-Content-Type-Options'), 'nosniff');
    // Put the demo config back for the submission tests.
    const restore = await putConfig(config, served.headers.get('ETag') ?? '*');
    assert.equal(restore.status, 200);
  });
});

describe('demo app: hostile submissions (SQLite store)', () => {
  test('unknown, hidden and server-owned fields are ignored and never stored', async () => {
    const id = await createdId(await submit(body({ isAdmin: true, status: 'validated', fax: '01 02 03 04 05', unknown: 'x' }, { id: 'mine', access: 'full' })));
    const record = await app.store.get(id);
    assert.deepEqual(Object.keys(record?.values ?? {}).sort(), Object.keys(VALID).sort());
    const plain = await app.store.get(await createdId(await submit(body())));
    assert.equal(record?.status, plain?.status);
    assert.notEqual(record?.status, 'validated');
  });

  test('__proto__ and constructor in the body and in values: never read, never stored, nothing polluted', async () => {
    const before = await storedIds();
    const inValues = withMember({ values: { __MARK__: 0, ...VALID, lastName: undefined }, confirmed: true }, '"__proto__":{"lastName":"Evil","polluted":true}');
    assert.deepEqual(await fieldCodes(await submit(inValues)), [['lastName', 'required']]);
    const beside = withMember({ values: { __MARK__: 0, ...VALID }, confirmed: true }, '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}');
    const id = await createdId(await submit(beside));
    assertPlainData((await app.store.get(id))?.values);
    assert.deepEqual(Object.keys((await app.store.get(id))?.values ?? {}).sort(), Object.keys(VALID).sort());
    assert.equal((await storedIds()).length, before.length + 1);
    assertNoPollution();
  });

  test('control characters, bidi overrides and NUL bytes are 422s; nothing is stored', async () => {
    const before = await storedIds();
    for (const { name, input } of FORBIDDEN_TEXT) {
      assert.deepEqual(await fieldCodes(await submit(body({ lastName: input }))), [['lastName', 'invalid_characters']], name);
    }
    assert.deepEqual(await storedIds(), before);
  });

  test('unnormalized Unicode and e-mail look-alikes: stored NFC / folded, or refused', async () => {
    const id = await createdId(await submit(body({ lastName: 'Ame\u0301lie', city: 'Saint-E\u0301tienne', postalCode: '42000' })));
    const values = (await app.store.get(id))?.values ?? {};
    assert.equal(values['lastName'], 'Amélie'.normalize('NFC'));
    assert.equal(values['city'], 'Saint-Étienne'.normalize('NFC'));
    for (const { name, input, code, stored } of EMAIL_CASES) {
      const response = await submit(body({ email: input }));
      if (code) assert.deepEqual(await fieldCodes(response), [['email', code]], name);
      else assert.equal((await app.store.get(await createdId(response)))?.values['email'], stored, name);
    }
  });

  test('arrays and objects where strings belong are 422 invalid_type', async () => {
    for (const value of [['Martin'], { toString: 'x' }, 1]) {
      assert.deepEqual(await fieldCodes(await submit(body({ lastName: value }))), [['lastName', 'invalid_type']]);
    }
  });

  test('a filled honeypot gets a 201 look-alike and nothing is stored', async () => {
    const before = await storedIds();
    const id = await createdId(await submit(body({ [HONEYPOT_FIELD]: 'http://spam.example' })));
    assert.equal(await app.store.get(id), undefined);
    assert.deepEqual(await storedIds(), before);
  });

  test('an Idempotency-Key reused with another body is a 422; the replay gives the first result', async () => {
    const first = await createdId(await submit(body(), 'demo-reused'));
    const problem = await problemOf(await submit(body({ city: 'Lyon', postalCode: '69001' }), 'demo-reused'), 422);
    assert.equal(problem.type, 'urn:account-request:problem:idempotency-key-reused');
    assert.equal(await createdId(await submit(body(), 'demo-reused')), first);
    assert.equal((await storedIds()).filter((id) => id === first).length, 1);
  });

  test('a request from another site is a 403 and stores nothing', async () => {
    const before = await storedIds();
    await problemOf(await submit(body(), undefined, { Origin: 'https://evil.example' }), 403);
    await problemOf(await submit(body(), undefined, { Origin: 'null' }), 403);
    assert.deepEqual(await storedIds(), before);
  });

  test('markup in stored values is escaped on the admin page', async () => {
    const id = await createdId(await submit(body({ companyName: '<img src=x onerror=alert(1)>', lastName: '<script>alert(1)</script>' })));
    assert.ok(id);
    const page = await (await app.fetch(new Request(`${ORIGIN}/admin/`, { headers: ADMIN }))).text();
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.doesNotMatch(page, /<img src=x|<script>alert/);
  });
});

describe('demo app: odd requests', () => {
  test('markup in the path and the query is escaped or ignored, never reflected as HTML', async () => {
    for (const path of ['/?lang=<script>alert(1)</script>', '/<script>alert(1)</script>', '/admin/%3Cimg%20src=x%20onerror=alert(1)%3E', `/?lang=${'x'.repeat(10_000)}`]) {
      const response = await app.fetch(new Request(`${ORIGIN}${path}`, { headers: ADMIN }));
      assert.ok(response.status < 500, path);
      const text = await response.text();
      assert.doesNotMatch(text, /<script>alert|<img src=x/, path);
    }
  });

  test('odd methods and paths under the API get a 4xx problem, never a 500', async () => {
    for (const [method, path] of [['DELETE', API_BASE], ['PATCH', `${API_BASE}/config`], ['POST', `${API_BASE}/config`], ['PUT', API_BASE], ['GET', `${API_BASE}/..%2F..%2Fetc%2Fpasswd`], ['GET', `${API_BASE}/${'a'.repeat(5000)}`], ['TRACE', API_BASE]] as const) {
      let request: Request;
      try {
        request = new Request(`${ORIGIN}${path}`, { method, headers: ADMIN });
      } catch {
        continue; // TRACE is not a method fetch lets anyone send.
      }
      const response = await app.fetch(request);
      assert.ok(response.status >= 400 && response.status < 500, `${method} ${path}: ${response.status}`);
    }
  });
});
