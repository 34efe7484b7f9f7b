import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { defaultConfig } from '../config/index.js';
import { createClient } from './client.js';
import { isSubmissionError, type SubmissionError } from './errors.js';

const BASE = 'http://api.test/api/account-requests';
const CREATED = { id: 'r1', status: 'pending', access: 'full' };
const server = setupServer();

before(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

/** A fast client: 1 ms between retries, Retry-After capped at 5 ms, 50 ms timeout. */
const client = (options: { timeout?: number } = {}) => createClient({ base: BASE, timeout: options.timeout ?? 50, retry: { limit: 2, delay: () => 1, maxRetryAfter: 5 } });

/** Answers each POST with the next of `replies` (the last one repeats), recording the requests. */
function scriptPost(...replies: (() => Response | Promise<Response>)[]) {
  const seen: Request[] = [];
  server.use(
    http.post(BASE, ({ request }) => {
      seen.push(request.clone());
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)];
      return reply ? reply() : new HttpResponse(null, { status: 500 });
    }),
  );
  return seen;
}

const created = () => HttpResponse.json(CREATED, { status: 201 });
const status = (code: number, headers: Record<string, string> = {}) => () => HttpResponse.json({ type: 'about:blank', title: 't', status: code, detail: `d${code}` }, { status: code, headers: { 'Content-Type': 'application/problem+json', ...headers } });

async function submitError(promise: Promise<unknown>): Promise<SubmissionError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isSubmissionError(error), `expected a SubmissionError, got ${String(error)}`);
    assert.ok(!['HTTPError', 'TimeoutError'].includes((error as Error).name));
    return error;
  }
  assert.fail('expected a rejection');
}

const submit = (c = client()) => c.submit({ companyName: 'Acme', newsletter: true }, { idempotencyKey: 'key-1', locale: 'fr' });

