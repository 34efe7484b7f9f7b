// The server's JSON log, read from the real process's stdout at LOG_LEVEL=debug after a whole
// workflow: a submission with a password, its acceptance, the activation e-mail, the link
// opened and a password set through it, a failed admin sign-in. Every line is JSON, requests
// are logged by route pattern, and no secret or personal value appears anywhere.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { basicAuth, ensureBuilt, startServer, type RunningServer } from './test-helpers/server.js';

const ADMIN_PASSWORD = 'admin-Pw-never-logged-7731';
const SUBMITTED_PASSWORD = 'Submitted-Secret-Phrase-4412';
const ACTIVATION_PASSWORD = 'Activation-Secret-Phrase-9087';
const EMAIL = 'zoe.quillard@quillard-logs.example';
const LAST_NAME = 'Quillardovitch';
const PHONE = '+33 6 48 21 97 35';

const dataDir = mkdtempSync(join(tmpdir(), 'demo-logs-'));
let server: RunningServer | undefined;
after(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function activationToken(): Promise<string> {
  const outbox = join(dataDir, 'outbox');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const files = (() => {
      try {
        return readdirSync(outbox).filter((name) => name.endsWith('.eml'));
      } catch {
        return [];
      }
    })();
    for (const name of files) {
      const eml = readFileSync(join(outbox, name), 'utf8').replaceAll('=\r\n', '');
      const token = /X-Notification-Kind: activation[\s\S]*\/activation\/([A-Za-z0-9_-]{43})/.exec(eml)?.[1];
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error('no activation e-mail in the outbox');
}

test('the log holds one JSON line per request by route pattern, and no password, token, credentials or personal data', { timeout: 120_000 }, async () => {
  ensureBuilt();
  server = await startServer({ dataDir, adminPassword: ADMIN_PASSWORD, env: { LOG_LEVEL: 'debug', RATE_LIMIT_MAX: '0' } });
  const { url } = server;
  const api = `${url}/api/account-requests`;
  const admin = { Authorization: basicAuth(ADMIN_PASSWORD) };

  // The form asks for a password.
  const configResponse = await fetch(`${api}/config`);
  const config = (await configResponse.json()) as { fields: { id: string; displayed: boolean; required: boolean }[] };
  const fields = config.fields.map((field) => (field.id === 'password' ? { ...field, displayed: true, required: true } : field));
  const saved = await fetch(`${api}/config`, {
    method: 'PUT',
    headers: { ...admin, 'Content-Type': 'application/json', 'If-Match': configResponse.headers.get('ETag') ?? '', Origin: url },
    body: JSON.stringify({ ...config, fields }),
  });
  assert.equal(saved.status, 200, await saved.clone().text());

  const created = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'logs-1', Origin: url },
    body: JSON.stringify({
      values: { companyName: 'Quillard Logs SARL', lastName: LAST_NAME, email: EMAIL, phone: PHONE, street: '4 rue du Journal', postalCode: '75003', city: 'Paris', country: 'FR', password: SUBMITTED_PASSWORD },
      confirmed: true,
      locale: 'fr',
    }),
  });
  const { id } = (await created.json()) as { id: string };
  assert.equal(created.status, 201);

  // Accepted by the admin: the activation e-mail goes to the outbox.
  for (const [status, version] of [['in-progress', 1], ['accepted', 2]] as const) {
    const patched = await fetch(`${api}/${id}`, {
      method: 'PATCH',
      headers: { ...admin, 'Content-Type': 'application/json', 'If-Match': `"v${version}"`, Origin: url },
      body: JSON.stringify({ status }),
    });
    assert.equal(patched.status, 200, await patched.clone().text());
  }
  const token = await activationToken();
  assert.equal((await fetch(`${url}/activation/${token}?lang=en`)).status, 200);
  assert.equal((await fetch(`${api}/activation/${token}`)).status, 200);
  const activated = await fetch(`${api}/activation/${token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ password: ACTIVATION_PASSWORD, locale: 'fr' }),
  });
  assert.equal(activated.status, 200, await activated.clone().text());
  // A wrong admin password, and a search whose terms are personal data.
  assert.equal((await fetch(`${url}/admin/`, { headers: { Authorization: basicAuth('wrong-guess-Pw-5521') } })).status, 401);
  assert.equal((await fetch(`${api}?q=${encodeURIComponent(LAST_NAME)}`, { headers: admin })).status, 200);
  assert.equal(await server.stop(), 0);

  const output = server.output();
  const lines = output.split('\n').filter((line) => line !== '');
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const requests = entries.filter((entry) => entry['msg'] === 'request');
  assert.ok(requests.length >= 10, `${requests.length} request lines`);
  for (const entry of requests) {
    assert.deepEqual(Object.keys(entry).filter((key) => !['level', 'time', 'pid', 'hostname', 'msg'].includes(key)).sort(), ['method', 'ms', 'reqId', 'route', 'status']);
  }
  const routes = new Set(requests.map((entry) => `${String(entry['method'])} ${String(entry['route'])} ${String(entry['status'])}`));
  for (const expected of ['POST /api/account-requests 201', 'GET /activation/:token 200', 'GET /admin/* 401']) assert.ok(routes.has(expected), `${expected} in ${[...routes].join(', ')}`);
  assert.ok(entries.some((entry) => entry['msg'] === 'e-mail sent' && entry['kind'] === 'activation' && entry['requestId'] === id));

  const secrets = {
    'submitted password': SUBMITTED_PASSWORD,
    'activation password': ACTIVATION_PASSWORD,
    'activation token': token,
    'admin password': ADMIN_PASSWORD,
    'admin credentials': basicAuth(ADMIN_PASSWORD).slice('Basic '.length),
    'wrong credentials': basicAuth('wrong-guess-Pw-5521').slice('Basic '.length),
    'wrong password': 'wrong-guess-Pw-5521',
    'e-mail address': EMAIL,
    'e-mail local part': 'zoe.quillard',
    'last name': LAST_NAME,
    phone: PHONE,
    'Authorization header': 'Basic ',
    'PBKDF2 hash': '$pbkdf2',
  };
  for (const [what, value] of Object.entries(secrets)) assert.ok(!output.includes(value), `the ${what} is in the log`);
});
