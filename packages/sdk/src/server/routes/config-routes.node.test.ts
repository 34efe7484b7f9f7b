import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, setDisplayed } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { computeConfigEtag } from '../http/etag.js';
import { problem } from '../http/problem.js';
import { createMemoryStore } from '../stores/store.js';
import { assertProblem, get, put, setup, URL_BASE } from '../test-helpers/setup.js';

async function loaded(handler: (request: Request) => Promise<Response>): Promise<{ config: FormConfig; etag: string }> {
  const response = await handler(get('/config'));
  return { config: (await response.json()) as FormConfig, etag: response.headers.get('ETag') ?? '' };
}

describe('GET {base}/config', () => {
  test('200 with the normalized config, a strong ETag and no-cache', async () => {
    const { handler } = setup();
    const response = await handler(get('/config'));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), defaultConfig());
    assert.match(response.headers.get('ETag') ?? '', /^"[\w-]{43}"$/);
    assert.equal(response.headers.get('ETag'), await computeConfigEtag(defaultConfig()));
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
  });

  test('304 when If-None-Match holds the current ETag (also weak or in a list), 200 otherwise', async () => {
    const { handler } = setup();
    const { etag } = await loaded(handler);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await handler(get('/config', { 'If-None-Match': header }));
      assert.equal(response.status, 304, header);
      assert.equal(response.headers.get('ETag'), etag);
      assert.equal(await response.text(), '');
    }
    assert.equal((await handler(get('/config', { 'If-None-Match': '"stale"' }))).status, 200);
  });

  test('a missing stored config serves the default; HEAD has headers and no body', async () => {
    const { handler } = setup({ loadConfig: () => undefined });
    assert.deepEqual((await loaded(handler)).config, defaultConfig());
    const head = await handler(new Request(`${URL_BASE}/config`, { method: 'HEAD' }));
    assert.equal(head.status, 200);
    assert.ok(head.headers.get('ETag'));
    assert.equal(await head.text(), '');
  });
});

