import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startFakePublicApis, type FakePublicApis } from '../../../../../test/test-helpers/fake-public-apis.js';
import { isLookupServiceError } from './service.js';
import { createViesChecker, viesAnswer } from './vies.js';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

const checker = (options: Parameters<typeof createViesChecker>[0] = {}) => createViesChecker({ baseUrl: fakes.viesUrl, cache: false, ...options });
const failure = (kind: string) => (error: unknown) => isLookupServiceError(error) && error.failure === kind;

describe('createViesChecker', () => {
  it('reads a valid answer: name and address on one line, the date of the answer', async () => {
    fakes.vies('FR44732829320', { kind: 'valid', name: 'SAS COMPTOIR DUVAL', address: '12 RUE DE LA PAIX\n75002 PARIS' });
    const before = Date.now();
    const answer = await checker().checkVat('FR 44 732 829 320');
    assert.equal(answer.state, 'valid');
    assert.ok(answer.state === 'valid' && Date.parse(answer.checkedAt) >= before - 1000);
    assert.deepEqual({ ...answer, checkedAt: 'x' }, { state: 'valid', checkedAt: 'x', name: 'SAS COMPTOIR DUVAL', address: '12 RUE DE LA PAIX, 75002 PARIS' });
  });

  it('sends the country code and the national part, and nothing else without a requester', async () => {
    fakes.vies('FR44732829320', { kind: 'valid' });
    await checker().checkVat('FR44732829320');
    assert.deepEqual(fakes.requests.map((request) => [request.method, request.url, JSON.parse(request.body)]), [
      ['POST', '/vies/check-vat-number', { countryCode: 'FR', vatNumber: '44732829320' }],
    ]);
  });

  it('keeps the consultation number VIES gives when the shop names itself as requester', async () => {
    fakes.vies('DE123456789', { kind: 'valid' });
    const answer = await checker({ requester: 'FR40 303 265 045' }).checkVat('DE123456789');
    assert.deepEqual(JSON.parse(fakes.requests[0]?.body ?? ''), { countryCode: 'DE', vatNumber: '123456789', requesterMemberStateCode: 'FR', requesterNumber: '40303265045' });
    assert.equal(answer.state === 'valid' && answer.consultationNumber, 'WAPIAAAAZ456789');
    // A member state that discloses nothing: `---` is no name.
    assert.equal('name' in answer, false);
  });

  it('reads invalid, and INVALID_INPUT as invalid', async () => {
    fakes.vies('FR83404833048', { kind: 'invalid' });
    fakes.vies('IT12345678901', { kind: 'error', code: 'INVALID_INPUT' });
    assert.equal((await checker().checkVat('FR83404833048')).state, 'invalid');
    assert.equal((await checker().checkVat('IT12345678901')).state, 'invalid');
  });

  it('reads the "not now" errors as unavailable, with their code', async () => {
    const codes = [
      ['MS_UNAVAILABLE', 500], ['MS_MAX_CONCURRENT_REQ', 500], ['MS_MAX_CONCURRENT_REQ_TIME', 500], ['TIMEOUT', 500], ['GLOBAL_MAX_CONCURRENT_REQ', 500],
      ['GLOBAL_MAX_CONCURRENT_REQ_TIME', 500], ['SERVICE_UNAVAILABLE', 503], ['VAT_BLOCKED', 500], ['IP_BLOCKED', 500],
    ] as const;
    for (const [code, status] of codes) {
      fakes.vies('EL094259216', { kind: 'error', code, status });
      assert.deepEqual(await checker({ retries: 0 }).checkVat('EL094259216'), { state: 'unavailable', reason: code });
    }
    assert.deepEqual(JSON.parse(fakes.requests[0]?.body ?? '').countryCode, 'EL');
  });

  it('reads INVALID_REQUESTER_INFO as a final unavailable: the requester, not the number, is refused', async () => {
    fakes.vies('DE123456789', { kind: 'error', code: 'INVALID_REQUESTER_INFO', status: 400 });
    assert.deepEqual(await checker({ requester: 'FR40303265045' }).checkVat('DE123456789'), { state: 'unavailable', reason: 'INVALID_REQUESTER_INFO', final: true });
  });

  it('asks again after unavailable, even with its cache: unavailable then valid', async () => {
    const cached = checker({ cache: {} });
    fakes.vies('FR44732829320', { kind: 'error', code: 'MS_UNAVAILABLE' }, { kind: 'valid', name: 'COMPTOIR DUVAL' });
    assert.equal((await cached.checkVat('FR44732829320')).state, 'unavailable');
    assert.equal((await cached.checkVat('FR44732829320')).state, 'valid');
    assert.equal((await cached.checkVat('FR44732829320')).state, 'valid');
    assert.equal(fakes.count('vies'), 2);
  });

  it('rejects an unreadable answer, an error page and a silent service', async () => {
    fakes.fail('vies', { kind: 'malformed' }, { kind: 'status', status: 500 }, { kind: 'rate-limited' }, { kind: 'rate-limited' }, { kind: 'hang' });
    await assert.rejects(checker().checkVat('FR44732829320'), failure('malformed'));
    // The fake's 500 carries JSON without VIES's error wrapper: a failure, not an answer.
    await assert.rejects(checker().checkVat('FR44732829320'), failure('status'));
    await assert.rejects(checker().checkVat('FR44732829320'), failure('rate-limited'));
    await assert.rejects(checker({ timeoutMs: 200 }).checkVat('FR44732829320'), failure('timeout'));
  });

  it('leaves no unhandled rejection when the caller had aborted before the check (no cache)', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const controller = new AbortController();
      controller.abort(new Error('gone'));
      const down = createViesChecker({ baseUrl: fakes.viesUrl, cache: false, retries: 0, fetch: () => Promise.reject(new TypeError('fetch failed')) });
      await assert.rejects(down.checkVat('FR44732829320', { signal: controller.signal }), /gone/);
      // The check itself fails a few ticks later, unawaited by anyone.
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('refuses a requester that is no VAT number', () => {
    assert.throws(() => createViesChecker({ requester: 'shop' }), TypeError);
  });
});

describe('viesAnswer', () => {
  it('reads userError and isValid as the GET form of the API writes them', () => {
    assert.deepEqual(viesAnswer(200, { isValid: false, userError: 'INVALID', requestDate: '2026-01-05T10:00:00.000Z' }), { state: 'invalid', checkedAt: '2026-01-05T10:00:00.000Z' });
    assert.deepEqual(viesAnswer(200, { isValid: false, userError: 'MS_UNAVAILABLE' }), { state: 'unavailable', reason: 'MS_UNAVAILABLE' });
  });

  it('keeps only texts a form value may hold: no NUL, control or bidi override, one line, bounded', () => {
    const answer = viesAnswer(200, {
      valid: true,
      requestDate: '2026-01-05T10:00:00.000Z',
      name: 'ACME\u0000 SAS\u202E',
      address: '1 RUE\tDE LA PAIX\n\n75002\u0007 PARIS',
      requestIdentifier: `WAPI\u0000${'9'.repeat(100)}`,
    });
    assert.deepEqual(answer, { state: 'valid', checkedAt: '2026-01-05T10:00:00.000Z', name: 'ACME SAS', address: '1 RUE DE LA PAIX, 75002 PARIS', consultationNumber: `WAPI${'9'.repeat(60)}` });
    const long = viesAnswer(200, { valid: true, name: 'x'.repeat(5000) });
    assert.equal('name' in long ? long.name?.length : undefined, 300);
  });
});
