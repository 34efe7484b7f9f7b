// The SDK handler and the demo site on arbitrary requests (method, path, headers, content type,
// body bytes), under random handler options: only documented statuses, every error a
// problem+json, never a 500; and every request the store keeps passes validation.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { METHODS } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultConfig, validateSubmission, type FormConfig } from '@account-request/sdk';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore, problem, type RequestStore } from '@account-request/sdk/server';
import { API_BASE, createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { configLike, hostileJson, nearValidSubmissionFor, validConfig } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

/**
 * The statuses CONTRACT.md and the handler's docs name: 202/204 answer the admin's processing and
 * preflight routes, 410 an expired activation link, 501 a feature the configured store or
 * options lack (a capability answer, not a crash). Never 500.
 */
const DOCUMENTED = new Set([200, 201, 202, 204, 304, 400, 401, 403, 404, 405, 409, 410, 412, 413, 415, 422, 428, 429, 501, 503]);
const ORIGIN = 'https://shop.test';
const BASE = '/api/account-requests';
const ADMIN = 'Bearer fuzz-admin';

const printable = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.:/=;," *'.split('')), maxLength: 40 });
const headerValue = (common: readonly string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: printable }, { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }) });

const method = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,8}$/) });

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(BASE, `${BASE}/`, `${BASE}/config`, `${BASE}/config/`, `${BASE}/3f9c1d2e-aaaa-4bbb-8ccc-123456789abc`, `${BASE}?limit=5&offset=1`, `${BASE}?limit=-1`, `${BASE}?limit=99999999999`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(BASE, `${BASE}/`, '/', ''), fc.webSegment(), fc.webQueryParameters()).map(([base, segment, query]) => `${base}${segment}?${query}`) },
  { weight: 1, arbitrary: fc.constantFrom(`${BASE}/../config`, `${BASE}//config`, `${BASE.toUpperCase()}/CONFIG`, `${BASE}/%2e%2e/config`, `${BASE}/${'a'.repeat(65)}`, `${BASE}/config%00`, '/api/account-requestsX') },
);

