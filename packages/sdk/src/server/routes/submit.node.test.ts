import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { HONEYPOT_FIELD } from '../../catalog.js';
import { defaultConfig, setRequired, updateSettings } from '../../config/index.js';
import { verifyPassword } from '../passwords/password.js';
import { createMemoryStore, type RequestStore } from '../stores/store.js';
import { ADMIN, assertProblem, BASE, get, ORIGIN, post, put, setup, URL_BASE, validBody } from '../test-helpers/setup.js';

describe('POST {base}: creation', () => {
  test('201 with id, pending status (stored as new), access and Location; the request is stored without extra keys', async () => {
    const { handler, store } = setup();
    const response = await handler(post({ ...validBody(), values: { ...validBody()['values'] as object, unknownKey: 'x' } }));
    assert.equal(response.status, 201);
    const body = (await response.json()) as { id: string; status: string; access: string };
    assert.equal(body.status, 'pending');
    assert.equal(body.access, 'full');
    assert.equal(response.headers.get('Location'), `${BASE}/${body.id}`);
    const record = await store.get(body.id);
    assert.equal(record?.values['companyName'], 'Acme SAS');
    assert.equal(record?.locale, 'fr');
    assert.equal(record?.status, 'new', 'the wire says pending; the record starts its lifecycle as new');
    assert.equal(Object.hasOwn(record?.values ?? {}, 'unknownKey'), false);
  });

  for (const [setting, access] of [['none', 'full'], ['block-purchase', 'browse-only'], ['block-login', 'none']] as const) {
    test(`access follows unvalidatedAccounts: ${setting} → ${access}`, async () => {
      const { handler, store } = setup({ config: updateSettings(defaultConfig(), { unvalidatedAccounts: setting }) });
      const body = (await (await handler(post(validBody()))).json()) as { id: string; access: string };
      assert.equal(body.access, access);
      assert.equal((await store.get(body.id))?.access, access);
    });
  }

  test('application/x-www-form-urlencoded and multipart/form-data are read like JSON', async () => {
    const { handler, store } = setup();
    const fields = Object.entries({ ...(validBody()['values'] as Record<string, string>), confirmed: 'true', locale: 'en' });
    const urlencoded = await handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'form-1' }, body: new URLSearchParams(fields) }));
    assert.equal(urlencoded.status, 201);
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const multipart = await handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'form-2' }, body: form }));
    assert.equal(multipart.status, 201);
    const records = await store.list();
    assert.equal(records.length, 2);
    assert.equal(records[0]?.values['city'], 'Paris');
    assert.equal(records[0]?.locale, 'en');
  });

  test('a Request without a body stream (Firefox has none: a handler in a page or a service worker there) is read whole, in each encoding', async () => {
    const { handler, store } = setup({ maxBodyBytes: 4096 });
    const fields = Object.entries({ ...(validBody()['values'] as Record<string, string>), confirmed: 'true', locale: 'en' });
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const bodyless = (request: Request): Request => Object.defineProperty(request, 'body', { value: undefined });
    const sent = [
      post(validBody(), { key: 'ff-json' }),
      new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'ff-urlencoded' }, body: new URLSearchParams(fields) }),
      new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'ff-multipart' }, body: form }),
    ];
    for (const request of sent) {
      const response = await handler(bodyless(request));
      assert.equal(response.status, 201, await response.clone().text());
    }
    assert.deepEqual((await store.list()).map((record) => record.values['companyName']), ['Acme SAS', 'Acme SAS', 'Acme SAS']);
    // The limit still holds: a body over maxBodyBytes without a Content-Length to refuse it by.
    const large = bodyless(post({ ...validBody(), values: { ...(validBody()['values'] as object), remarks: 'x'.repeat(5000) } }, { key: 'ff-large' }));
    await assertProblem(await handler(large), 413);
    assert.equal((await store.list()).length, 3);
  });

  test('a urlencoded body whose escapes are not UTF-8 is a 400, as its raw bytes are; a lone % stays a %', async () => {
    const { handler, store } = setup();
    const fields = new URLSearchParams({ ...(validBody()['values'] as Record<string, string>), confirmed: 'true', locale: 'en' });
    const send = (body: string, key: string) => handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': key, 'Content-Type': 'application/x-www-form-urlencoded' }, body }));
    for (const [i, broken] of ['city=%FF%FE', 'city=%C3', 'ci%E9ty=Paris', 'city=%ED%A0%80'].entries()) {
      const problem = await assertProblem(await send(`${fields.toString().replace(/city=[^&]*/, '')}&${broken}`, `bad-${i}`), 400);
      assert.match(String(problem['detail']), /could not be parsed/, broken);
    }
    assert.deepEqual(await store.list(), []);
    const kept = await send(`${fields.toString()}&remarks=100%+sure%2C+50%`, 'ok');
    assert.equal(kept.status, 201, await kept.clone().text());
  });

  test('a classic form without confirmed is a 422 on confirmed; a file part is a 400', async () => {
    const { handler } = setup();
    const body = new URLSearchParams(validBody()['values'] as Record<string, string>);
    const unconfirmed = await assertProblem(await handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'k' }, body })), 422);
    assert.deepEqual((unconfirmed['errors'] as { field: string }[]).map((e) => e.field), ['confirmed']);
    const form = new FormData();
    form.append('companyName', new Blob(['x']), 'x.txt');
    await assertProblem(await handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'k2' }, body: form })), 400);
  });
});

