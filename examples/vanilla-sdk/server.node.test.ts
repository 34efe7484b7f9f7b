import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createMemoryStore } from '@account-request/sdk/server';
import { importRequests } from './import-requests.js';
import { startVanillaServer, type VanillaServer } from './server.js';

const config: unknown = JSON.parse(readFileSync(new URL('config.json', import.meta.url), 'utf8'));

const valid = {
  companyName: 'Atelier Durand SAS',
  siret: '73282932000074',
  lastName: 'Durand',
  email: 'paul.durand@example.fr',
  postalCode: '33000',
  city: 'Bordeaux',
  country: 'FR',
};

describe('examples/vanilla-sdk server (node:http + createAccountRequestHandler)', () => {
  let server: VanillaServer;
  before(async () => {
    server = await startVanillaServer();
  });
  after(() => server.close());

  it('serves the page, its stylesheet and its bundled script under a CSP', async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<script type="module" src="\/app.js">/);
    const script = await fetch(`${server.url}/app.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /Idempotency-Key/);
  });

  it('serves the example config through the handler', async () => {
    const response = await fetch(`${server.url}/api/account-requests/config`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { fields: { id: string; displayed: boolean; required: boolean }[] };
    assert.deepEqual(body.fields.find((field) => field.id === 'siret'), { id: 'siret', displayed: true, required: true });
  });

  it('creates a request (201), refuses a wrong SIRET (422) and keeps the list admin-only (403)', async () => {
    const post = (values: object) =>
      fetch(`${server.url}/api/account-requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ values, confirmed: true, locale: 'fr' }),
      });
    const created = await post(valid);
    assert.equal(created.status, 201);
    assert.equal(((await created.json()) as { access: string }).access, 'none');
    const refused = await post({ ...valid, siret: '73282932000075' });
    assert.equal(refused.status, 422);
    const problem = (await refused.json()) as { errors: { field: string; code: string }[] };
    assert.deepEqual(problem.errors.map(({ field, code }) => ({ field, code })), [{ field: 'siret', code: 'invalid_checksum' }]);
    assert.equal((await fetch(`${server.url}/api/account-requests`)).status, 403);
    assert.equal((await server.store.list()).length, 1);
  });
});

describe('examples/vanilla-sdk importRequests (validateSubmission on the server)', () => {
  it('stores the valid rows and reports every problem of the others, dropping unknown columns', async () => {
    const store = createMemoryStore();
    const report = await importRequests(
      config,
      [
        { ...valid, salesRep: 'Nadia' },
        { ...valid, email: 'pas-un-email', postalCode: '3300' },
      ],
      store,
    );
    assert.equal(report.created.length, 1);
    assert.deepEqual(report.rejected.map(({ row, errors }) => ({ row, fields: errors.map((error) => error.field).sort() })), [
      { row: 1, fields: ['email', 'postalCode'] },
    ]);
    const [stored] = await store.list();
    assert.equal(stored?.values['companyName'], 'Atelier Durand SAS');
    assert.equal(Object.hasOwn(stored?.values ?? {}, 'salesRep'), false);
  });
});
