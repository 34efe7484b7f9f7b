import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import worker, { createWorker } from './worker.js';

const BASE = 'https://shop.example/api/account-requests';

const validValues = {
  companyName: 'Boulangerie Martin SARL',
  lastName: 'Martin',
  email: 'claire.martin@example.fr',
  phone: '+33 1 42 68 53 00',
  street: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  country: 'FR',
};

function post(body: unknown, key: string = crypto.randomUUID()): Request {
  return new Request(BASE, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
}

describe('examples/worker', () => {
  it('serves the config with an ETag', async () => {
    const response = await createWorker().fetch(new Request(`${BASE}/config`));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.ok(response.headers.get('ETag'));
    const config = (await response.json()) as { fields: { id: string }[] };
    assert.ok(config.fields.some((field) => field.id === 'companyName'));
  });

  it('answers a valid submission with 201 and replays it for the same Idempotency-Key', async () => {
    const app = createWorker();
    const body = { values: validValues, confirmed: true, locale: 'fr' };
    const first = await app.fetch(post(body, 'retry-1'));
    assert.equal(first.status, 201);
    const created = (await first.json()) as { id: string; status: string; access: string };
    assert.equal(created.status, 'pending');
    assert.equal(created.access, 'full');
    const replay = await app.fetch(post(body, 'retry-1'));
    assert.equal(replay.status, 201);
    assert.deepEqual(await replay.json(), created);
  });

  it('answers an invalid submission with 422 problem+json naming each field', async () => {
    const response = await createWorker().fetch(
      post({ values: { ...validValues, postalCode: 'ABC', email: 'not-an-email' }, confirmed: true, locale: 'en' }),
    );
    assert.equal(response.status, 422);
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
    const problem = (await response.json()) as { errors: { field: string; code: string }[] };
    const fields = problem.errors.map((error) => error.field).sort();
    assert.deepEqual(fields, ['email', 'postalCode']);
  });

  it('keeps the admin list closed without the token and opens it with it', async () => {
    const app = createWorker({ adminToken: 's3cret-token' });
    assert.equal((await app.fetch(post({ values: validValues, confirmed: true, locale: 'fr' }))).status, 201);
    const refused = await app.fetch(new Request(BASE, { headers: { Authorization: 'Bearer wrong' } }));
    assert.equal(refused.status, 401);
    const listed = await app.fetch(new Request(BASE, { headers: { Authorization: 'Bearer s3cret-token' } }));
    assert.equal(listed.status, 200);
    const text = await listed.text();
    assert.match(text, /Boulangerie Martin SARL/);
  });

  it('refuses admin routes when no token is bound (secure by default)', async () => {
    const response = await createWorker().fetch(new Request(BASE));
    assert.equal(response.status, 403);
  });

  it('exports a module worker whose fetch takes the env bindings', async () => {
    const response = await worker.fetch(new Request(`${BASE}/config`), {});
    assert.equal(response.status, 200);
  });
});