describe('POST {base}: refusals', () => {
  test('422 problem+json lists field errors with codes and localized messages', async () => {
    const { handler, store } = setup();
    const body = await assertProblem(await handler(post({ values: { ...validBody()['values'] as object, email: 'nope', postalCode: '' }, confirmed: false, locale: 'fr' })), 422);
    const errors = body['errors'] as { field: string; code: string; message: string }[];
    assert.deepEqual(errors.map((e) => [e.field, e.code]), [['email', 'invalid_format'], ['postalCode', 'required'], ['confirmed', 'not_confirmed']]);
    assert.ok(errors.every((e) => e.message.length > 0));
    assert.equal((await store.list()).length, 0);
  });

  test('415 for other content types, with Accept-Post', async () => {
    const { handler } = setup();
    for (const type of ['text/plain', 'application/xml', '']) {
      const request = new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': type, 'Idempotency-Key': 'k' }, body: '{}' });
      const response = await handler(request);
      await assertProblem(response, 415);
      assert.match(response.headers.get('Accept-Post') ?? '', /application\/json/);
    }
  });

  test('400 for malformed JSON and for invalid UTF-8', async () => {
    const { handler } = setup();
    await assertProblem(await handler(post('{"values": ')), 400);
    const bad = new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await assertProblem(await handler(bad), 400);
  });

  test('400 for JSON nested deeper than 32 levels, not a stack overflow', async () => {
    const { handler } = setup();
    const depth = 20_000;
    const body = `{"values":{"companyName":${'['.repeat(depth)}${']'.repeat(depth)}},"confirmed":true}`;
    await assertProblem(await handler(post(body)), 400);
    const config = await handler(put(`{"fields":${'['.repeat(depth)}${']'.repeat(depth)}}`, { 'If-Match': '*' }));
    await assertProblem(config, 400);
  });

  test('400 when the Idempotency-Key is missing, too long or not printable ASCII', async () => {
    const { handler, store } = setup();
    for (const key of [null, 'k'.repeat(256), 'clé', 'a b']) {
      await assertProblem(await handler(post(validBody(), { key })), 400);
    }
    assert.equal((await handler(post(validBody(), { key: 'k'.repeat(255) }))).status, 201);
    assert.equal((await store.list()).length, 1);
  });

  test('413 when Content-Length announces more than maxBodyBytes', async () => {
    const { handler } = setup({ maxBodyBytes: 100 });
    const body = JSON.stringify(validBody());
    const request = new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k', 'Content-Length': String(body.length) }, body });
    await assertProblem(await handler(request), 413);
  });

  test('413 for a streamed body over the limit, reading no more than the limit plus one chunk', async () => {
    const { handler } = setup({ maxBodyBytes: 4096 });
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request(URL_BASE, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' }, body: stream, duplex: 'half' } as RequestInit);
    await assertProblem(await handler(request), 413);
    assert.ok(pulled <= 4096 + 2 * 1024, `read ${pulled} bytes of an endless body`);
    assert.equal(cancelled, true);
  });

  test('403 when the config is disabled', async () => {
    const { handler, store } = setup({ config: updateSettings(defaultConfig(), { enabled: false }) });
    await assertProblem(await handler(post(validBody())), 403);
    assert.equal((await store.list()).length, 0);
  });

  test('503 when the config cannot be loaded or is invalid', async () => {
    const failing = setup({ loadConfig: () => Promise.reject(new Error('db down')) });
    await assertProblem(await failing.handler(post(validBody())), 503);
    const invalid = setup({ loadConfig: () => ({ version: 'x', fields: 3 }) });
    await assertProblem(await invalid.handler(post(validBody())), 503);
  });
});

describe('POST {base}: cross-site requests', () => {
  test('403 for Sec-Fetch-Site: cross-site, a foreign Origin or Origin: null', async () => {
    const { handler, store } = setup();
    for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.test' }, { Origin: 'null' }, { Origin: 'http://shop.test' }]) {
      await assertProblem(await handler(post(validBody(), { headers })), 403);
    }
    assert.equal((await store.list()).length, 0);
  });

  test('same origin, same-site fetches and non-browser clients pass', async () => {
    const { handler } = setup();
    for (const headers of [{ Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' }, { 'Sec-Fetch-Site': 'same-site' }, {}]) {
      assert.equal((await handler(post(validBody(), { headers }))).status, 201);
    }
  });

  test('an origin in allowedOrigins passes and gets CORS headers, also on the preflight', async () => {
    const { handler } = setup({ allowedOrigins: ['https://partner.test'] });
    const headers = { Origin: 'https://partner.test', 'Sec-Fetch-Site': 'cross-site' };
    const response = await handler(post(validBody(), { headers }));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'https://partner.test');
    const preflight = await handler(new Request(URL_BASE, { method: 'OPTIONS', headers: { Origin: 'https://partner.test', 'Access-Control-Request-Method': 'POST' } }));
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);
    const refused = await handler(new Request(URL_BASE, { method: 'OPTIONS', headers: { Origin: 'https://evil.test' } }));
    assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
    // The config answers the shop's own page without CORS headers: it says it varies by Origin,
    // so a shared cache does not give that copy to the partner's page.
    const own = await handler(new Request(`${URL_BASE}/config`));
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(own.headers.get('Vary'), 'Origin');
    const partner = await handler(new Request(`${URL_BASE}/config`, { headers }));
    assert.equal(partner.headers.get('Access-Control-Allow-Origin'), 'https://partner.test');
    assert.equal(partner.headers.get('Vary'), 'Origin');
    assert.equal((await setup().handler(new Request(`${URL_BASE}/config`))).headers.get('Vary'), null, 'no foreign origin allowed: nothing varies');
  });
});

