import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidEmail, normalizeEmail } from './email.js';

test('normalizeEmail: NFKC, trim, lower-case domain only', () => {
  assert.equal(normalizeEmail('  Jean.Dupont@Example.COM '), 'Jean.Dupont@example.com');
  assert.equal(normalizeEmail('\u212Aelvin@example.com'), 'Kelvin@example.com'); // Kelvin sign
  assert.equal(normalizeEmail('ｊｅａｎ@ｅｘａｍｐｌｅ.ｆｒ'), 'jean@example.fr'); // full-width
  assert.equal(normalizeEmail('no-at-sign'), 'no-at-sign');
  assert.equal(normalizeEmail('a@b@C.fr'), 'a@b@c.fr');
});

test('valid addresses', () => {
  for (const v of ['jean.dupont@example.com', 'J.Dupont+factures@sub.example.co.uk', "o'brien@example.ie",
    'a@b.fr', 'x_y-z!#$%&*/=?^`{|}~@example.org', ' contact@Example.FR ', '\u212A@example.com',
    'user@xn--exmple-cua.de', 'info@example.xn--p1ai', 'a1@123.example.com',
    `${'a'.repeat(64)}@example.com`, `a@${'b'.repeat(63)}.com`,
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`])
    assert.equal(isValidEmail(v), true, v);
});

test('invalid addresses', () => {
  for (const v of ['', 'jean', 'jean@', '@example.com', 'a@@example.com', 'a@b@example.com',
    'jean dupont@example.com', 'jean@exa mple.com', '.jean@example.com', 'jean.@example.com',
    'je..an@example.com', '"jean"@example.com', 'jean@[192.0.2.1]', 'jean@localhost',
    'jean@example', 'jean@example.c', 'jean@example.c0m', 'jean@-example.com', 'jean@example-.com',
    'jean@example..com', 'jean@.example.com', 'jean@example.com.', 'jean@exa_mple.com',
    `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(64)}.com`,
    `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`,
    'jean@exämple.de', 'jéan@example.fr', 'je\u0301an@example.fr',
    'p\u0430ypal@example.com', 'support@p\u0430ypal.com', // Cyrillic а look-alike
    'jean@exam\nple.com', 'jean\0@example.com', 'jean@example.com>', '<jean@example.com>'])
    assert.equal(isValidEmail(v), false, JSON.stringify(v));
});