describe('client.submit', () => {
  test('POSTs { values, confirmed: true, locale } as JSON with the Idempotency-Key and returns the result', async () => {
    const seen = scriptPost(created);
    assert.deepEqual(await submit(), CREATED);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.headers.get('Idempotency-Key'), 'key-1');
    assert.match(seen[0]?.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.deepEqual(await seen[0]?.json(), { values: { companyName: 'Acme', newsletter: true }, confirmed: true, locale: 'fr' });
  });

  for (const code of [408, 502, 503, 504]) {
    test(`retries ${code} with the same Idempotency-Key, then succeeds`, async () => {
      const seen = scriptPost(status(code), status(code), created);
      assert.deepEqual(await submit(), CREATED);
      assert.equal(seen.length, 3);
      assert.deepEqual(new Set(seen.map((r) => r.headers.get('Idempotency-Key'))), new Set(['key-1']));
    });
  }

  test('5xx retried until the limit: kind server with the status', async () => {
    const seen = scriptPost(status(503));
    const error = await submitError(submit());
    assert.equal(seen.length, 3);
    assert.deepEqual([error.kind, error.status, error.url], ['server', 503, BASE]);
  });

  test('429 honours Retry-After in seconds and as an HTTP-date (capped), then succeeds', async () => {
    const seen = scriptPost(status(429, { 'Retry-After': '0' }), status(429, { 'Retry-After': new Date(Date.now() + 3_600_000).toUTCString() }), created);
    assert.deepEqual(await submit(), CREATED);
    assert.equal(seen.length, 3);
  });

  test('429 after the retries: kind server, status 429 and retryAfter in seconds', async () => {
    const seen = scriptPost(status(429, { 'Retry-After': '120' }));
    const error = await submitError(submit());
    assert.equal(seen.length, 3);
    assert.deepEqual([error.kind, error.status, error.retryAfter], ['server', 429, 120]);
  });

  test('retry.statusCodes without 429: the rate limit reaches the caller at once; 503 and network errors are still retried', async () => {
    const c = createClient({ base: BASE, timeout: 50, retry: { delay: () => 1, statusCodes: [502, 503, 504] } });
    const limited = scriptPost(status(429, { 'Retry-After': '0' }), created);
    const error = await submitError(submit(c));
    assert.equal(limited.length, 1);
    assert.deepEqual([error.kind, error.status, error.retryAfter], ['server', 429, 0]);
    const unavailable = scriptPost(status(503), () => HttpResponse.error(), created);
    assert.deepEqual(await submit(c), CREATED);
    assert.equal(unavailable.length, 3);
  });

  test('network errors are retried, then reported as kind network', async () => {
    const seen = scriptPost(() => HttpResponse.error(), created);
    assert.deepEqual(await submit(), CREATED);
    assert.equal(seen.length, 2);
    const always = scriptPost(() => HttpResponse.error());
    const error = await submitError(submit());
    assert.equal(always.length, 3);
    assert.equal(error.kind, 'network');
    assert.equal(error.status, undefined);
    assert.ok(error.cause);
  });

  test('timeouts are retried, then reported as kind network', async () => {
    const seen = scriptPost(async () => {
      await delay(300);
      return created();
    });
    const error = await submitError(submit(client({ timeout: 20 })));
    assert.equal(seen.length, 3);
    assert.equal(error.kind, 'network');
    const recovering = scriptPost(async () => {
      await delay(300);
      return created();
    }, created);
    assert.deepEqual(await submit(client({ timeout: 20 })), CREATED);
    assert.equal(recovering.length, 2);
  });

  for (const code of [400, 403, 409, 413, 415, 500]) {
    test(`${code} is not retried: kind server with the status and the problem detail`, async () => {
      const seen = scriptPost(status(code));
      const error = await submitError(submit());
      assert.equal(seen.length, 1);
      assert.deepEqual([error.kind, error.status, error.message], ['server', code, `d${code}`]);
    });
  }

  test('422 is not retried and maps the problem errors to kind validation', async () => {
    const errors = [{ field: 'postalCode', code: 'invalid_format', message: 'Code postal invalide' }, { field: 'x', code: 1 }];
    const seen = scriptPost(() => HttpResponse.json({ type: 'about:blank', title: 'Invalid', status: 422, detail: 'Fix', errors }, { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await submitError(submit());
    assert.equal(seen.length, 1);
    assert.equal(error.kind, 'validation');
    assert.equal(error.status, 422);
    assert.deepEqual(error.errors, [errors[0]]);
  });

  test('a 422 without field errors (key reused) is kind server', async () => {
    scriptPost(status(422));
    assert.equal((await submitError(submit())).kind, 'server');
  });

  test('an unexpected 2xx body is kind server', async () => {
    scriptPost(() => HttpResponse.json({ ok: true }, { status: 201 }));
    assert.equal((await submitError(submit())).kind, 'server');
    scriptPost(() => new HttpResponse('<html>', { status: 200 }));
    assert.equal((await submitError(submit())).kind, 'server');
  });

  test('each failure says its reason, whether sending it again may succeed, and whether soon', async () => {
    const once = createClient({ base: BASE, timeout: 50, retry: 0 });
    const cases: [() => Response | Promise<Response>, string, string, boolean, boolean][] = [
      [() => HttpResponse.error(), 'offline', 'network', true, true],
      [status(408), 'timeout', 'network', true, true],
      [status(429, { 'Retry-After': '30' }), 'rate-limited', 'server', true, true],
      [status(500), 'server', 'server', true, false],
      [status(503), 'server', 'server', true, true],
      [() => new HttpResponse('{"id":', { status: 201 }), 'lost', 'server', true, false],
      [status(422), 'key-reused', 'server', false, false],
      [status(403), 'rejected', 'server', false, false],
      [status(413), 'rejected', 'server', false, false],
      [() => HttpResponse.json({ status: 422, errors: [{ field: 'email', code: 'required', message: 'm' }] }, { status: 422 }), 'validation', 'validation', false, false],
    ];
    for (const [reply, reason, kind, retryable, transient] of cases) {
      scriptPost(reply);
      const error = await submitError(submit(once));
      assert.deepEqual([error.reason, error.kind, error.retryable, error.transient], [reason, kind, retryable, transient], reason);
    }
    scriptPost(async () => (await delay(300), created()));
    const late = await submitError(submit(createClient({ base: BASE, timeout: 20, retry: 0 })));
    assert.deepEqual([late.reason, late.kind, late.retryable, late.transient], ['timeout', 'network', true, true]);
  });

  test('a refusal the handler names is said as such (closed, cross-site, too large, key reused, a link gone); others name none', async () => {
    const once = createClient({ base: BASE, retry: 0 });
    const problemOf = (code: number, type?: string) => () =>
      HttpResponse.json({ status: code, detail: 'English words of the server', ...(type ? { type } : {}) }, { status: code, headers: { 'Content-Type': 'application/problem+json' } });
    const cases: [() => Response, string | undefined][] = [
      [problemOf(403, 'urn:account-request:problem:disabled'), 'closed'],
      [problemOf(403, 'urn:account-request:problem:cross-site'), 'cross-site'],
      [problemOf(413), 'too-large'],
      [problemOf(422, 'urn:account-request:problem:idempotency-key-reused'), 'key-reused'],
      // The invitation or correction link the form answers can no longer be used.
      [problemOf(410, 'urn:account-request:problem:invitation-revoked'), 'link-gone'],
      [problemOf(404, 'urn:account-request:problem:invitation-unknown'), 'link-gone'],
      [problemOf(410, 'urn:account-request:problem:information-used'), 'link-gone'],
      [problemOf(409, 'urn:account-request:problem:information-closed'), 'link-gone'],
      [problemOf(403), undefined],
      [problemOf(403, 'urn:example:custom'), undefined],
      [problemOf(503, 'urn:account-request:problem:disabled'), undefined],
    ];
    for (const [reply, refusal] of cases) {
      scriptPost(reply);
      const error = await submitError(submit(once));
      assert.equal(error.refusal, refusal, String(refusal));
      assert.equal(error.message, 'English words of the server', 'the server text stays the message');
    }
  });

  test('a 413 that names a field (a file over its limit) is a validation failure on that field', async () => {
    const fieldError = { field: 'kbis', code: 'file_too_large', message: 'Choose a file of 5 MB or less.' };
    scriptPost(() => HttpResponse.json({ status: 413, detail: 'A file is too large.', errors: [fieldError] }, { status: 413, headers: { 'Content-Type': 'application/problem+json' } }));
    const error = await submitError(submit(createClient({ base: BASE, retry: 0 })));
    assert.deepEqual([error.reason, error.kind, error.retryable, error.refusal], ['validation', 'validation', false, undefined]);
    assert.deepEqual(error.errors.map((e) => [e.field, e.code]), [['kbis', 'file_too_large']]);
  });

  test('urlencoded and multipart flatten the values next to confirmed and locale', async () => {
    const seen = scriptPost(created);
    const values = { companyName: 'Acme & Co', newsletter: true, partnerOffers: false, skipped: null };
    await client().submit(values, { idempotencyKey: 'k', locale: 'en', confirmed: false, enctype: 'application/x-www-form-urlencoded' });
    assert.match(seen[0]?.headers.get('Content-Type') ?? '', /^application\/x-www-form-urlencoded/);
    assert.deepEqual([...new URLSearchParams(await seen[0]?.text())], [['companyName', 'Acme & Co'], ['newsletter', 'true'], ['confirmed', 'false'], ['locale', 'en']]);
    await client().submit(values, { idempotencyKey: 'k', locale: 'en', enctype: 'multipart/form-data' });
    assert.match(seen[1]?.headers.get('Content-Type') ?? '', /^multipart\/form-data; boundary=/);
    const form = await seen[1]?.formData();
    assert.deepEqual([...(form?.entries() ?? [])], [['companyName', 'Acme & Co'], ['newsletter', 'true'], ['confirmed', 'true'], ['locale', 'en']]);
  });

  test('without an idempotencyKey (plain JavaScript) no key is sent, never the text "undefined"', async () => {
    const seen = scriptPost(status(400));
    const untyped = client().submit as (values: object, options: object) => Promise<unknown>;
    for (const idempotencyKey of [undefined, null, '']) {
      const error = await submitError(untyped({ companyName: 'Acme' }, { locale: 'fr', idempotencyKey }));
      assert.deepEqual([error.reason, error.retryable], ['rejected', false]);
    }
    assert.deepEqual(seen.map((request) => request.headers.get('Idempotency-Key')), [null, null, null]);
  });

  test("the caller's abort passes through as an AbortError, not retried", async () => {
    const seen = scriptPost(async () => {
      await delay(200);
      return created();
    });
    const controller = new AbortController();
    const pending = createClient({ base: BASE }).submit({}, { idempotencyKey: 'k', locale: 'en', signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(seen.length, 1);
  });
});

describe('client.loadConfig and saveConfig', () => {
  test('loadConfig parses the config and returns the ETag', async () => {
    server.use(http.get(`${BASE}/config`, () => HttpResponse.json(defaultConfig(), { headers: { ETag: '"v1"' } })));
    assert.deepEqual(await client().loadConfig(), { config: defaultConfig(), etag: '"v1"' });
  });

  test('loadConfig: ConfigError for an invalid config, ConfigLoadError for HTTP, network and non-JSON failures', async () => {
    server.use(http.get(`${BASE}/config`, () => HttpResponse.json({ version: 'x' })));
    await assert.rejects(client().loadConfig(), { name: 'ConfigError' });
    let calls = 0;
    server.use(http.get(`${BASE}/config`, () => ((calls += 1), new HttpResponse('nope', { status: 500 }))));
    await assert.rejects(client().loadConfig(), { name: 'ConfigLoadError', status: 500, url: `${BASE}/config` });
    assert.equal(calls, 1);
    server.use(http.get(`${BASE}/config`, () => HttpResponse.error()));
    await assert.rejects(client().loadConfig(), (error: Error & { status?: number }) => error.name === 'ConfigLoadError' && error.status === undefined && error.cause instanceof Error);
    server.use(http.get(`${BASE}/config`, () => new HttpResponse('<html>', { status: 200 })));
    await assert.rejects(client().loadConfig(), { name: 'ConfigLoadError' });
  });

  test('loadConfig retries a 503', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/config`, () => ((calls += 1), calls < 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(defaultConfig()))));
    assert.equal((await client().loadConfig()).etag, null);
    assert.equal(calls, 2);
  });

  test('saveConfig PUTs the config with If-Match and returns the saved config and new ETag', async () => {
    const seen: Request[] = [];
    server.use(http.put(`${BASE}/config`, ({ request }) => (seen.push(request.clone()), HttpResponse.json(defaultConfig(), { headers: { ETag: '"v2"' } }))));
    const c = createClient({ base: `${BASE}/`, headers: { Authorization: 'Basic abc' } });
    assert.deepEqual(await c.saveConfig(defaultConfig(), '"v1"'), { config: defaultConfig(), etag: '"v2"' });
    assert.equal(seen[0]?.headers.get('If-Match'), '"v1"');
    assert.equal(seen[0]?.headers.get('Authorization'), 'Basic abc');
    assert.deepEqual(await seen[0]?.json(), defaultConfig());
  });

  test('configUrl: loadConfig GETs and saveConfig PUTs there instead of {base}/config, and errors name it', async () => {
    const url = 'http://cms.test/forms/acme.json?v=2';
    const seen: string[] = [];
    server.use(
      http.get('http://cms.test/forms/acme.json', ({ request }) => (seen.push(`GET ${request.url}`), HttpResponse.json(defaultConfig(), { headers: { ETag: '"v1"' } }))),
      http.put('http://cms.test/forms/acme.json', ({ request }) => (seen.push(`PUT ${request.url}`), HttpResponse.json(defaultConfig(), { headers: { ETag: '"v2"' } }))),
      http.get(`${BASE}/config`, () => HttpResponse.error()),
    );
    const c = createClient({ base: BASE, configUrl: url, retry: 0 });
    assert.equal((await c.loadConfig()).etag, '"v1"');
    assert.equal((await c.saveConfig(defaultConfig(), '"v1"')).etag, '"v2"');
    assert.deepEqual(seen, [`GET ${url}`, `PUT ${url}`]);
    server.use(http.get('http://cms.test/forms/acme.json', () => new HttpResponse(null, { status: 404 })));
    await assert.rejects(c.loadConfig(), { name: 'ConfigLoadError', status: 404, url });
  });

  test('saveConfig: 412 → ConflictError, 422 → ConfigError with paths, others → ConfigSaveError, never retried', async () => {
    let calls = 0;
    const reply = (response: () => Response) => server.use(http.put(`${BASE}/config`, () => ((calls += 1), response())));
    reply(status(412));
    await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), { name: 'ConflictError', status: 412 });
    reply(() => HttpResponse.json({ type: 'x', title: 'Invalid config', status: 422, detail: 'd', errors: [{ field: 'fields.3.id', code: 'invalid_config', message: 'unknown field' }] }, { status: 422 }));
    await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), (error: Error & { issues?: unknown }) => {
      assert.equal(error.name, 'ConfigError');
      assert.deepEqual(error.issues, [{ path: ['fields', 3, 'id'], code: 'invalid', message: 'unknown field' }]);
      return true;
    });
    const issues = [
      { field: 'customFields.0.id', code: 'invalid_config', issue: 'reserved_id', params: JSON.parse('{"id":"locale","__proto__":{"x":1},"n":2,"o":{}}') as unknown, message: 'm' },
      { field: 'fields', code: 'invalid_config', issue: 'from_a_newer_server', message: 'n' },
      { field: 'fields', code: 'invalid_config', issue: '<b>not a code</b>', message: 'o' },
    ];
    reply(() => HttpResponse.json({ type: 'x', title: 'Invalid config', status: 422, errors: issues }, { status: 422 }));
    await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), (error: Error & { issues?: unknown }) => {
      assert.deepEqual(error.issues, [
        { path: ['customFields', 0, 'id'], code: 'reserved_id', params: { id: 'locale', n: 2 }, message: 'm' },
        { path: ['fields'], code: 'from_a_newer_server', message: 'n' },
        { path: ['fields'], code: 'invalid', message: 'o' },
      ]);
      return true;
    });
    reply(status(401));
    await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), { name: 'ConfigSaveError', status: 401, message: 'd401' });
    reply(status(503));
    await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), { name: 'ConfigSaveError', status: 503 });
    assert.equal(calls, 5);
  });

  test('saveConfig: a 2xx without the saved config to read is a ConfigSaveError with its status, not a load failure', async () => {
    const answers: [() => Response, number][] = [
      [() => new HttpResponse(null, { status: 204, headers: { ETag: '"v2"' } }), 204],
      [() => new HttpResponse('', { status: 200 }), 200],
      [() => new HttpResponse('<!doctype html><title>Login</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 200],
      [() => new HttpResponse('{"version":', { status: 200 }), 200],
      [() => HttpResponse.json([1, 2]), 200],
      [() => HttpResponse.json(null), 200],
    ];
    for (const [answer, code] of answers) {
      server.use(http.put(`${BASE}/config`, answer));
      await assert.rejects(client().saveConfig(defaultConfig(), '"v1"'), (error: Error & { status?: number }) => {
        assert.deepEqual([error.name, error.status], ['ConfigSaveError', code]);
        assert.ok(error.cause, 'the reading failure is kept as the cause');
        return true;
      });
    }
  });
});