describe('PUT {base}/config', () => {
  test('200 with the normalized config and a new ETag; the old ETag is then stale (412)', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    // Sent un-normalized: required without displayed. The answer is normalized.
    const edited = { ...config, fields: config.fields.map((f) => (f.id === 'website' ? { ...f, displayed: false, required: true } : f)) };
    const response = await handler(put(edited, { 'If-Match': etag }));
    assert.equal(response.status, 200);
    const saved = (await response.json()) as FormConfig;
    assert.deepEqual(saved.fields.find((f) => f.id === 'website'), { id: 'website', displayed: true, required: true });
    const newEtag = response.headers.get('ETag') ?? '';
    assert.notEqual(newEtag, etag);
    assert.deepEqual(await loaded(handler), { config: saved, etag: newEtag });
    const stale = await handler(put(config, { 'If-Match': etag }));
    await assertProblem(stale, 412);
    assert.equal(stale.headers.get('ETag'), newEtag);
    assert.deepEqual((await loaded(handler)).config, saved);
  });

  test('428 without If-Match; weak ETags never match (412)', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    await assertProblem(await handler(put(config)), 428);
    await assertProblem(await handler(put(config, { 'If-Match': `W/${etag}` })), 412);
  });

  test('422 problem+json with one invalid_config error per issue, path joined with dots', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    const invalid = { ...config, enabled: 'yes', settings: { ...config.settings, unvalidatedAccounts: 'maybe' } };
    const body = await assertProblem(await handler(put(invalid, { 'If-Match': etag })), 422);
    const errors = body['errors'] as { field: string; code: string; message: string }[];
    assert.ok(errors.length >= 2);
    assert.ok(errors.every((e) => e.code === 'invalid_config' && typeof e.message === 'string'));
    assert.ok(errors.some((e) => e.field.startsWith('settings.unvalidatedAccounts')));
    assert.ok(errors.some((e) => e.field === 'enabled'));
    assert.equal((await loaded(handler)).etag, etag);
  });

  test('each 422 error names the rule broken (issue) and its values (params)', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    const invalid = { ...config, enabled: 'yes', customFields: [{ id: 'locale', type: 'text', label: 'Locale' }] };
    const body = await assertProblem(await handler(put(invalid, { 'If-Match': etag })), 422);
    assert.deepEqual(body['errors'], [
      { field: 'enabled', code: 'invalid_config', issue: 'invalid_type', params: { expected: 'boolean' }, message: 'expected boolean' },
    ]);
    const shaped = { ...config, customFields: [{ id: 'locale', type: 'text', label: 'Locale' }] };
    const rules = await assertProblem(await handler(put(shaped, { 'If-Match': etag })), 422);
    assert.deepEqual(rules['errors'], [
      { field: 'customFields.0.id', code: 'invalid_config', issue: 'reserved_id', params: { id: 'locale' }, message: '"locale" is reserved' },
    ]);
  });

  test('422 bot_check_unavailable for a save switching the bot check on where the handler has no key for it (every submission would get 503); saved where it has one', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    const on = { ...config, settings: { ...config.settings, botCheck: true } };
    const body = await assertProblem(await handler(put(on, { 'If-Match': etag })), 422);
    assert.deepEqual(body['errors'], [
      { field: 'settings.botCheck', code: 'invalid_config', issue: 'bot_check_unavailable', message: 'This server has no key to sign the bot check: with it on, every request would be refused. Leave it off until whoever runs the server gives it one.' },
    ]);
    assert.equal((await loaded(handler)).etag, etag, 'nothing written');
    const keyed = setup({ botCheck: { hmacKey: 'a-test-hmac-key-of-at-least-32-characters!' } }).handler;
    const current = await loaded(keyed);
    const saved = await keyed(put({ ...current.config, settings: { ...current.config.settings, botCheck: true } }, { 'If-Match': current.etag }));
    assert.equal(saved.status, 200);
    assert.equal(((await saved.json()) as FormConfig).settings.botCheck, true);
  });

  test('415, 400 and 413 for wrong media type, malformed JSON and bodies over maxConfigBytes', async () => {
    const { handler } = setup({ maxConfigBytes: 512 });
    const { etag } = await loaded(handler);
    await assertProblem(await handler(put('{}', { 'If-Match': etag, 'Content-Type': 'text/plain' })), 415);
    await assertProblem(await handler(put('{"version":', { 'If-Match': etag })), 400);
    await assertProblem(await handler(put(defaultConfig(), { 'If-Match': etag })), 413);
  });

  test('a config within CONFIG_LIMITS larger than the submissions\' 64 KiB body limit is saved', async () => {
    const { handler } = setup();
    const { etag } = await loaded(handler);
    const label = (n: number) => ({ fr: `Choix numéro ${n} de la liste des secteurs`, en: `Choice number ${n} of the list of sectors` });
    const customFields = Array.from({ length: 20 }, (_, i) => ({
      id: `list${i}`, type: 'select', label: label(i), options: Array.from({ length: 50 }, (_, j) => ({ value: `value-${j}`, label: label(j) })),
    }));
    const body = JSON.stringify({ ...defaultConfig(), customFields });
    assert.ok(body.length > 90_000, `${body.length} bytes`);
    const response = await handler(put(body, { 'If-Match': etag }));
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(((await response.json()) as FormConfig).customFields.length, 20);
  });

  test('admin only: 403 without an authorize hook, 401 when it says no, its own Response when it returns one, 503 when it throws', async () => {
    const { handler: open } = setup({ authorize: undefined });
    const { etag } = await loaded(open);
    await assertProblem(await open(put(defaultConfig(), { 'If-Match': etag })), 403);
    const { handler: denied } = setup({ authorize: () => false });
    const response = await denied(put(defaultConfig(), { 'If-Match': etag }));
    await assertProblem(response, 401);
    assert.equal(response.headers.get('WWW-Authenticate'), null);
    const challenge = problem(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Basic realm="admin"' } });
    const { handler: challenging } = setup({ authorize: () => challenge });
    const challenged = await challenging(put(defaultConfig(), { 'If-Match': etag }));
    await assertProblem(challenged, 401);
    assert.equal(challenged.headers.get('WWW-Authenticate'), 'Basic realm="admin"');
    const actions: string[] = [];
    const { handler: throwing } = setup({ authorize: (_, action) => { actions.push(action); throw new Error('auth db down'); } });
    await assertProblem(await throwing(put(defaultConfig(), { 'If-Match': etag })), 503);
    assert.deepEqual(actions, ['config:write']);
  });

  test('405 with Allow when the handler has no saveConfig', async () => {
    const { handler } = setup({ saveConfig: undefined });
    const response = await handler(put(defaultConfig(), { 'If-Match': '*' }));
    await assertProblem(response, 405);
    assert.match(response.headers.get('Allow') ?? '', /GET/);
  });

  test('412 when saveConfig reports a lost race; 503 when it fails', async () => {
    const { etag } = await loaded(setup().handler);
    const { handler: raced } = setup({ saveConfig: async () => false });
    await assertProblem(await raced(put(defaultConfig(), { 'If-Match': etag })), 412);
    const { handler: broken } = setup({ saveConfig: () => Promise.reject(new Error('disk')) });
    await assertProblem(await broken(put(defaultConfig(), { 'If-Match': etag })), 503);
  });

  test('a stored config that no longer parses: 503 to GET and to a PUT from any ETag; a PUT with If-Match: * replaces it', async () => {
    // Saved before a stricter rule: two custom fields with one id.
    const unreadable = { ...defaultConfig(), customFields: [{ id: 'sector', type: 'text', label: 'A' }, { id: 'sector', type: 'text', label: 'B' }] };
    let stored: { config: unknown; etag: string } = { config: unreadable, etag: await computeConfigEtag(unreadable) };
    const { handler } = setup({
      loadConfig: () => stored.config,
      saveConfig: async (config: FormConfig, { ifMatch, etag }: { ifMatch: string; etag: string }) => (ifMatch === stored.etag ? ((stored = { config, etag }), true) : false),
    });
    await assertProblem(await handler(get('/config')), 503);
    await assertProblem(await handler(put(defaultConfig(), { 'If-Match': await computeConfigEtag(defaultConfig()) })), 503);
    await assertProblem(await handler(put({ customFields: 'no' }, { 'If-Match': '*' })), 422);
    const replaced = await handler(put(setDisplayed(defaultConfig(), 'fax', true), { 'If-Match': '*' }));
    assert.equal(replaced.status, 200, await replaced.clone().text());
    const { config, etag } = await loaded(handler);
    assert.equal(etag, replaced.headers.get('ETag'));
    assert.equal(config.fields.find((field) => field.id === 'fax')?.displayed, true);
  });

  test('two concurrent saves from the same ETag: exactly one wins', async () => {
    const { handler } = setup();
    const { config, etag } = await loaded(handler);
    const a = setDisplayed(config, 'website', true);
    const b = setDisplayed(config, 'fax', true);
    const statuses = (await Promise.all([handler(put(a, { 'If-Match': etag })), handler(put(b, { 'If-Match': etag }))])).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 412]);
  });
});