describe('POST {base}: honeypot and password', () => {
  test('a filled honeypot gets a 201 lookalike and nothing is stored', async () => {
    const { handler, store } = setup();
    const response = await handler(post(validBody({ [HONEYPOT_FIELD]: 'Bot' })));
    assert.equal(response.status, 201);
    const body = (await response.json()) as { id: string; status: string };
    assert.equal(body.status, 'pending');
    assert.equal(await store.get(body.id), undefined);
    assert.equal((await store.list()).length, 0);
    assert.equal((await handler(post(validBody({ [HONEYPOT_FIELD]: '' })))).status, 201);
    assert.equal((await store.list()).length, 1);
  });

  test('the password is hashed with PBKDF2 (600,000 iterations), never stored, listed or echoed in clear', async () => {
    const password = 'correct horse battery staple';
    const { handler, store } = setup({ config: setRequired(defaultConfig(), 'password', true) });
    const response = await handler(post(validBody({ password })));
    const text = await response.text();
    assert.equal(response.status, 201);
    assert.doesNotMatch(text, /horse/);
    const { id } = JSON.parse(text) as { id: string };
    const record = await store.get(id);
    assert.equal(record?.values['password'], undefined);
    assert.match(record?.passwordHash ?? '', /^\$pbkdf2-sha256\$i=600000\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword(password, record?.passwordHash ?? ''), true);
    assert.equal(await verifyPassword('wrong horse battery staple', record?.passwordHash ?? ''), false);
    const listed = await (await handler(get('', ADMIN))).text();
    assert.doesNotMatch(listed, /horse|pbkdf2|password/i);
    const one = await (await handler(get(`/${id}`, ADMIN))).text();
    assert.doesNotMatch(one, /horse|pbkdf2|password/i);
  });

  test('a common password is a 422 too_common on the field, from the built-in list browsers never load', async () => {
    const { handler, store } = setup({ config: setRequired(defaultConfig(), 'password', true) });
    const problem = await assertProblem(await handler(post(validBody({ password: 'MotDePasse123', lastName: '' }))), 422);
    assert.deepEqual((problem['errors'] as { field: string; code: string }[]).map((e) => [e.field, e.code]), [['lastName', 'required'], ['password', 'too_common']]);
    assert.match((problem['errors'] as { message: string }[])[1]!.message, /trop courant/);
    assert.equal((await store.list()).length, 0);
    assert.equal((await handler(post(validBody({ password: 'correct horse battery staple' })))).status, 201);
  });

  test('isCommonPassword replaces the built-in list and may answer with a promise (a range query)', async () => {
    const asked: string[] = [];
    const isCommonPassword = async (password: string) => (asked.push(password), password === 'correct horse battery staple');
    const { handler, store } = setup({ config: setRequired(defaultConfig(), 'password', true), isCommonPassword });
    const problem = await assertProblem(await handler(post(validBody({ password: 'correct horse battery staple' }))), 422);
    assert.deepEqual(problem['errors'], [{ field: 'password', code: 'too_common', message: 'Ce mot de passe est trop courant : choisissez-en un autre.' }]);
    assert.equal((await handler(post(validBody({ password: 'password1234' })))).status, 201, 'the built-in list no longer applies');
    await assertProblem(await handler(post(validBody({ password: 'court' }))), 422);
    assert.deepEqual(asked, ['correct horse battery staple', 'password1234'], 'not asked about a too-short password');
    assert.equal((await store.list()).length, 1);
  });

  test('an isCommonPassword that throws or rejects is a 503, and nothing is stored', async () => {
    for (const isCommonPassword of [() => Promise.reject(new Error('range API down')), (): boolean => { throw new Error('bug'); }]) {
      const { handler, store } = setup({ config: setRequired(defaultConfig(), 'password', true), isCommonPassword });
      const response = await handler(post(validBody({ password: 'correct horse battery staple' }), { key: 'k' }));
      await assertProblem(response, 503);
      assert.ok(response.headers.get('Retry-After'));
      assert.equal((await store.list()).length, 0);
    }
  });
});

