import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../../../test/test-helpers/fake-public-apis.js';
import { legalFormOf } from './legal-forms.js';
import { createRechercheEntreprisesDirectory } from './recherche-entreprises.js';
import { isLookupServiceError } from './service.js';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

const directory = (options: Parameters<typeof createRechercheEntreprisesDirectory>[0] = {}) =>
  createRechercheEntreprisesDirectory({ baseUrl: fakes.companyUrl, cache: false, ...options });

const failure = (kind: string) => (error: unknown) => isLookupServiceError(error) && error.failure === kind;

describe('createRechercheEntreprisesDirectory', () => {
  it('finds the name, the legal form and the registered address of an open establishment', async () => {
    const company = await directory().lookupCompany(FAKE_COMPANIES.open.siret);
    assert.deepEqual(company, {
      siret: '73282932000074',
      siren: '732829320',
      name: 'COMPTOIR DUVAL',
      legalForm: 'SAS',
      address: { street: '12 RUE DE LA PAIX', postalCode: '75002', city: 'PARIS', country: 'FR' },
      closed: false,
    });
  });

  it('says a closed establishment is closed, with the open head office as registered address', async () => {
    const company = await directory().lookupCompany(FAKE_COMPANIES.closed.siret);
    assert.equal(company?.closed, true);
    assert.equal(company?.legalForm, 'SARL');
    assert.deepEqual(company?.address, { street: '3 BOULEVARD DES BROTTEAUX', postalCode: '69006', city: 'LYON', country: 'FR' });
  });

  it('says a ceased company is closed', async () => {
    fakes.companies.push({ ...FAKE_COMPANIES.open, siret: '54210765100003', name: 'ANCIENNE MAISON', ceased: true });
    try {
      assert.equal((await directory().lookupCompany('54210765100003'))?.closed, true);
    } finally {
      fakes.companies.pop();
    }
  });

  it('offers no name or address of a sole trader who opted out of publication', async () => {
    assert.deepEqual(await directory().lookupCompany(FAKE_COMPANIES.hidden.siret), { siret: '55210023200008', siren: '552100232', legalForm: 'EI', closed: false });
  });

  it('answers undefined for an unknown SIRET, and for an invalid one without calling', async () => {
    assert.equal(await directory().lookupCompany('12345678200010'), undefined);
    assert.equal(await directory().lookupCompany('12345678901234'), undefined);
    assert.equal(fakes.count('company'), 1);
  });

  it('sends the SIRET only, compacted', async () => {
    await directory().lookupCompany('732 829 320 00074');
    assert.deepEqual(fakes.requests.map((request) => [request.method, request.url, request.body]), [['GET', '/company/search?q=73282932000074', '']]);
  });

  it('asks once for a SIRET looked up again, or twice at the same time, with the cache', async () => {
    const cached = directory({ cache: { ttlMs: 60_000 } });
    const [a, b] = await Promise.all([cached.lookupCompany(FAKE_COMPANIES.open.siret), cached.lookupCompany(FAKE_COMPANIES.open.siret)]);
    await cached.lookupCompany(FAKE_COMPANIES.open.siret);
    assert.deepEqual(a, b);
    assert.equal(fakes.count('company'), 1);
  });

  it('does not keep a failure: the next lookup asks again', async () => {
    const cached = directory({ cache: {}, retries: 0 });
    fakes.fail('company', { kind: 'status', status: 500 });
    await assert.rejects(cached.lookupCompany(FAKE_COMPANIES.open.siret), failure('status'));
    assert.equal((await cached.lookupCompany(FAKE_COMPANIES.open.siret))?.name, 'COMPTOIR DUVAL');
  });

  it('retries a 429 or a 503 once, then gives up', async () => {
    fakes.fail('company', { kind: 'rate-limited' });
    assert.equal((await directory().lookupCompany(FAKE_COMPANIES.open.siret))?.siren, '732829320');
    fakes.fail('company', { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    await assert.rejects(directory().lookupCompany(FAKE_COMPANIES.open.siret), failure('status'));
    fakes.fail('company', { kind: 'rate-limited' }, { kind: 'rate-limited' });
    await assert.rejects(directory().lookupCompany(FAKE_COMPANIES.open.siret), failure('rate-limited'));
    assert.equal(fakes.count('company'), 6);
  });

  it('does not retry a 500 and rejects malformed or cut bodies', async () => {
    fakes.fail('company', { kind: 'status', status: 500 }, { kind: 'malformed' }, { kind: 'truncated' });
    await assert.rejects(directory().lookupCompany(FAKE_COMPANIES.open.siret), failure('status'));
    await assert.rejects(directory().lookupCompany(FAKE_COMPANIES.open.siret), failure('malformed'));
    await assert.rejects(directory().lookupCompany(FAKE_COMPANIES.open.siret), failure('malformed'));
    assert.equal(fakes.count('company'), 3);
  });

  it('gives up at its time budget when the service does not answer', async () => {
    fakes.fail('company', { kind: 'hang' });
    const started = Date.now();
    await assert.rejects(directory({ timeoutMs: 300 }).lookupCompany(FAKE_COMPANIES.open.siret), failure('timeout'));
    const took = Date.now() - started;
    assert.ok(took >= 290 && took < 1500, `took ${took} ms`);
    fakes.fail('company', { kind: 'slow', delayMs: 600 });
    await assert.rejects(directory({ timeoutMs: 300 }).lookupCompany(FAKE_COMPANIES.open.siret), failure('timeout'));
  });

  it('stops when the caller aborts, with the caller\'s reason', async () => {
    fakes.fail('company', { kind: 'hang' }, { kind: 'hang' });
    for (const options of [{ cache: false as const }, { cache: {} }]) {
      const controller = new AbortController();
      const pending = directory(options).lookupCompany(FAKE_COMPANIES.open.siret, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('typed on')), 50);
      await assert.rejects(pending, /typed on/);
    }
  });

  it('refuses a base URL that is not http(s)', () => {
    assert.throws(() => createRechercheEntreprisesDirectory({ baseUrl: 'ftp://example.org' }), TypeError);
    assert.throws(() => createRechercheEntreprisesDirectory({ baseUrl: 'not a url' }), TypeError);
  });
});

describe('legalFormOf', () => {
  it('maps INSEE legal categories to the catalog options', () => {
    const cases: [string, string][] = [
      ['1000', 'EI'], ['5499', 'SARL'], ['5410', 'SARL'], ['5485', 'SARL'], ['5498', 'EURL'], ['5710', 'SAS'], ['5785', 'SAS'],
      ['5720', 'SASU'], ['5599', 'SA'], ['5505', 'SA'], ['5699', 'SA'], ['5202', 'SNC'], ['5203', 'SNC'], ['9220', 'association'],
      ['9230', 'association'], ['9260', 'association'], ['9240', 'other'], ['5306', 'other'], ['6540', 'other'], ['7210', 'other'],
    ];
    for (const [code, form] of cases) assert.equal(legalFormOf(code), form, code);
  });

  it('is undefined for what is no category', () => {
    for (const code of [undefined, null, 5710, '571', '57100', 'SAS ', '']) assert.equal(legalFormOf(code), undefined, String(code));
  });
});
