import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../../../test/test-helpers/fake-public-apis.js';
import { createMemoryRateLimitStore } from '../http/rate-limit-store.js';
import { createApiAdresseSearch } from '../lookups/api-adresse.js';
import { createRechercheEntreprisesDirectory } from '../lookups/recherche-entreprises.js';
import { get, ORIGIN, setup, URL_BASE } from '../test-helpers/setup.js';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

const lookups = (extra: Record<string, unknown> = {}) => ({
  company: createRechercheEntreprisesDirectory({ baseUrl: fakes.companyUrl, timeoutMs: 400 }),
  address: createApiAdresseSearch({ baseUrl: fakes.addressUrl, timeoutMs: 400 }),
  ...extra,
});

async function problemOf(response: Response): Promise<{ status: number; type: string; contentType: string | null }> {
  const body = (await response.json()) as { type: string };
  return { status: response.status, type: body.type, contentType: response.headers.get('Content-Type') };
}

describe('lookup routes', () => {
  it('say which lookups are on, and none without the option', async () => {
    const { handler } = setup({ lookups: lookups() });
    const on = await handler(get('/lookup'));
    assert.equal(on.status, 200);
    assert.deepEqual(await on.json(), { company: true, address: true });
    assert.deepEqual(await (await setup({ lookups: { address: lookups().address } }).handler(get('/lookup'))).json(), { company: false, address: true });
    assert.deepEqual(await (await setup().handler(get('/lookup'))).json(), { company: false, address: false });
  });

  it('answer the company of a SIRET, spaces allowed, cacheable', async () => {
    const { handler } = setup({ lookups: lookups() });
    const response = await handler(get('/lookup/company?siret=732%20829%20320%2000074'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Cache-Control') ?? '', /max-age=3600/);
    assert.deepEqual(await response.json(), {
      siret: '73282932000074', siren: '732829320', name: 'COMPTOIR DUVAL', legalForm: 'SAS',
      address: { street: '12 RUE DE LA PAIX', postalCode: '75002', city: 'PARIS', country: 'FR' }, closed: false,
    });
    assert.equal((await (await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.closed.siret}`))).json() as { closed: boolean }).closed, true);
  });

  it('answer 400 for an invalid SIRET without calling the directory, 404 for an unknown one', async () => {
    const { handler } = setup({ lookups: lookups() });
    for (const query of ['', '?siret=', '?siret=12345678901234', '?siret=abc']) {
      assert.deepEqual(await problemOf(await handler(get(`/lookup/company${query}`))), { status: 400, type: 'urn:account-request:problem:invalid-lookup', contentType: 'application/problem+json; charset=utf-8' });
    }
    assert.equal(fakes.count('company'), 0);
    assert.equal((await problemOf(await handler(get('/lookup/company?siret=12345678200010')))).type, 'urn:account-request:problem:company-not-found');
  });

  it('answer 404 lookup-off when the lookup is not turned on', async () => {
    const { handler } = setup();
    assert.deepEqual(await problemOf(await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`))), { status: 404, type: 'urn:account-request:problem:lookup-off', contentType: 'application/problem+json; charset=utf-8' });
    assert.equal((await problemOf(await handler(get('/lookup/address?q=rue+de+la+paix')))).status, 404);
  });

  it('answer 503 when the directory fails and 504 when it is silent, never a 500', async () => {
    const { handler } = setup({ lookups: lookups() });
    fakes.fail('company', { kind: 'status', status: 500 });
    assert.equal((await problemOf(await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`)))).status, 503);
    fakes.fail('company', { kind: 'malformed' });
    assert.equal((await problemOf(await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`)))).status, 503);
    fakes.fail('company', { kind: 'rate-limited', retryAfter: 0 }, { kind: 'rate-limited', retryAfter: 0 });
    assert.equal((await problemOf(await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`)))).status, 503);
    fakes.fail('company', { kind: 'hang' });
    assert.deepEqual(await problemOf(await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`))), { status: 504, type: 'urn:account-request:problem:lookup-failed', contentType: 'application/problem+json; charset=utf-8' });
    const throwing = setup({ lookups: { company: { lookupCompany: () => Promise.reject(new Error('bug')) } } }).handler;
    assert.equal((await throwing(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`))).status, 503);
  });

  it('say when to ask again while the service holds them back (429 with Retry-After)', async () => {
    const { handler } = setup({ lookups: lookups() });
    const company = () => handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`));
    const address = () => handler(get('/lookup/address?q=rue+de+la+paix'));
    fakes.fail('company', { kind: 'rate-limited', retryAfter: 30 });
    fakes.fail('address', { kind: 'rate-limited', retryAfter: 2 });
    for (const [ask, most] of [[company, 30], [address, 2]] as const) {
      for (let i = 0; i < 2; i += 1) {
        const held = await ask();
        assert.equal(held.status, 503);
        const seconds = Number(held.headers.get('Retry-After'));
        assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= most, `Retry-After ${held.headers.get('Retry-After')}`);
      }
    }
    // The second asks were the hold's: the services heard once each.
    assert.deepEqual([fakes.count('company'), fakes.count('address')], [1, 1]);
    // A failure that asks no wait says none.
    fakes.fail('company', { kind: 'status', status: 500 });
    const plain = await setup({ lookups: lookups() }).handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`));
    assert.deepEqual([plain.status, plain.headers.get('Retry-After')], [503, null]);
  });

  it('answer address suggestions, privately cacheable', async () => {
    const { handler } = setup({ lookups: lookups() });
    const response = await handler(get('/lookup/address?q=8%20boulevard%20du%20port&limit=1'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Cache-Control') ?? '', /^private/);
    assert.deepEqual(await response.json(), { suggestions: [{ label: '8 Boulevard du Port 80000 Amiens', street: '8 Boulevard du Port', postalCode: '80000', city: 'Amiens' }] });
  });

  it('refuse address texts and limits out of bounds with 400', async () => {
    const { handler } = setup({ lookups: lookups() });
    for (const query of ['', '?q=12', '?q=--rue', `?q=${'a'.repeat(201)}`, '?q=rue%00paix', '?q=rue+de+la+paix&limit=0', '?q=rue+de+la+paix&limit=11', '?q=rue+de+la+paix&limit=x']) {
      assert.equal((await handler(get(`/lookup/address${query}`))).status, 400, query);
    }
    assert.equal(fakes.count('address'), 0);
  });

  it('limit lookups per client address, with Retry-After', async () => {
    const { handler } = setup({ lookups: lookups({ rateLimit: { windowMs: 60_000, max: 2 } }), clientAddress: () => '203.0.113.9' });
    assert.equal((await handler(get('/lookup/address?q=rue+de+la+paix'))).status, 200);
    assert.equal((await handler(get(`/lookup/company?siret=${FAKE_COMPANIES.open.siret}`))).status, 200);
    const limited = await handler(get('/lookup/address?q=rue+de+la+paix'));
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
    // The capabilities are not counted.
    assert.equal((await handler(get('/lookup'))).status, 200);
  });

  it('count lookups in a shared rate-limit store when given one: two handlers (two instances) share the limit', async () => {
    const store = createMemoryRateLimitStore();
    const limit = { windowMs: 60_000, max: 3, store };
    const one = setup({ lookups: lookups({ rateLimit: limit }), clientAddress: () => '203.0.113.10' }).handler;
    const two = setup({ lookups: lookups({ rateLimit: limit }), clientAddress: () => '203.0.113.10' }).handler;
    const statuses: number[] = [];
    for (const handler of [one, two, one, two, one]) statuses.push((await handler(get('/lookup/address?q=rue+de+la+paix'))).status);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    // Another address has its own count; a failing store is a 503, not an open door.
    assert.equal((await setup({ lookups: lookups({ rateLimit: limit }), clientAddress: () => '203.0.113.11' }).handler(get('/lookup/address?q=rue+de+la+paix'))).status, 200);
    const broken = { hit: () => Promise.reject(new Error('database down')) };
    const failing = setup({ lookups: lookups({ rateLimit: { windowMs: 60_000, max: 3, store: broken } }), clientAddress: () => '203.0.113.12' }).handler;
    assert.equal((await failing(get('/lookup/address?q=rue+de+la+paix'))).status, 503);
  });

  it('answer allowed foreign origins with CORS headers and refuse other sites', async () => {
    const { handler } = setup({ lookups: lookups(), allowedOrigins: ['https://partner.test'] });
    const allowed = await handler(get('/lookup/address?q=rue+de+la+paix', { Origin: 'https://partner.test' }));
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://partner.test');
    assert.equal((await handler(get('/lookup/address?q=rue+de+la+paix', { Origin: 'https://evil.test' }))).status, 403);
    assert.equal((await handler(get('/lookup/address?q=rue+de+la+paix', { Origin: ORIGIN }))).status, 200);
    const preflight = await handler(new Request(`${URL_BASE}/lookup/company`, { method: 'OPTIONS', headers: { Origin: 'https://partner.test', 'Access-Control-Request-Method': 'GET' } }));
    assert.equal(preflight.status, 204);
  });

  it('say that their cacheable answers vary by Origin, for the shop\'s own pages too', async () => {
    const { handler } = setup({ lookups: lookups(), allowedOrigins: ['https://partner.test'] });
    for (const path of ['/lookup', `/lookup/company?siret=${FAKE_COMPANIES.open.siret}`, '/lookup/address?q=rue+de+la+paix']) {
      for (const headers of [{}, { Origin: ORIGIN }, { Origin: 'https://partner.test' }]) {
        const response = await handler(get(path, headers));
        assert.equal(response.status, 200, path);
        assert.match(response.headers.get('Vary') ?? '', /\bOrigin\b/, `${path} ${JSON.stringify(headers)}`);
        assert.doesNotMatch(response.headers.get('Vary') ?? '', /Origin.*Origin/);
      }
    }
  });

  it('take GET and HEAD only', async () => {
    const { handler } = setup({ lookups: lookups() });
    const response = await handler(new Request(`${URL_BASE}/lookup/company?siret=${FAKE_COMPANIES.open.siret}`, { method: 'POST' }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('Allow'), 'GET, HEAD');
  });
});
