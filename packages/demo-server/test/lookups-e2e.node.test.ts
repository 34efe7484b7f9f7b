// The demo server in its own process (src/main.ts) with COMPANY_DIRECTORY_URL, VIES_URL and
// ADDRESS_API_URL pointing at local fakes: the variables reach the lookups and the checks, the
// start-up log says which services are on, a submission is answered at once and checked after.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../test/test-helpers/fake-public-apis.js';
import { ensureBuilt, startServer, type RunningServer } from './test-helpers/server.js';

const PASSWORD = 'lookups-e2e-password';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const VAT = 'FR44732829320';
const root = mkdtempSync(join(tmpdir(), 'demo-lookups-e2e-'));
let fakes: FakePublicApis;
let server: RunningServer;

before(async () => {
  ensureBuilt();
  fakes = await startFakePublicApis();
  fakes.vies(VAT, { kind: 'valid', name: 'COMPTOIR DUVAL' });
  server = await startServer({
    dataDir: join(root, 'data'),
    adminPassword: PASSWORD,
    env: { COMPANY_DIRECTORY_URL: fakes.companyUrl, VIES_URL: fakes.viesUrl, ADDRESS_API_URL: fakes.addressUrl, VIES_REQUESTER: 'FR40303265045' },
  });
});
after(async () => {
  await server?.stop();
  await fakes?.close();
  rmSync(root, { recursive: true, force: true });
});

test('the variables turn the lookups and checks on, with the fakes answering', async () => {
  assert.match(server.output(), /"lookups":\{"company":true,"vies":true,"address":true\}/);
  assert.doesNotMatch(server.output(), /127\.0\.0\.1:\d+\/(company|vies|address)/);
  const api = `${server.url}/api/account-requests`;
  assert.deepEqual(await (await fetch(`${api}/lookup`)).json(), { company: true, address: true });
  assert.equal(((await (await fetch(`${api}/lookup/company?siret=${FAKE_COMPANIES.open.siret}`)).json()) as { name: string }).name, 'COMPTOIR DUVAL');
  const values = { companyName: 'Comptoir Duval', lastName: 'Duval', email: 'marc@duval.example', phone: '01 42 00 11 22', street: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR', siret: FAKE_COMPANIES.open.siret, vatNumber: VAT };
  const created = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ values, confirmed: true, locale: 'fr' }) });
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  let record: { vatCheck?: { state: string; consultationNumber?: string }; siretCheck?: { state: string } } = {};
  for (let i = 0; i < 50 && record.vatCheck?.state !== 'valid'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    record = (await (await fetch(`${api}/${id}`, { headers: ADMIN })).json()) as typeof record;
  }
  assert.equal(record.vatCheck?.state, 'valid');
  assert.equal(record.vatCheck?.consultationNumber, 'WAPIAAAAZ829320');
  assert.equal(record.siretCheck?.state, 'open');
  const page = await (await fetch(`${server.url}/admin/requests/${id}?lang=en`, { headers: ADMIN })).text();
  assert.match(page, /<span class="check check-valid">VAT number valid<\/span>/);
});
