import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../../test/test-helpers/fake-public-apis.js';
import { createApiAdresseSearch } from '../server/lookups/api-adresse.js';
import { createRechercheEntreprisesDirectory } from '../server/lookups/recherche-entreprises.js';
import { setup } from '../server/test-helpers/setup.js';
import { createClient } from './client.js';
import { isLookupError, readCompany, readSuggestions } from './lookups.js';

const BASE = 'https://shop.test/api/account-requests';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

function wire(lookups: boolean) {
  const { handler } = setup({
    ...(lookups
      ? { lookups: { company: createRechercheEntreprisesDirectory({ baseUrl: fakes.companyUrl, timeoutMs: 300 }), address: createApiAdresseSearch({ baseUrl: fakes.addressUrl, timeoutMs: 300 }) } }
      : {}),
  });
  let calls = 0;
  const fetch = (input: string | URL | Request, init?: RequestInit) => ((calls += 1), handler(new Request(input, init)));
  return { client: createClient({ base: BASE, fetch }), calls: () => calls };
}

/** A client whose server answers `status` and `body` to everything. */
function answering(status: number, body: string) {
  return createClient({ base: BASE, fetch: async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }) });
}

describe('client lookups against the real handler', () => {
  it('read the capabilities, none from a server without lookups', async () => {
    assert.deepEqual(await wire(true).client.lookupCapabilities(), { company: true, address: true });
    assert.deepEqual(await wire(false).client.lookupCapabilities(), { company: false, address: false });
    assert.deepEqual(await answering(404, '{}').lookupCapabilities(), { company: false, address: false });
  });

  it('find a company to prefill, null for an unknown one or when the lookup is off', async () => {
    const { client } = wire(true);
    const company = await client.lookupCompany('732 829 320 00074');
    assert.equal(company?.name, 'COMPTOIR DUVAL');
    assert.equal(company?.legalForm, 'SAS');
    assert.equal(company?.address?.postalCode, '75002');
    assert.equal(await client.lookupCompany('12345678200010'), null);
    assert.equal(await wire(false).client.lookupCompany(FAKE_COMPANIES.open.siret), null);
  });

  it('suggest addresses, none when the lookup is off', async () => {
    const { client } = wire(true);
    assert.deepEqual((await client.searchAddress('8 boulevard du port', { limit: 1 })).map((s) => s.city), ['Amiens']);
    assert.deepEqual(await wire(false).client.searchAddress('8 boulevard du port'), []);
  });

  it('throw a LookupError, once and without retrying, when the service fails', async () => {
    const { client, calls } = wire(true);
    fakes.fail('company', { kind: 'status', status: 500 });
    const error = await client.lookupCompany(FAKE_COMPANIES.open.siret).catch((e: unknown) => e);
    assert.ok(isLookupError(error));
    assert.equal(error.status, 503);
    fakes.fail('company', { kind: 'hang' });
    assert.equal(((await client.lookupCompany(FAKE_COMPANIES.open.siret).catch((e: unknown) => e)) as { status?: number }).status, 504);
    assert.equal(calls(), 2);
    const invalid = await client.lookupCompany('123').catch((e: unknown) => e);
    assert.ok(isLookupError(invalid) && invalid.status === 400);
  });

  it('throw a LookupError for an unreadable answer', async () => {
    for (const body of ['<html>', '{"siret": 1}', '[]']) {
      await assert.rejects(answering(200, body).lookupCompany(FAKE_COMPANIES.open.siret), { name: 'LookupError' });
    }
    await assert.rejects(answering(200, '{"suggestions": 3}').searchAddress('rue de la paix'), { name: 'LookupError' });
    await assert.rejects(answering(200, '{"company": "yes", "address": true}').lookupCapabilities(), { name: 'LookupError' });
    // Malformed entries are dropped, extra members too.
    const suggestions = await answering(200, JSON.stringify({ suggestions: [{ label: 'a', street: 'b', postalCode: 'c', city: 'd', extra: 1 }, { label: 2 }] })).searchAddress('rue de la paix');
    assert.deepEqual(suggestions, [{ label: 'a', street: 'b', postalCode: 'c', city: 'd' }]);
  });

  it('give up at the timeout, and reject with the caller\'s reason on abort', async () => {
    const silent = createClient({ base: BASE, fetch: (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))) });
    const started = Date.now();
    await assert.rejects(silent.lookupCompany(FAKE_COMPANIES.open.siret, { timeout: 100 }), { name: 'LookupError' });
    assert.ok(Date.now() - started < 1000);
    const controller = new AbortController();
    const pending = silent.searchAddress('rue de la paix', { signal: controller.signal });
    controller.abort(new Error('typed on'));
    await assert.rejects(pending, /typed on/);
  });

  it('read own members only, whatever a page put on Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['name'] = 'Hijacked SAS';
    proto['address'] = { street: 'x', postalCode: 'y', city: 'z', country: 'FR' };
    proto['suggestions'] = [{ label: 'a', street: 'b', postalCode: 'c', city: 'd' }];
    try {
      assert.deepEqual(readCompany(JSON.parse('{"siret":"73282932000074","siren":"732829320","closed":false}')), { siret: '73282932000074', siren: '732829320', closed: false });
      assert.equal(readSuggestions(JSON.parse('{}')), undefined);
    } finally {
      delete proto['name'];
      delete proto['address'];
      delete proto['suggestions'];
    }
  });
});