describe('admin listing and routing', () => {
  test('GET {base}: newest first, limit/offset, admin only', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const store = createMemoryStore();
    const { handler } = setup({ store, now: () => new Date((clock += 1000)) });
    const { post, validBody, ADMIN } = await import('../test-helpers/setup.js');
    for (const city of ['Paris', 'Lyon', 'Lille']) assert.equal((await handler(post(validBody({ city })))).status, 201);
    const list = (await (await handler(get('', ADMIN))).json()) as { values: { city: string }; createdAt: string }[];
    assert.deepEqual(list.map((r) => r.values.city), ['Lille', 'Lyon', 'Paris']);
    assert.ok(list[0] && list[1] && list[0].createdAt > list[1].createdAt);
    const page = (await (await handler(get('?limit=1&offset=1', ADMIN))).json()) as { values: { city: string } }[];
    assert.deepEqual(page.map((r) => r.values.city), ['Lyon']);
    await assertProblem(await handler(get('?limit=-1', ADMIN)), 400);
    await assertProblem(await handler(get('?limit=1000', ADMIN)), 400);
    await assertProblem(await handler(get('')), 401);
    await assertProblem(await setup({ authorize: undefined }).handler(get('', ADMIN)), 403);
  });

  test('GET {base}/{id}: the record (admin), 404 for an unknown id', async () => {
    const { handler } = setup();
    const { post, validBody, ADMIN } = await import('../test-helpers/setup.js');
    const created = await handler(post(validBody()));
    const location = created.headers.get('Location') ?? '';
    const one = await handler(new Request(new URL(location, URL_BASE), { headers: ADMIN }));
    assert.equal(one.status, 200);
    assert.equal(((await one.json()) as { id: string }).id, ((await created.json()) as { id: string }).id);
    await assertProblem(await handler(get('/00000000-0000-0000-0000-000000000000', ADMIN)), 404);
    await assertProblem(await handler(new Request(new URL(location, URL_BASE))), 401);
  });

  test('404 outside the routes, 405 with Allow for other methods; every error is problem+json', async () => {
    const { handler } = setup();
    await assertProblem(await handler(new Request('https://shop.test/elsewhere')), 404);
    await assertProblem(await handler(get('/config/extra')), 404);
    await assertProblem(await handler(new Request('https://shop.test/api/account-requests-x')), 404);
    const deleted = await handler(new Request(URL_BASE, { method: 'DELETE' }));
    await assertProblem(deleted, 405);
    assert.equal(deleted.headers.get('Allow'), 'GET, HEAD, POST');
    await assertProblem(await handler(new Request(`${URL_BASE}/config`, { method: 'POST' })), 405);
    const onRequest = await handler(new Request(`${URL_BASE}/some-id`, { method: 'DELETE' }));
    await assertProblem(onRequest, 405);
    assert.equal(onRequest.headers.get('Allow'), 'GET, HEAD, PATCH');
  });

  test('a trailing slash and an empty base path route the same', async () => {
    const { handler } = setup({ basePath: '' });
    assert.equal((await handler(new Request('https://shop.test/config/'))).status, 200);
    const { handler: slashed } = setup({ basePath: '/api/account-requests/' });
    assert.equal((await slashed(get('/config'))).status, 200);
  });
});
