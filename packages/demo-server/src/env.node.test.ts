import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, SettingsError } from './env.js';

test('defaults: port 5173, .data under the working folder, a generated password, the rate limit on', () => {
  const settings = readSettings({}, '/srv/demo');
  assert.equal(settings.host, '127.0.0.1');
  assert.equal(settings.port, 5173);
  assert.equal(settings.dataDir, '/srv/demo/.data');
  assert.equal(settings.passwordGenerated, true);
  assert.match(settings.adminPassword, /^[A-Za-z0-9_-]{24}$/);
  assert.deepEqual(settings.rateLimit, { max: 20, windowMs: 600_000 });
});

test('reads PORT, DATA_DIR, ADMIN_PASSWORD and the rate limit; RATE_LIMIT_MAX=0 turns it off', () => {
  const settings = readSettings({ PORT: '8080', DATA_DIR: 'var/db', ADMIN_PASSWORD: 's3cret', RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '1000' }, '/srv/demo');
  assert.equal(settings.port, 8080);
  assert.equal(settings.dataDir, '/srv/demo/var/db');
  assert.equal(settings.adminPassword, 's3cret');
  assert.equal(settings.passwordGenerated, false);
  assert.deepEqual(settings.rateLimit, { max: 5, windowMs: 1000 });
  assert.equal(readSettings({ RATE_LIMIT_MAX: '0' }).rateLimit, false);
  assert.equal(readSettings({ DATA_DIR: '/abs/dir' }).dataDir, '/abs/dir');
});

test('refuses values it cannot use, naming the variable', () => {
  for (const [name, value] of [['PORT', 'http'], ['PORT', '70000'], ['PORT', '-1'], ['RATE_LIMIT_MAX', '1.5'], ['RATE_LIMIT_WINDOW_MS', '0']] as const) {
    assert.throws(() => readSettings({ [name]: value }), (error: unknown) => error instanceof SettingsError && error.message.startsWith(name));
  }
});
