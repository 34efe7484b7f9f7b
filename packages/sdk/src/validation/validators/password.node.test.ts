import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';
import { isCommonPassword } from './common-passwords.js';

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

test('common passwords refused, case-insensitively', () => {
  for (const v of ['password1234', 'Password1234', 'PASSWORD1234', '123456789012', 'azertyuiop123',
    'motdepasse123', 'MotDePasse123', 'qwertyuiop123', '1qaz2wsx3edc', 'Bienvenue2024'])
    assert.equal(checkPassword(v), 'too_common', v);
});

test('repeated chunks refused', () => {
  for (const v of ['aaaaaaaaaaaa', 'abcabcabcabc', 'azertyazerty', '😀😀😀😀😀😀😀😀😀😀😀😀😀', '12121212121212'])
    assert.equal(checkPassword(v), 'too_common', v);
  assert.equal(checkPassword('abcdefghiabcdefghi'), 'ok'); // a 9-character chunk twice
});

test('the built-in list holds only passwords the length rule lets through, lower-case', () => {
  assert.equal(isCommonPassword('Password1234'), true);
  assert.equal(isCommonPassword('password'), false);
  assert.equal(isCommonPassword('tigre-lundi-pivoine'), false);
});
