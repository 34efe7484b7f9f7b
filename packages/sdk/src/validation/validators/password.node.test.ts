import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';
import { isCommonPassword } from '../../server/passwords/common-passwords.js';

test('limits are those of OWASP ASVS', () => {
  assert.equal(PASSWORD_MIN_LENGTH, 12);
  assert.ok(PASSWORD_MAX_LENGTH >= 64);
  assert.equal(PASSWORD_MAX_LENGTH, 128);
});

test('accepted: 12 to 128 code points, any printable Unicode, no composition rules', () => {
  for (const v of ['correct horse battery', 'tigre-lundi-pivoine', 'abcdefghijkq', 'Ω≈ç√∫˜µ≤≥÷éà',
    'mot de passe très long et sans chiffre', '😀🎉🔐🌍🚀✨🍀🎈🧩🦊🌙⭐', ' leading space ', 'x'.repeat(11) + 'y',
    'a'.repeat(PASSWORD_MAX_LENGTH - 1) + 'b', '🔐'.repeat(63) + 'Z'])
    assert.equal(checkPassword(v), 'ok', v);
});

test('too short, counted in code points', () => {
  for (const v of ['', 'short', 'elevenchars', '😀😀😀😀😀😀😀😀😀😀😀', 'e\u0301'.repeat(5) + 'x'])
    assert.equal(checkPassword(v), 'too_short', v);
  // 6 emoji are 12 UTF-16 units but 6 code points.
  assert.equal(checkPassword('😀🎉🔐🌍🚀✨'), 'too_short');
});

test('too long, never truncated', () => {
  assert.equal(checkPassword('a'.repeat(PASSWORD_MAX_LENGTH) + 'b'), 'too_long');
  assert.equal(checkPassword('🔐'.repeat(PASSWORD_MAX_LENGTH) + 'Z'), 'too_long');
});

const COMMON = ['password1234', 'Password1234', 'PASSWORD1234', '123456789012', 'azertyuiop123',
  'motdepasse123', 'MotDePasse123', 'qwertyuiop123', '1qaz2wsx3edc', 'Bienvenue2024'];

test('common passwords refused, case-insensitively, by the server-side list passed as isCommon', () => {
  for (const v of COMMON) assert.equal(checkPassword(v, { isCommon: isCommonPassword }), 'too_common', v);
  assert.equal(checkPassword('tigre-lundi-pivoine', { isCommon: isCommonPassword }), 'ok');
});

test('without isCommon (the browser default) no blocklist applies; the length rule still comes first', () => {
  for (const v of COMMON) assert.equal(checkPassword(v), 'ok', v);
  const asked: string[] = [];
  const everything = (v: string) => (asked.push(v), true);
  assert.equal(checkPassword('short', { isCommon: everything }), 'too_short');
  assert.equal(checkPassword('x'.repeat(PASSWORD_MAX_LENGTH + 1), { isCommon: everything }), 'too_long');
  assert.deepEqual(asked, [], 'a blocklist (maybe a range query) is not asked about a password the length rule refuses');
  assert.equal(checkPassword('tigre-lundi-pivoine', { isCommon: everything }), 'too_common');
});

test('repeated chunks refused, with or without a blocklist', () => {
  for (const v of ['aaaaaaaaaaaa', 'abcabcabcabc', 'azertyazerty', '😀😀😀😀😀😀😀😀😀😀😀😀😀', '12121212121212']) {
    assert.equal(checkPassword(v), 'too_common', v);
    assert.equal(checkPassword(v, { isCommon: () => false }), 'too_common', v);
  }
  assert.equal(checkPassword('abcdefghiabcdefghi'), 'ok'); // a 9-character chunk twice
});

test('the built-in list holds only passwords the length rule lets through, lower-case', () => {
  assert.equal(isCommonPassword('Password1234'), true);
  assert.equal(isCommonPassword('password'), false);
  assert.equal(isCommonPassword('tigre-lundi-pivoine'), false);
});
