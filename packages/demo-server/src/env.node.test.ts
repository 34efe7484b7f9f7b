import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingPublicUrl, readSettings, SettingsError } from './env.js';

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

test('deployment settings: HOST, TRUST_PROXY, LOG_LEVEL and SHUTDOWN_TIMEOUT_MS, with their defaults', () => {
  const defaults = readSettings({});
  assert.equal(defaults.trustProxy, 0);
  assert.equal(defaults.logLevel, 'info');
  assert.equal(defaults.shutdownTimeoutMs, 10_000);
  const settings = readSettings({ HOST: '0.0.0.0', TRUST_PROXY: '2', LOG_LEVEL: 'WARN', SHUTDOWN_TIMEOUT_MS: '2500', PUBLIC_URL: 'https://shop.example' });
  assert.equal(settings.host, '0.0.0.0');
  assert.equal(settings.trustProxy, 2);
  assert.equal(settings.logLevel, 'warn');
  assert.equal(settings.shutdownTimeoutMs, 2500);
  assert.equal(settings.publicUrl, 'https://shop.example');
  const PUBLIC_URL = 'https://shop.example';
  for (const host of ['::', '::1', 'localhost', 'app.internal']) assert.equal(readSettings({ HOST: host, PUBLIC_URL }).host, host);
  for (const [value, hops] of [['true', 1], ['TRUE', 1], ['1', 1], ['false', 0], ['0', 0], ['', 0], ['10', 10]] as const) {
    assert.equal(readSettings({ TRUST_PROXY: value, PUBLIC_URL }).trustProxy, hops, `TRUST_PROXY=${value}`);
  }
});

test('PUBLIC_URL: an origin with no path; missing, said at start unless the server listens on loopback with no proxy', () => {
  assert.equal(readSettings({}).publicUrl, undefined);
  for (const host of ['127.0.0.1', '::1', 'localhost', '127.0.0.2']) assert.equal(missingPublicUrl(readSettings({ HOST: host })), undefined, host);
  for (const env of [{ HOST: '0.0.0.0' }, { HOST: '::' }, { HOST: 'shop.example' }, { TRUST_PROXY: '1' }]) {
    assert.match(missingPublicUrl(readSettings(env)) ?? '', /^PUBLIC_URL is not set and .*links in e-mails point at http:\/\/localhost/, JSON.stringify(env));
    assert.equal(missingPublicUrl(readSettings({ ...env, PUBLIC_URL: 'https://shop.example' })), undefined);
  }
  assert.equal(readSettings({ HOST: '0.0.0.0', PUBLIC_URL: 'https://Shop.Example:8443/' }).publicUrl, 'https://shop.example:8443');
  for (const bad of ['shop.example', 'ftp://shop.example', 'https://shop.example/shop', 'https://user:pw@shop.example', 'https://shop.example/?a=1', 'https://shop.example/#x']) {
    assert.throws(() => readSettings({ PUBLIC_URL: bad }), (error: unknown) => error instanceof SettingsError && /^PUBLIC_URL must be an https:\/\//.test(error.message), bad);
  }
});

test('a deployment setting the server cannot use is refused with a message naming the variable and what it accepts', () => {
  const cases = [
    ['HOST', 'http://0.0.0.0', /HOST must be an IP address .* or a host name \(got "http:\/\/0\.0\.0\.0"\)/],
    ['HOST', 'a b', /HOST must be/],
    ['TRUST_PROXY', 'yes', /TRUST_PROXY must be false, true \(one proxy\) or the number of proxies .* 0 to 10 \(got "yes"\)/],
    ['TRUST_PROXY', '11', /TRUST_PROXY must be/],
    ['TRUST_PROXY', '-1', /TRUST_PROXY must be/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "verbose"\)/],
    ['SHUTDOWN_TIMEOUT_MS', '50', /SHUTDOWN_TIMEOUT_MS must be a whole number from 100 to 600000 \(got "50"\)/],
    ['SMTP_URL', 'http://user:hunter2@mail.example', /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL\.$/],
  ] as const;
  for (const [name, value, message] of cases) {
    assert.throws(() => readSettings({ [name]: value }), (error: unknown) => error instanceof SettingsError && message.test(error.message), `${name}=${value}`);
  }
});

test('DATABASE_URL: a postgres:// URL selects PostgreSQL; anything else is refused without echoing it', () => {
  assert.equal(readSettings({}).databaseUrl, undefined);
  assert.equal(readSettings({ DATABASE_URL: ' postgres://app:pw@db.internal:5432/shop ' }).databaseUrl, 'postgres://app:pw@db.internal:5432/shop');
  assert.equal(readSettings({ DATABASE_URL: 'postgresql://app@db/shop' }).databaseUrl, 'postgresql://app@db/shop');
  for (const value of ['mysql://app:secret-pw@db/shop', 'db.internal:5432', 'file:///tmp/x.sqlite']) {
    assert.throws(
      () => readSettings({ DATABASE_URL: value }),
      (error: unknown) => error instanceof SettingsError && error.message.startsWith('DATABASE_URL') && !error.message.includes('secret-pw'),
    );
  }
});