describe('POST {base}: rate limit', () => {
  test('429 with Retry-After past max per window, per client key; a new window lets it through', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    // Two proxies: the client's address, then the first proxy's.
    const { handler } = setup({ rateLimit: { windowMs: 60_000, max: 2 }, trustProxy: 2, now: () => new Date(now) });
    const from = (ip: string) => ({ headers: { 'X-Forwarded-For': `${ip}, 10.0.0.1` } });
    assert.equal((await handler(post(validBody(), from('203.0.113.1')))).status, 201);
    assert.equal((await handler(post(validBody(), from('203.0.113.1')))).status, 201);
    const limited = await handler(post(validBody(), from('203.0.113.1')));
    await assertProblem(limited, 429);
    assert.equal(limited.headers.get('Retry-After'), '60');
    assert.equal((await handler(post(validBody(), from('203.0.113.2')))).status, 201);
    now += 60_000;
    assert.equal((await handler(post(validBody(), from('203.0.113.1')))).status, 201);
  });

  test('behind one trusted proxy, the entry it appended counts: forged entries to its left buy nothing', async () => {
    const { handler } = setup({ rateLimit: { windowMs: 60_000, max: 1 }, trustProxy: true, clientAddress: () => '198.51.100.9' });
    assert.equal((await handler(post(validBody(), { headers: { 'X-Forwarded-For': '1.1.1.1, 203.0.113.5' } }))).status, 201);
    await assertProblem(await handler(post(validBody(), { headers: { 'X-Forwarded-For': '2.2.2.2, 203.0.113.5' } })), 429);
    // Not an address where the proxy's entry should be: the socket's peer decides.
    assert.equal((await handler(post(validBody(), { headers: { 'X-Forwarded-For': 'evil.example' } }))).status, 201);
    await assertProblem(await handler(post(validBody(), { headers: { 'X-Forwarded-For': 'unknown' } })), 429);
  });

  test('without trustProxy, X-Forwarded-For is ignored and clientAddress decides', async () => {
    const { handler } = setup({ rateLimit: { windowMs: 60_000, max: 1 }, clientAddress: () => '198.51.100.7' });
    assert.equal((await handler(post(validBody(), { headers: { 'X-Forwarded-For': '1.1.1.1' } }))).status, 201);
    await assertProblem(await handler(post(validBody(), { headers: { 'X-Forwarded-For': '2.2.2.2' } })), 429);
  });
});

