import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson, ifMatchSatisfied, ifNoneMatchSatisfied, parseEtagList, sha256, webCryptoSha256 } from './etag.js';
import { hashPassword, verifyPassword } from '../passwords/password.js';
import { createFixedWindowLimiter } from './rate-limit.js';

describe('etag helpers', () => {
  test("sha256: Node's one-shot hash and WebCrypto give the same base64url digest (texts, accents, bytes)", async () => {
    for (const data of ['', 'abc', 'Établissements Martin & Fils — 69002 Lyon', new Uint8Array([0, 1, 2, 255])]) {
      assert.equal(await sha256(data), await webCryptoSha256(data));
    }
    assert.equal(await sha256('abc'), 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });

  test('canonical JSON sorts keys at every level and keeps __proto__ as data', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    assert.equal(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}')), '{"__proto__":{"x":1},"a":1}');
  });

  test('entity-tag lists, strong If-Match and weak If-None-Match comparison', () => {
    assert.deepEqual(parseEtagList('"a", W/"b" ,"c,d"'), ['"a"', 'W/"b"', '"c,d"']);
    assert.equal(ifMatchSatisfied('"x", "a"', '"a"'), true);
    assert.equal(ifMatchSatisfied('W/"a"', '"a"'), false);
    assert.equal(ifMatchSatisfied('a', '"a"'), false);
    assert.equal(ifMatchSatisfied('*', '"a"'), true);
    assert.equal(ifNoneMatchSatisfied('W/"a"', '"a"'), true);
    assert.equal(ifNoneMatchSatisfied('"b"', '"a"'), false);
  });
});

describe('password hashing', () => {
  test('random salt per hash, PHC-like format, verify refuses tampered or malformed strings', async () => {
    const one = await hashPassword('un mot de passe très long', { iterations: 1000 });
    const two = await hashPassword('un mot de passe très long', { iterations: 1000 });
    assert.notEqual(one, two);
    assert.match(one, /^\$pbkdf2-sha256\$i=1000\$[\w-]{22}\$[\w-]{43}$/);
    assert.equal(await verifyPassword('un mot de passe très long', one), true);
    assert.equal(await verifyPassword('un mot de passe tres long', one), false);
    // Not the last character: its two low bits are padding, so 'A' → 'B' there changes no byte.
    const tampered = one.replace(/.(.{9})$/, (_all, rest: string) => `${one.at(-10) === 'A' ? 'B' : 'A'}${rest}`);
    assert.equal(await verifyPassword('un mot de passe très long', tampered), false);
    for (const bad of ['', 'plain', '$pbkdf2-sha256$i=0$AAAA$AAAA', '$pbkdf2-sha256$i=99999999$AAAA$AAAA', '$bcrypt$x']) {
      assert.equal(await verifyPassword('x', bad), false, bad);
    }
  });
});

describe('fixed-window rate limiter', () => {
  test('allows max hits per key and window, then reports the seconds left', () => {
    let now = 0;
    const limiter = createFixedWindowLimiter({ windowMs: 10_000, max: 2, now: () => now });
    assert.deepEqual([limiter.hit('a'), limiter.hit('a')], [{ allowed: true }, { allowed: true }]);
    now = 2_500;
    assert.deepEqual(limiter.hit('a'), { allowed: false, retryAfterSeconds: 8 });
    assert.deepEqual(limiter.hit('b'), { allowed: true });
    now = 10_000;
    assert.deepEqual(limiter.hit('a'), { allowed: true });
  });
});