test('OUTBOX_INTERVAL_MS and OUTBOX_LOCK_MS: how often each instance sends due e-mails and how long it holds one', () => {
  const defaults = readSettings({});
  assert.equal(defaults.outboxIntervalMs, 30_000);
  assert.equal(defaults.outboxLockMs, 120_000);
  const settings = readSettings({ OUTBOX_INTERVAL_MS: '500', OUTBOX_LOCK_MS: '3000' });
  assert.equal(settings.outboxIntervalMs, 500);
  assert.equal(settings.outboxLockMs, 3000);
  for (const [name, value] of [['OUTBOX_INTERVAL_MS', '0'], ['OUTBOX_LOCK_MS', '999'], ['OUTBOX_LOCK_MS', 'soon']] as const) {
    assert.throws(() => readSettings({ [name]: value }), (error: unknown) => error instanceof SettingsError && error.message.startsWith(name));
  }
});

test('webhook and bot-check settings: WEBHOOK_URL with WEBHOOK_SECRET, WEBHOOK_ALLOW_PRIVATE, ALTCHA_HMAC_KEY; secrets never echoed', () => {
  const defaults = readSettings({});
  assert.equal(defaults.webhook, undefined);
  assert.equal(defaults.webhookAllowPrivate, false);
  assert.equal(defaults.altchaHmacKey, undefined);
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
  const key = 'k'.repeat(40);
  const settings = readSettings({ WEBHOOK_URL: 'https://erp.example/hooks', WEBHOOK_SECRET: secret, WEBHOOK_ALLOW_PRIVATE: '1', ALTCHA_HMAC_KEY: key });
  assert.deepEqual(settings.webhook, { url: 'https://erp.example/hooks', secret });
  assert.equal(settings.webhookAllowPrivate, true);
  assert.equal(settings.altchaHmacKey, key);
  const refusals: [Record<string, string>, RegExp][] = [
    [{ WEBHOOK_SECRET: secret }, /^WEBHOOK_SECRET is set without WEBHOOK_URL/],
    [{ WEBHOOK_URL: 'ftp://erp.example/', WEBHOOK_SECRET: secret }, /^WEBHOOK_URL/],
    [{ WEBHOOK_URL: 'https://erp.example/', WEBHOOK_SECRET: 'whsec_dG9vIHNob3J0' }, /^WEBHOOK_SECRET/],
    [{ WEBHOOK_URL: 'https://erp.example/' }, /^WEBHOOK_SECRET/],
    [{ WEBHOOK_ALLOW_PRIVATE: 'yes' }, /^WEBHOOK_ALLOW_PRIVATE/],
    [{ ALTCHA_HMAC_KEY: 'short' }, /^ALTCHA_HMAC_KEY/],
  ];
  for (const [env, message] of refusals) {
    assert.throws(() => readSettings(env), (error: unknown) => error instanceof SettingsError && message.test(error.message) && !error.message.includes('dG9vIHNob3J0') && !error.message.includes('short'));
  }
});

test('public services: the public base URLs by default, another URL, or empty to turn one off; VIES_REQUESTER', () => {
  assert.deepEqual(readSettings({}).lookups, {
    companyDirectoryUrl: 'https://recherche-entreprises.api.gouv.fr',
    viesUrl: 'https://ec.europa.eu/taxation_customs/vies/rest-api',
    addressApiUrl: 'https://api-adresse.data.gouv.fr',
  });
  const settings = readSettings({ COMPANY_DIRECTORY_URL: 'http://127.0.0.1:9999/company', VIES_URL: ' ', ADDRESS_API_URL: '', VIES_REQUESTER: 'FR 40 303 265 045' });
  assert.deepEqual(settings.lookups, { companyDirectoryUrl: 'http://127.0.0.1:9999/company', viesRequester: 'FR 40 303 265 045' });
  for (const [env, message] of [
    [{ VIES_URL: 'ftp://vies.example' }, /^VIES_URL must be an http\(s\) URL/],
    [{ COMPANY_DIRECTORY_URL: 'not a url' }, /^COMPANY_DIRECTORY_URL/],
    [{ ADDRESS_API_URL: 'javascript:alert(1)' }, /^ADDRESS_API_URL/],
    [{ VIES_REQUESTER: 'shop' }, /^VIES_REQUESTER/],
  ] as const) {
    assert.throws(() => readSettings(env), (error: unknown) => error instanceof SettingsError && message.test(error.message));
  }
});
