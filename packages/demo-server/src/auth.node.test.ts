import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_REALM, challengeHeaders, generatePassword, isAdmin, parseBasicAuth } from './auth.js';

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
const request = (authorization?: string): Request =>
  new Request('http://127.0.0.1/admin/', authorization === undefined ? {} : { headers: { Authorization: authorization } });

test('parseBasicAuth reads user and password, the password may hold colons and any Unicode', () => {
  assert.deepEqual(parseBasicAuth(basic('admin', 'a:b:ç€')), { user: 'admin', password: 'a:b:ç€' });
  assert.deepEqual(parseBasicAuth(`basic  ${Buffer.from('admin:').toString('base64')}`), { user: 'admin', password: '' });
  assert.equal(parseBasicAuth(null), undefined);
  assert.equal(parseBasicAuth('Bearer abc'), undefined);
  assert.equal(parseBasicAuth('Basic !!!'), undefined);
  assert.equal(parseBasicAuth(`Basic ${Buffer.from('no-colon').toString('base64')}`), undefined);
});

test('isAdmin accepts only admin with the exact password', () => {
  const password = 'correct horse battery staple';
  assert.equal(isAdmin(request(basic('admin', password)), password), true);
  assert.equal(isAdmin(request(basic('admin', `${password} `)), password), false);
  assert.equal(isAdmin(request(basic('admin', password.slice(0, -1))), password), false);
  assert.equal(isAdmin(request(basic('Admin', password)), password), false);
  assert.equal(isAdmin(request(basic('root', password)), password), false);
  assert.equal(isAdmin(request(), password), false);
  assert.equal(isAdmin(request('Basic'), password), false);
});

test('generatePassword gives 24 URL-safe characters, different each time', () => {
  const passwords = new Set(Array.from({ length: 50 }, generatePassword));
  assert.equal(passwords.size, 50);
  for (const password of passwords) assert.match(password, /^[A-Za-z0-9_-]{24}$/);
});

test('the challenge names the realm and forbids caching', () => {
  const headers = challengeHeaders();
  assert.equal(headers['WWW-Authenticate'], `Basic realm="${ADMIN_REALM}", charset="UTF-8"`);
  assert.equal(headers['Cache-Control'], 'no-store');
});
