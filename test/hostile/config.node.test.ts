// Hostile configs, given to parseConfig and to the handler's PUT {base}/config: each case
// names its expected outcome (normalized, ConfigError with a path, or a 4xx status).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, defaultConfig, parseConfig, safeParseConfig, type FormConfig } from '@account-request/sdk';
import { MARKUP, MARKUP_PAYLOADS, markupConfigInput, SAFE_REDIRECTS, UNSAFE_REDIRECTS } from './cases.js';
import {
  assertNoPollution,
  assertPlainData,
  body,
  fieldCodes,
  nestedArrays,
  nestedObjects,
  post,
  problemOf,
  putConfig,
  richConfig,
  setup,
  withMember,
} from './test-helpers/index.js';

const pathsOf = (input: unknown): string[] => {
  const result = safeParseConfig(input);
  assert.equal(result.success, false, 'expected a ConfigError');
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

/** Paths (as arrays) of every object inside `value`, the root included. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const own = Array.isArray(value) ? [] : [path];
  const children = Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return [...own, ...children];
}

function at(root: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string, unknown>;
}

// What a polluter hopes a prototype lookup will find.
const PROTO_PAYLOAD = '{"polluted":true,"enabled":false,"required":true,"displayed":false,"locked":true,"redirectUrl":"javascript:alert(1)","en":"Pwned"}';
const TEXT_MAPS = new Set(['label', 'help', 'message']);

describe('hostile configs: __proto__ and constructor at every level', () => {
  const reference = richConfig();
  const paths = objectPaths(JSON.parse(JSON.stringify(reference)));

  test(`the rich config has ${paths.length} objects, text maps included`, () => {
    assert.ok(paths.length > 30, String(paths.length));
    assert.ok(paths.some((path) => path.at(-1) === 'label' && path.includes('options')));
  });

  for (const member of [`"__proto__":${PROTO_PAYLOAD}`, `"constructor":{"prototype":${PROTO_PAYLOAD}}`, '"prototype":{"polluted":true}']) {
    const name = member.slice(1, member.indexOf('"', 1));
    test(`${name} in each object: ignored where keys are fixed, refused in a text map, never read, nothing polluted`, async () => {
      const { handler, configStore } = setup({ config: reference });
      for (const path of paths) {
        const copy = JSON.parse(JSON.stringify(reference)) as unknown;
        at(copy, path)['__MARK__'] = 0;
        const text = withMember(copy, member);
        const where = path.join('.') || '(root)';
        const result = safeParseConfig(JSON.parse(text));
        assertNoPollution();
        if (TEXT_MAPS.has(String(path.at(-1)))) {
          assert.equal(result.success, false, where);
          if (!result.success) assert.deepEqual(result.error.issues.map((issue) => issue.path.join('.')), [[...path, name].join('.')], where);
          assert.equal((await handler(putConfig(text))).status, 422, where);
        } else {
          assert.ok(result.success, `${where}: ${result.success ? '' : result.error.message}`);
          if (result.success) {
            // Exactly the config without the hostile member: nothing from it was read.
            assert.deepEqual(result.config, reference, where);
            assertPlainData(result.config, where);
          }
          const response = await handler(putConfig(text));
          assert.equal(response.status, 200, where);
          assertPlainData(await response.json(), where);
        }
        assertPlainData(await configStore.loadConfig(), where);
        assertNoPollution();
      }
      assert.deepEqual(await configStore.loadConfig(), reference, 'what was saved is the reference config');
    });
  }
});

describe('hostile configs: not JSON, not objects', () => {
  test('PUT bodies that are not JSON are a 400; JSON that is not an object is a 422; nothing is saved', async () => {
    const { handler, configStore } = setup();
    const before = await configStore.loadConfig();
    for (const text of ['', 'not json', '{"fields": [', "{'version': 1}", '{"version": 1,}', 'NaN', '<config/>', '\u0000']) {
      await problemOf(await handler(putConfig(text)), 400);
    }
    const invalidUtf8 = new Request('https://shop.test/api/account-requests/config', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*', Authorization: 'Bearer hostile-admin' },
      body: new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    });
    await problemOf(await handler(invalidUtf8), 400);
    for (const text of ['null', '[]', '[{}]', '"config"', '42', 'true']) {
      assert.deepEqual(await fieldCodes(await handler(putConfig(text))), [['', 'invalid_config']], text);
    }
    assert.equal(await configStore.loadConfig(), before);
  });

  test('parseConfig refuses non-objects with a ConfigError at the root, never another error', () => {
    for (const input of [undefined, null, '', '{}', 0, Number.NaN, true, [], [{}], new Date(), /x/, new Map(), new Set(), () => ({}), Symbol('x'), 10n, new (class Config {})()]) {
      assert.throws(() => parseConfig(input), (error: unknown) => error instanceof ConfigError && error.issues[0]?.path.length === 0, String(input));
    }
  });

  test('a PUT with another content type is a 415, without If-Match a 428, without credentials a 401', async () => {
    const { handler } = setup();
    const config = JSON.stringify(defaultConfig());
    await problemOf(await handler(putConfig(config, { 'Content-Type': 'text/plain' })), 415);
    const noMatch = putConfig(config);
    const headers = new Headers(noMatch.headers);
    headers.delete('If-Match');
    await problemOf(await handler(new Request(noMatch, { headers })), 428);
    await problemOf(await handler(putConfig(config, { Authorization: 'Bearer guess' })), 401);
  });
});

describe('hostile configs: size and depth', () => {
  const DEPTH = 10_000;
  const slots: Record<string, (nested: string) => string> = {
    root: (nested) => nested,
    fields: (nested) => `{"fields":${nested}}`,
    'a field': (nested) => `{"fields":[${nested}]}`,
    'a field id': (nested) => `{"fields":[{"id":${nested}}]}`,
    'a label': (nested) => `{"customFields":[{"id":"x","type":"text","label":${nested}}]}`,
    'a label locale': (nested) => `{"customFields":[{"id":"x","type":"text","label":{"en":${nested}}}]}`,
    'an option': (nested) => `{"customFields":[{"id":"x","type":"select","label":"X","options":[${nested}]}]}`,
    settings: (nested) => `{"settings":${nested}}`,
    'the confirmation message': (nested) => `{"settings":{"confirmation":{"message":${nested}}}}`,
  };

  for (const [slot, wrap] of Object.entries(slots)) {
    test(`${DEPTH.toLocaleString('en')} levels of arrays and objects in ${slot}: a 400 at the handler, a ConfigError from parseConfig`, async () => {
      // A body limit high enough for the depth check to be what refuses (at 64 KiB, some are a 413).
      const { handler } = setup({ maxBodyBytes: 1024 * 1024 });
      for (const nested of [nestedArrays(DEPTH), nestedObjects(DEPTH, 'en'), nestedObjects(DEPTH, '__proto__')]) {
        const text = wrap(nested);
        const problem = await problemOf(await handler(putConfig(text)), 400);
        assert.match(problem.detail, /deeper than 32 levels/);
        // parseConfig itself reads only the shape it expects: no recursion into the rest.
        const input: unknown = JSON.parse(text);
        const result = safeParseConfig(input);
        if (result.success) assert.deepEqual(result.config, parseConfig({}), `${slot}: only ignored keys may pass`);
        else assert.ok(result.error.issues.length > 0);
        assertNoPollution();
      }
    });
  }

  test('a 20 MB config is refused with 413 before it is read in full (Content-Length, then streamed)', async () => {
    const { handler, configStore } = setup();
    const before = await configStore.loadConfig();
    const huge = JSON.stringify({ customFields: [{ id: 'x', type: 'text', label: 'x'.repeat(20 * 1024 * 1024) }] });
    const declared = putConfig(huge, { 'Content-Length': String(huge.length) });
    await problemOf(await handler(declared), 413);

    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"customFields":[{"id":"x","type":"text","label":"'));
      },
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 20 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request('https://shop.test/api/account-requests/config', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '*', Authorization: 'Bearer hostile-admin' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await problemOf(await handler(streamed), 413);
    // Cut off past the config's limit (maxConfigBytes, 1 MiB), give or take a chunk in flight.
    assert.ok(pulled <= 1024 * 1024 + 2 * 64 * 1024, `read ${pulled} bytes of a 20 MB body`);
    assert.equal(await configStore.loadConfig(), before);
  });

  test('20 MB of config given to parseConfig directly is refused by its bounds, not by a crash', () => {
    const twenty = 20 * 1024 * 1024;
    assert.deepEqual(pathsOf({ customFields: [{ id: 'x', type: 'text', label: 'x'.repeat(twenty) }] }), ['customFields.0.label']);
    assert.deepEqual(pathsOf({ customFields: [{ id: 'x', type: 'text', label: 'X', help: 'x'.repeat(twenty) }] }), ['customFields.0.help']);
    assert.deepEqual(pathsOf({ fields: new Array(twenty / 16).fill({ id: 'city' }) }), ['fields']);
    assert.deepEqual(pathsOf({ customFields: [{ id: 'x', type: 'select', label: 'X', options: new Array(twenty / 32).fill({ value: 'a', label: 'A' }) }] }), ['customFields.0.options']);
    const locales = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`x-${i}`, 'x'.repeat(200)]));
    assert.deepEqual(pathsOf({ customFields: [{ id: 'x', type: 'text', label: locales }] }), ['customFields.0.label']);
    assert.deepEqual(pathsOf({ settings: { confirmation: { redirectUrl: `/${'a'.repeat(twenty)}` } } }), ['settings.confirmation.redirectUrl']);
    // Unknown keys are never read, however big.
    assert.deepEqual(parseConfig({ extra: 'x'.repeat(twenty) }), parseConfig({}));
  });
});

describe('hostile configs: ids, types, flags', () => {
  const custom = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'text', label: 'X', ...extra });

  test('duplicate ids are refused with the path of the second one', () => {
    assert.deepEqual(pathsOf({ fields: [{ id: 'city' }, { id: 'email' }, { id: 'city' }] }), ['fields.2.id']);
    assert.deepEqual(pathsOf({ customFields: [custom('sector'), custom('sector')] }), ['customFields.1.id']);
    assert.ok(pathsOf({ customFields: [custom('sector')], fields: [{ id: 'sector' }, { id: 'sector' }] }).includes('fields.1.id'));
  });

  test('custom ids that collide with the catalog, reserved words or markup are refused', () => {
    for (const id of ['email', 'companyName', '__proto__', 'constructor', 'prototype', 'HasOwnProperty', '<script>', 'a b', 'x'.repeat(65), '', 'é']) {
      assert.equal(safeParseConfig({ customFields: [custom(id)] }).success, false, JSON.stringify(id));
    }
    // `hasOwnProperty` is a legal id, kept as plain data: it shadows nothing.
    const config = parseConfig({ customFields: [custom('hasOwnProperty')] });
    assert.equal(config.customFields[0]?.id, 'hasOwnProperty');
    assert.equal(typeof Object.prototype.hasOwnProperty, 'function');
  });

  test('unknown field ids and unknown custom types are refused', () => {
    assert.deepEqual(pathsOf({ fields: [{ id: 'isAdmin', displayed: true }] }), ['fields.0.id']);
    for (const type of ['script', 'html', 'upload', 'hidden', 'password', 'submit', 'TEXT', '']) {
      assert.deepEqual(pathsOf({ customFields: [custom('x', { type })] }), ['customFields.0.type'], type);
    }
    assert.deepEqual(pathsOf({ customFields: [custom('x', { format: '^(a+)+$' })] }), ['customFields.0.format']);
  });

  test('required-but-hidden fields are normalized to displayed and required; locked ones stay on', () => {
    const config = parseConfig({
      fields: [
        { id: 'fax', displayed: false, required: true },
        { id: 'email', displayed: false, required: false },
        { id: 'companyName', displayed: false },
        { id: 'x', displayed: false, required: true },
      ],
      customFields: [custom('x')],
    });
    const flags = (id: string) => config.fields.find((field) => field.id === id);
    assert.deepEqual(flags('fax'), { id: 'fax', displayed: true, required: true });
    assert.deepEqual(flags('email'), { id: 'email', displayed: true, required: true });
    assert.deepEqual(flags('companyName'), { id: 'companyName', displayed: true, required: true });
    assert.deepEqual(flags('x'), { id: 'x', displayed: true, required: true });
  });

  test('the handler stores the normalized config, and submissions then follow it', async () => {
    const { handler, store } = setup();
    const saved = await handler(putConfig({ fields: [{ id: 'fax', displayed: false, required: true }] }));
    assert.equal(saved.status, 200);
    assert.deepEqual(((await saved.json()) as FormConfig).fields.find((field) => field.id === 'fax'), { id: 'fax', displayed: true, required: true });
    assert.deepEqual(await fieldCodes(await handler(post(body()))), [['fax', 'required']]);
    assert.equal((await store.list()).length, 0);
  });

  test('PUT of a config with many problems lists each with its path', async () => {
    const { handler } = setup();
    const response = await handler(putConfig({ fields: [{ id: 'city' }, { id: 'city' }, { id: 'nope' }], customFields: [custom('email')] }));
    assert.deepEqual((await fieldCodes(response)).map(([field]) => field).sort(), ['customFields.0.id', 'fields.1.id', 'fields.2.id']);
  });
});

describe('hostile configs: redirect URLs', () => {
  for (const url of UNSAFE_REDIRECTS) {
    test(`refuses redirectUrl ${JSON.stringify(url)} (parseConfig and PUT)`, async () => {
      assert.deepEqual(pathsOf({ settings: { confirmation: { redirectUrl: url } } }), ['settings.confirmation.redirectUrl']);
      const { handler } = setup();
      assert.deepEqual(await fieldCodes(await handler(putConfig({ settings: { confirmation: { redirectUrl: url } } }))), [['settings.confirmation.redirectUrl', 'invalid_config']]);
    });
  }
  test('keeps relative paths and https URLs', () => {
    for (const url of SAFE_REDIRECTS) assert.equal(parseConfig({ settings: { confirmation: { redirectUrl: url } } }).settings.confirmation.redirectUrl, url);
  });
});

describe('hostile configs: markup in every text', () => {
  test('labels, help, options and messages keep markup verbatim as text (the elements render it as text)', async () => {
    const input = markupConfigInput();
    const config = parseConfig(input);
    MARKUP_PAYLOADS.forEach((payload, index) => {
      const field = config.customFields[index];
      assert.deepEqual(field?.label, { en: payload, fr: payload });
      assert.equal(field?.help, payload);
      if (field?.options) assert.deepEqual(field.options[0], { value: payload.slice(0, 100), label: payload });
    });
    assert.deepEqual(config.settings.confirmation.message, { en: MARKUP, fr: MARKUP });
    const { handler } = setup();
    const response = await handler(putConfig(input));
    assert.equal(response.status, 200);
    // JSON, never HTML: the markup travels as a JSON string, served as application/json.
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    const served = await handler(new Request('https://shop.test/api/account-requests/config'));
    assert.deepEqual((await served.json()) as FormConfig, config);
  });
});

describe('config saves whose response was lost', () => {
  test('the retry of an applied save (same body, the old strong ETag) is a 200, not a 412; a different body still gets the 412', async () => {
    const { handler, configStore } = setup();
    const loaded = await handler(new Request('https://shop.test/api/account-requests/config'));
    const etag = loaded.headers.get('ETag') ?? '';
    const draft = { ...((await loaded.json()) as FormConfig), enabled: false };
    const first = await handler(putConfig(draft, { 'If-Match': etag }));
    assert.equal(first.status, 200);
    const newEtag = first.headers.get('ETag');
    // The 200 never reached the editor: it sends the same draft with the ETag it had.
    const retry = await handler(putConfig(draft, { 'If-Match': etag }));
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('ETag'), newEtag);
    assert.deepEqual(await retry.json(), await configStore.loadConfig());
    await problemOf(await handler(putConfig({ ...draft, enabled: true }, { 'If-Match': etag })), 412);
    await problemOf(await handler(putConfig(draft, { 'If-Match': `W/${etag}` })), 412);
  });
});
