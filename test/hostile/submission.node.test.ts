// Hostile submissions against the SDK handler over a memory store: each case names the status
// it gets and checks the store afterwards (what is stored, and that nothing else is).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCustomField, defaultConfig, HONEYPOT_FIELD, setDisplayed, validateSubmission } from '@account-request/sdk';
import { EMAIL_CASES, FORBIDDEN_TEXT, LENGTH_CASES } from './cases.js';
import { assertNoPollution, assertPlainData, body, fieldCodes, post, problemOf, setup, VALID, withMember } from './test-helpers/index.js';

async function created(response: Response): Promise<string> {
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

describe('hostile submissions: sizes', () => {
  test('a 100,000-character value is a 413 at the default 64 KiB limit; nothing is stored', async () => {
    const { handler, store } = setup();
    await problemOf(await handler(post(body({ lastName: 'x'.repeat(100_000) }))), 413);
    assert.equal((await store.list()).length, 0);
  });

  test('under a larger body limit, 100,000 characters are a 422 too_long in every text field, and ignored in an unknown one', async () => {
    const config = setDisplayed(addCustomField(defaultConfig(), { id: 'notes', type: 'textarea', label: 'Notes' }), 'notes', true);
    const { handler, store } = setup({ config, maxBodyBytes: 1024 * 1024 });
    const long = 'é'.repeat(100_000);
    for (const field of ['companyName', 'lastName', 'street', 'city', 'notes']) {
      assert.deepEqual(await fieldCodes(await handler(post(body({ [field]: long })))), [[field, 'too_long']], field);
    }
    assert.deepEqual(await fieldCodes(await handler(post(body({ email: `${'a'.repeat(100_000)}@acme.fr` })))), [['email', 'too_long']]);
    assert.equal((await store.list()).length, 0);
    const id = await created(await handler(post(body({ junk: long }))));
    assert.equal(Object.hasOwn((await store.get(id))?.values ?? {}, 'junk'), false);
  });

  test('JSON nested 10,000 levels deep in a value is a 400, not a stack overflow', async () => {
    const { handler, store } = setup({ maxBodyBytes: 1024 * 1024 });
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    await problemOf(await handler(post(`{"values":{"lastName":${deep}},"confirmed":true}`)), 400);
    await problemOf(await handler(post(`{"values":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},"confirmed":true}`)), 400);
    assert.equal((await store.list()).length, 0);
  });
});

describe('hostile submissions: characters', () => {
  for (const { name, input } of FORBIDDEN_TEXT) {
    test(`${name} in a one-line field is a 422 invalid_characters, wherever it sits`, async () => {
      const { handler, store } = setup();
      for (const field of ['lastName', 'companyName', 'city']) {
        assert.deepEqual(await fieldCodes(await handler(post(body({ [field]: input })))), [[field, 'invalid_characters']], field);
      }
      assert.equal((await store.list()).length, 0);
    });
  }

  test('a textarea takes newlines and tabs but not NUL or bidi overrides', async () => {
    const config = setDisplayed(addCustomField(defaultConfig(), { id: 'notes', type: 'textarea', label: 'Notes' }), 'notes', true);
    const { handler, store } = setup({ config });
    const id = await created(await handler(post(body({ notes: 'line 1\r\n\tline 2' }))));
    assert.equal((await store.get(id))?.values['notes'], 'line 1\r\n\tline 2');
    for (const bad of ['a\u0000b', 'a\u202Eb', 'a\u2066b', 'a\u000Bb']) {
      assert.deepEqual(await fieldCodes(await handler(post(body({ notes: bad })))), [['notes', 'invalid_characters']], JSON.stringify(bad));
    }
    assert.equal((await store.list()).length, 1);
  });

  test('unnormalized Unicode is stored NFC (and trimmed)', async () => {
    const { handler, store } = setup();
    const id = await created(await handler(post(body({ lastName: '  Ame\u0301lie\t', companyName: 'Cafe\u0301 Cre\u0300me SARL', city: 'A\u030Angstro\u0308m' }))));
    const values = (await store.get(id))?.values ?? {};
    assert.equal(values['lastName'], 'Am\u00e9lie');
    assert.equal(values['companyName'], 'Caf\u00e9 Cr\u00e8me SARL');
    assert.equal(values['city'], '\u00c5ngstr\u00f6m');
    for (const value of Object.values(values)) if (typeof value === 'string') assert.equal(value, value.normalize('NFC'));
  });

  for (const { name, input, code, stored } of EMAIL_CASES) {
    test(`e-mail look-alike: ${name} → ${code ?? `stored as ${stored}`}`, async () => {
      const { handler, store } = setup();
      const response = await handler(post(body({ email: input })));
      if (code) {
        assert.deepEqual(await fieldCodes(response), [['email', code]]);
        assert.equal((await store.list()).length, 0);
      } else {
        assert.equal((await store.get(await created(response)))?.values['email'], stored);
      }
    });
  }

  for (const { name, input, code, codePoints } of LENGTH_CASES) {
    test(`maxLength in code points: ${name} (${codePoints}) → ${code ?? 'accepted'}`, async () => {
      const { handler, store } = setup();
      const response = await handler(post(body({ lastName: input })));
      if (code) assert.deepEqual(await fieldCodes(response), [['lastName', code]]);
      else assert.equal((await store.get(await created(response)))?.values['lastName'], input.normalize('NFC'));
    });
  }
});

describe('hostile submissions: types and unknown fields', () => {
  const wrongTypes: [string, unknown, string][] = [
    ['an array', ['Martin'], 'invalid_type'],
    ['an object', { toString: 'Martin' }, 'invalid_type'],
    ['an array-like object', { 0: 'M', length: 1 }, 'invalid_type'],
    ['a number', 12345, 'invalid_type'],
    ['a boolean', true, 'invalid_type'],
    ['null', null, 'required'],
  ];
  for (const [name, value, code] of wrongTypes) {
    test(`${name} where a string belongs is a 422 ${code}`, async () => {
      const { handler, store } = setup();
      for (const field of ['lastName', 'email', 'country', 'postalCode']) {
        assert.deepEqual(await fieldCodes(await handler(post(body({ [field]: value })))), [[field, code]], field);
      }
      assert.equal((await store.list()).length, 0);
    });
  }

  test('values that are not an object, and confirmed that is not literally true, are 422s', async () => {
    const { handler, store } = setup();
    for (const values of [[VALID], 'values', 42, null]) {
      const codes = await fieldCodes(await handler(post({ values, confirmed: true })));
      assert.ok(codes.length >= 8 && codes.every(([, code]) => code === 'required'), JSON.stringify(values));
    }
    for (const confirmed of ['true', 1, [true], { valueOf: true }, null]) {
      assert.deepEqual(await fieldCodes(await handler(post(body({}, { confirmed })))), [['confirmed', 'not_confirmed']], JSON.stringify(confirmed));
    }
    for (const json of ['[]', '"x"', '0', 'null', 'true']) {
      assert.equal((await handler(post(json))).status, 422, json);
    }
    assert.equal((await store.list()).length, 0);
  });

  test('unknown, hidden and server-owned fields are ignored and never stored', async () => {
    const { handler, store } = setup();
    const extras = { isAdmin: true, status: 'validated', id: 'mine', access: 'full', passwordHash: 'x', createdAt: '1970-01-01', fax: '01 02 03 04 05', remarks: 'hidden', unknown: 'x'.repeat(1000) };
    const id = await created(await handler(post(body(extras, { id: 'chosen', status: 'validated', access: 'full', admin: true }))));
    assert.notEqual(id, 'chosen');
    const record = await store.get(id);
    assert.deepEqual(Object.keys(record?.values ?? {}).sort(), Object.keys(VALID).sort());
    // The status is the server's own first state (that of a plain submission), never the one sent.
    const plain = await created(await handler(post(body())));
    assert.equal(record?.status, (await store.get(plain))?.status);
    assert.notEqual(record?.status, 'validated');
    assert.equal(record?.passwordHash, undefined);
    assert.deepEqual((await store.list()).map((entry) => entry.id).sort(), [id, plain].sort());
  });
});

describe('hostile submissions: __proto__ and constructor', () => {
  const PAYLOAD = '{"polluted":true,"isAdmin":true,"lastName":"Evil","confirmed":true,"status":"validated"}';
  const members = [`"__proto__":${PAYLOAD}`, `"constructor":{"prototype":${PAYLOAD}}`, '"prototype":{"polluted":true}'];

  for (const member of members) {
    const name = member.slice(1, member.indexOf('"', 1));
    test(`${name} in the body, in values and in a value: never read, never stored, nothing polluted`, async () => {
      const { handler, store } = setup();
      const withoutLastName = { ...VALID };
      delete (withoutLastName as Record<string, unknown>)['lastName'];
      // In the body: ignored (`confirmed` does not come from it).
      const inBody = withMember({ __MARK__: 0, values: VALID, locale: 'en' }, member);
      assert.deepEqual(await fieldCodes(await handler(post(inBody))), [['confirmed', 'not_confirmed']]);
      // In values: `lastName` does not come from it.
      const inValues = withMember({ values: { __MARK__: 0, ...withoutLastName }, confirmed: true }, member);
      assert.deepEqual(await fieldCodes(await handler(post(inValues))), [['lastName', 'required']]);
      // Beside valid values: ignored, and the stored values have no such key.
      const beside = withMember({ values: { __MARK__: 0, ...VALID }, confirmed: true, __MARK_2__: 0 }, member).replace('"__MARK_2__":0', member);
      const id = await created(await handler(post(beside)));
      const record = await store.get(id);
      assertPlainData(record?.values, 'stored values');
      assert.deepEqual(Object.keys(record?.values ?? {}).sort(), Object.keys(VALID).sort());
      // As a field's value: an object, refused.
      assert.deepEqual(await fieldCodes(await handler(post(withMember({ values: { ...VALID, lastName: { __MARK__: 0 } }, confirmed: true }, member)))), [['lastName', 'invalid_type']]);
      assertNoPollution();
      assert.equal((await store.list()).length, 1);
    });
  }

  test('the same bodies as classic form posts, field names included', async () => {
    const { handler, store } = setup();
    const form = new URLSearchParams({ ...VALID, confirmed: 'on', __proto__: 'x', constructor: 'y', 'values[__proto__][polluted]': '1' });
    form.append('__proto__[polluted]', 'true');
    const response = await handler(new Request('https://shop.test/api/account-requests', { method: 'POST', headers: { 'Idempotency-Key': 'form-proto' }, body: form }));
    const record = await store.get(await created(response));
    assertPlainData(record?.values, 'stored values');
    assert.deepEqual(Object.keys(record?.values ?? {}).sort(), Object.keys(VALID).sort());
    assertNoPollution();
  });

  test('validateSubmission with hostile objects (getters, proxies, class instances) never throws', () => {
    const config = defaultConfig();
    const throwing = { get values(): never { throw new Error('boom'); } };
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, has: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    for (const hostile of [throwing, revocable.proxy, trap, { values: trap }, { values: { ...VALID, lastName: trap } }, { values: revocable.proxy, confirmed: true }, new (class Body { values = VALID; confirmed = true })()]) {
      const result = validateSubmission(config, hostile, { locale: 'en' });
      assert.equal(typeof result.success, 'boolean');
    }
    assertNoPollution();
  });
});

describe('hostile submissions: honeypot and idempotency', () => {
  for (const trap of ['Acme', ' x ', true, 1, ['x'], { a: 1 }]) {
    test(`a filled honeypot (${JSON.stringify(trap)}) gets a 201 look-alike and nothing is stored`, async () => {
      const { handler, store } = setup();
      const response = await handler(post(body({ [HONEYPOT_FIELD]: trap })));
      const id = await created(response);
      assert.equal(await store.get(id), undefined);
      assert.equal((await store.list()).length, 0);
    });
  }

  test('a honeypot at the top level of the body counts too; an empty one does not', async () => {
    const { handler, store } = setup();
    await created(await handler(post(body({}, { [HONEYPOT_FIELD]: 'bot' }))));
    assert.equal((await store.list()).length, 0);
    for (const empty of ['', '   ', null, false]) await created(await handler(post(body({ [HONEYPOT_FIELD]: empty }))));
    assert.equal((await store.list()).length, 4);
  });

  test('an Idempotency-Key reused with another body is a 422 and creates nothing more', async () => {
    const { handler, store } = setup();
    const first = await created(await handler(post(body(), { key: 'reused' })));
    const problem = await problemOf(await handler(post(body({ city: 'Lyon', postalCode: '69001' }), { key: 'reused' })), 422);
    assert.equal(problem.type, 'urn:account-request:problem:idempotency-key-reused');
    assert.equal(problem.errors, undefined);
    const replay = await handler(post(body(), { key: 'reused' }));
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await created(replay), first);
    assert.deepEqual((await store.list()).map((record) => record.id), [first]);
  });

  test('concurrent bodies under one key: exactly one request, the others replay or get the 422', async () => {
    const { handler, store } = setup();
    const requests = Array.from({ length: 60 }, (_, i) => handler(post(body(i % 3 === 0 ? {} : { city: `Ville ${i}` }), { key: 'race' })));
    const responses = await Promise.all(requests);
    assert.deepEqual([...new Set(responses.map((response) => response.status))].sort(), [201, 422]);
    const ids = await Promise.all(responses.filter((response) => response.status === 201).map(async (response) => ((await response.json()) as { id: string }).id));
    assert.equal(new Set(ids).size, 1, 'every 201 names the same request');
    assert.deepEqual((await store.list()).map((record) => record.id), [ids[0]]);
  });

  test('a key whose first body failed validation is free again for the corrected body', async () => {
    const { handler, store } = setup();
    assert.deepEqual(await fieldCodes(await handler(post(body({ postalCode: 'abc' }), { key: 'fix-me' }))), [['postalCode', 'invalid_format']]);
    await created(await handler(post(body(), { key: 'fix-me' })));
    assert.equal((await store.list()).length, 1);
  });

  test('malformed Idempotency-Keys are 400s: header injection, control characters, spaces, too long', async () => {
    const { handler, store } = setup();
    for (const key of ['a b', 'k\u0000', 'clé', 'x'.repeat(256), '\u00ff']) {
      let request: Request;
      try {
        request = post(body(), { key });
      } catch {
        continue; // Headers refuses it before the handler does: not sendable.
      }
      await problemOf(await handler(request), 400);
    }
    assert.equal((await store.list()).length, 0);
  });
});