describe('POST {base}: hostile input', () => {
  test('no JSON body, however odd, gets a 500 (fast-check)', async () => {
    const { handler } = setup();
    const values = fc.dictionary(fc.oneof(fc.constantFrom('email', 'country', '__proto__', 'constructor', HONEYPOT_FIELD, 'password'), fc.string()), fc.jsonValue());
    const body = fc.oneof(fc.jsonValue(), fc.record({ values, confirmed: fc.jsonValue(), locale: fc.jsonValue() }, { requiredKeys: [] }));
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const response = await handler(post(JSON.stringify(value) ?? 'null'));
        assert.ok([201, 400, 413, 422].includes(response.status), `status ${response.status}`);
        assert.match(response.headers.get('Content-Type') ?? '', /json/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('POST {base}: store failures', () => {
  test('503 when the store fails, and the key is freed for the retry', async () => {
    const memory = createMemoryStore();
    let failing = true;
    const store: RequestStore = { ...memory, create: (record, options) => (failing ? Promise.reject(new Error('disk full')) : memory.create(record, options)) };
    const { handler } = setup({ store });
    const failed = await handler(post(validBody(), { key: 'retry-me' }));
    await assertProblem(failed, 503);
    assert.ok(failed.headers.get('Retry-After'));
    failing = false;
    assert.equal((await handler(post(validBody(), { key: 'retry-me' }))).status, 201);
  });

  test('503 when a custom hashPassword fails', async () => {
    const { handler, store } = setup({ config: setRequired(defaultConfig(), 'password', true), hashPassword: () => Promise.reject(new Error('kms down')) });
    await assertProblem(await handler(post(validBody({ password: 'correct horse battery staple' }))), 503);
    assert.equal((await store.list()).length, 0);
  });

  test('409 while another process holds the key', async () => {
    const store: RequestStore = { ...createMemoryStore(), claimIdempotencyKey: async () => ({ state: 'in_progress' }) };
    const { handler } = setup({ store });
    const response = await handler(post(validBody()));
    await assertProblem(response, 409);
    assert.equal(response.headers.get('Retry-After'), '1');
  });
});
