import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startFakePublicApis, type FakePublicApis } from '../../../../../test/test-helpers/fake-public-apis.js';
import { createApiAdresseSearch } from './api-adresse.js';
import { isLookupServiceError } from './service.js';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

const search = (options: Parameters<typeof createApiAdresseSearch>[0] = {}) => createApiAdresseSearch({ baseUrl: fakes.addressUrl, cache: false, ...options });
const failure = (kind: string) => (error: unknown) => isLookupServiceError(error) && error.failure === kind;

describe('createApiAdresseSearch', () => {
  it('suggests street, postal code and city per feature, with the label to list', async () => {
    assert.deepEqual(await search().searchAddress('8 boulevard du port'), [
      { label: '8 Boulevard du Port 80000 Amiens', street: '8 Boulevard du Port', postalCode: '80000', city: 'Amiens' },
      { label: '8 Boulevard du Port 95000 Cergy', street: '8 Boulevard du Port', postalCode: '95000', city: 'Cergy' },
    ]);
  });

  it('leaves out a whole town and keeps streets without a number', async () => {
    const found = await search().searchAddress('paris');
    assert.deepEqual(found.map((suggestion) => suggestion.street), ['12 Rue de la Paix']);
    assert.deepEqual((await search().searchAddress('rue de la paix')).map((suggestion) => suggestion.label), ['12 Rue de la Paix 75002 Paris', 'Rue de la Paix 42000 Saint-Étienne']);
  });

  it('sends the typed text and the limit only', async () => {
    await search().searchAddress('  12   rue de la paix ', { limit: 3 });
    assert.deepEqual(fakes.requests.map((request) => request.url), ['/address/search/?q=12%20rue%20de%20la%20paix&limit=3']);
  });

  it('asks nothing for fewer than three characters, and gets nothing for a text the service refuses', async () => {
    assert.deepEqual(await search().searchAddress('12'), []);
    assert.equal(fakes.count('address'), 0);
    assert.deepEqual(await search().searchAddress('--- rue'), []);
    assert.equal(fakes.count('address'), 1);
  });

  it('caches by the text whatever its case', async () => {
    const cached = search({ cache: {} });
    await cached.searchAddress('Rue de la Paix');
    await cached.searchAddress('rue de la paix');
    assert.equal(fakes.count('address'), 1);
  });

  it('rejects 429 twice, 500, malformed bodies and silence', async () => {
    fakes.fail('address', { kind: 'rate-limited' }, { kind: 'rate-limited' }, { kind: 'status', status: 500 }, { kind: 'malformed' }, { kind: 'hang' });
    await assert.rejects(search().searchAddress('rue de la paix'), failure('rate-limited'));
    await assert.rejects(search().searchAddress('rue de la paix'), failure('status'));
    await assert.rejects(search().searchAddress('rue de la paix'), failure('malformed'));
    await assert.rejects(search({ timeoutMs: 200 }).searchAddress('rue de la paix'), failure('timeout'));
  });
});