const contentType = headerValue(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=XYZ', 'multipart/form-data', 'text/plain', 'application/problem+json', '']);

const headers = fc.record(
  {
    'Content-Type': contentType,
    'Idempotency-Key': headerValue(['key-1', 'key-2', 'a'.repeat(255), 'a'.repeat(256), '']),
    'If-Match': headerValue(['*', '"stale"', 'W/"weak"', '"a", "b"', '']),
    'If-None-Match': headerValue(['*', '"x"', 'W/"x"']),
    Origin: headerValue([ORIGIN, 'https://partner.test', 'https://evil.test', 'null', 'http://shop.test']),
    'Sec-Fetch-Site': headerValue(['same-origin', 'same-site', 'cross-site', 'none']),
    Authorization: headerValue([ADMIN, 'Bearer nope', 'Basic YWRtaW46YWRtaW4=', '']),
    'Accept-Language': headerValue(['fr-FR,fr;q=0.9', 'en', '*', '']),
    'X-Forwarded-For': headerValue(['203.0.113.7', '203.0.113.8, 10.0.0.1', 'garbage', '']),
    'Content-Length': headerValue(['0', '10', '99999999', '-1', 'abc']),
  },
  { requiredKeys: [] },
);

const multipart = fc.dictionary(fc.constantFrom('companyName', 'email', 'confirmed', 'locale', '__proto__', 'x'), fc.string({ maxLength: 20 }), { maxKeys: 5 }).map((fields) =>
  `${Object.entries(fields).map(([name, value]) => `--XYZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--XYZ--\r\n`,
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  { weight: 4, arbitrary: nearValidSubmissionFor(defaultConfig(), 3).map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 2, arbitrary: fc.oneof(configLike, validConfig).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('companyName', 'lastName', 'email', 'confirmed', 'locale', 'nickname', '__proto__'), fc.string({ maxLength: 20 })).map((fields) => new URLSearchParams(fields).toString()) },
  { weight: 1, arbitrary: multipart },
  { weight: 1, arbitrary: fc.constantFrom('{"values":', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"values":{}}'.repeat(200)) },
);

const options = fc.record({
  maxBodyBytes: fc.constantFrom(256, 4096, 64 * 1024),
  rateLimit: fc.option(fc.record({ windowMs: fc.constantFrom(1000, 60_000), max: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
  trustProxy: fc.boolean(),
  allowedOrigins: fc.constantFrom([], ['https://partner.test'], ['null']),
  authorize: fc.constantFrom('bearer', 'none', 'response', 'throws'),
  failingStore: fc.boolean(),
  configEnabled: fc.boolean(),
});

const randomRequest = fc.record({ method, path, headers, body });

// Well-formed requests with a few fuzzed parts: random noise alone would stop at the first
// check (content type, origin, key) and never reach validation, storage or the config rules.
const overrides = fc.array(fc.tuple(fc.constantFrom('Content-Type', 'Idempotency-Key', 'Origin', 'Authorization', 'If-Match', 'X-Forwarded-For', 'Content-Length', 'Sec-Fetch-Site'), headerValue(['', 'x'])), { maxLength: 2 });
const submitRequest = fc
  .record({
    key: fc.constantFrom('key-a', 'key-b', 'key-c'),
    origin: fc.constantFrom(undefined, ORIGIN, 'https://partner.test'),
    body: fc.oneof({ weight: 5, arbitrary: nearValidSubmissionFor(defaultConfig(), 2).map((value) => JSON.stringify(value)) }, { weight: 1, arbitrary: body }),
    overrides,
  })
  .map(({ key, origin, body: payload, overrides: changes }) => ({
    method: 'POST',
    path: BASE,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Forwarded-For': '203.0.113.9', ...(origin ? { Origin: origin } : {}), ...Object.fromEntries(changes) },
    body: payload,
  }));
const configRequest = fc
  .record({ body: fc.oneof(validConfig.map((value) => JSON.stringify(value)), configLike.map((value) => JSON.stringify(value)), body), ifMatch: fc.constantFrom('*', '"stale"'), overrides })
  .map(({ body: payload, ifMatch, overrides: changes }) => ({
    method: 'PUT',
    path: `${BASE}/config`,
    headers: { 'Content-Type': 'application/json', Authorization: ADMIN, 'If-Match': ifMatch, ...Object.fromEntries(changes) },
    body: payload,
  }));
const request = fc.oneof({ weight: 5, arbitrary: submitRequest }, { weight: 2, arbitrary: configRequest }, { weight: 3, arbitrary: randomRequest });
type Fuzzed = { method: string; path: string; headers: Partial<Record<string, string>>; body: string | Uint8Array | undefined };

/** A Request from fuzzed parts, or undefined when fetch itself refuses them (forbidden method, bad header byte). */
function build({ method: verb, path: target, headers: fields, body: payload }: Fuzzed): Request | undefined {
  try {
    const init: RequestInit = { method: verb, headers: Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined) };
    if (payload !== undefined && !['GET', 'HEAD'].includes(verb.toUpperCase())) init.body = payload as BodyInit;
    return new Request(`${ORIGIN}${target.startsWith('/') ? '' : '/'}${target}`, init);
  } catch {
    return undefined;
  }
}

/** A store whose calls fail one time in three: 503s, never 500s, and nothing half-stored. */
function flaky(store: RequestStore, seed: number): RequestStore {
  let n = seed;
  const maybeFail = <T>(call: () => Promise<T>): Promise<T> => ((n = (n * 1103515245 + 12345) % 2 ** 31) % 3 === 0 ? Promise.reject(new Error('store down')) : call());
  return {
    ...store,
    create: (record, options) => maybeFail(() => store.create(record, options)),
    claimIdempotencyKey: (key, hash, leaseMs) => maybeFail(() => store.claimIdempotencyKey(key, hash, leaseMs)),
    list: (query) => maybeFail(() => store.list(query)),
  };
}

async function checkResponse(response: Response, verb: string): Promise<void> {
  const status = response.status;
  assert.ok(DOCUMENTED.has(status), `undocumented status ${status}`);
  if (status >= 400 && verb.toUpperCase() !== 'HEAD') {
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, `status ${status} without problem+json`);
    const problem = (await response.json()) as { status: number; title: string; detail: string };
    assert.equal(problem.status, status);
    assert.equal(typeof problem.detail, 'string');
  } else {
    await response.arrayBuffer();
  }
}

describe('fuzz: the SDK handler on arbitrary requests', () => {
  test('answers only documented statuses, problem+json for errors, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(options, fc.array(request, { minLength: 1, maxLength: 6 }), fc.nat(), async (chosen, requests, seed) => {
        const memory = createMemoryStore();
        const store = chosen.failingStore ? flaky(memory, seed) : memory;
        const config = chosen.configEnabled ? defaultConfig() : { ...defaultConfig(), enabled: false };
        const configs = createMemoryConfigStore(config);
        const authorize = {
          bearer: (r: Request) => r.headers.get('Authorization') === ADMIN,
          none: undefined,
          response: () => problem(403, 'Not for you.'),
          throws: () => {
            throw new Error('auth backend down');
          },
        }[chosen.authorize];
        const handler = createAccountRequestHandler({
          loadConfig: configs.loadConfig,
          saveConfig: configs.saveConfig,
          store,
          basePath: BASE,
          maxBodyBytes: chosen.maxBodyBytes,
          trustProxy: chosen.trustProxy,
          allowedOrigins: chosen.allowedOrigins,
          // PBKDF2 at 600,000 iterations would make each run take a second; hashing is not under test.
          hashPassword: async (password) => `test$${password.length}`,
          ...(authorize ? { authorize } : {}),
          ...(chosen.rateLimit ? { rateLimit: chosen.rateLimit } : {}),
        });
        for (const parts of requests) {
          const built = build(parts);
          if (!built) continue;
          await checkResponse(await handler(built), built.method);
        }
        // Whatever got in is valid for the config it was sent under (admins may have changed it).
        const current = (await configs.loadConfig()) as FormConfig;
        for (const record of await memory.list({ limit: 1000 })) {
          const result = validateSubmission(current, { values: record.values, confirmed: true }, {});
          if (current === config) assert.ok(result.success, `stored an invalid request: ${JSON.stringify(record.values)}`);
        }
      }),
      fuzzParameters(250, 0.25),
    );
  });
});

describe('fuzz: the demo site on arbitrary requests', () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-demo-'));
  let app: DemoApp | undefined;
  after(() => {
    app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('pages, assets and API never answer a 500 (only 503 for a failing dependency, 501 for a missing capability)', async () => {
    app = await createDemoApp({
      dataDir: join(root, 'data'),
      adminPassword: 'fuzz-password',
      rateLimit: { max: 50, windowMs: 60_000 },
      assets: stubAssetPaths(root),
    });
    const demo = app;
    const site = fc.oneof(path, fc.constantFrom('/', '/?lang=en', '/admin', '/admin/', '/assets/account-request-form.bundle.js', '/assets/site.css', '/assets/../../etc/passwd', '/favicon.svg', '/nope'));
    const basic = `Basic ${Buffer.from('admin:fuzz-password').toString('base64')}`;
    // Methods Node's HTTP parser lets through: Hono's router throws on a method named like an
    // Object.prototype member (`valueOf`), which only a direct fetch() call could send.
    const siteMethod = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) });
    const siteRequest = fc.record({ method: siteMethod, path: site, headers: headers.map((fields) => ({ ...fields, ...(fields.Authorization === ADMIN ? { Authorization: basic } : {}) })), body });
    await fc.assert(
      fc.asyncProperty(siteRequest, async (parts) => {
        const built = build(parts);
        if (!built) return;
        const response = await demo.fetch(built);
        assert.ok(response.status < 500 || response.status === 501 || response.status === 503, `${parts.method} ${parts.path}: ${response.status}`);
        await response.arrayBuffer();
      }),
      fuzzParameters(400),
    );
  });
});
