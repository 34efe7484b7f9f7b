import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../../../test/test-helpers/fake-public-apis.js';
import { createRechercheEntreprisesDirectory } from '../lookups/recherche-entreprises.js';
import { createViesChecker } from '../lookups/vies.js';
import { createMemoryStore } from '../stores/store.js';
import { ADMIN, get, post, setup, URL_BASE, validBody } from '../test-helpers/setup.js';
import { createCheckRunner, defaultCheckBackoffMs } from './runner.js';
import { patch, processingSetup, read, submit } from '../test-helpers/processing.js';

let fakes: FakePublicApis;
before(async () => (fakes = await startFakePublicApis()));
after(() => fakes.close());
afterEach(() => fakes.reset());

const VAT = 'FR44732829320';
const identifiers = { siret: FAKE_COMPANIES.open.siret, vatNumber: VAT, companyName: 'Comptoir Duval' };

/** A handler with checks on the fakes, a movable clock, and the background work it started. */
function wire(options: { vatTimeoutMs?: number; companyTimeoutMs?: number } = {}) {
  let time = Date.parse('2026-03-02T09:00:00.000Z');
  const now = () => new Date(time);
  const background: Promise<unknown>[] = [];
  const store = createMemoryStore({ now: () => time });
  const vat = createViesChecker({ baseUrl: fakes.viesUrl, requester: 'FR40303265045', cache: false, timeoutMs: options.vatTimeoutMs ?? 1000 });
  const company = createRechercheEntreprisesDirectory({ baseUrl: fakes.companyUrl, cache: false, timeoutMs: options.companyTimeoutMs ?? 1000 });
  const { handler } = setup({ store, now, checks: { vat, company }, waitUntil: (promise) => void background.push(promise) });
  return {
    handler,
    store,
    vat,
    company,
    advance: (ms: number) => void (time += ms),
    now,
    settled: async () => {
      while (background.length > 0) await Promise.allSettled(background.splice(0));
    },
    submit: async (values: Record<string, unknown> = identifiers) => {
      const response = await handler(post(validBody(values)));
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    },
  };
}

describe('checks after a submission', () => {
  it('record a valid VAT number with VIES’s name, address, date and consultation number, and an open establishment', async () => {
    fakes.vies(VAT, { kind: 'valid', name: 'SAS COMPTOIR DUVAL', address: '12 RUE DE LA PAIX\n75002 PARIS' });
    const w = wire();
    const id = await w.submit();
    assert.equal((await w.store.get(id))?.vatCheck?.state, 'pending');
    await w.settled();
    const record = await w.store.get(id);
    assert.equal(record?.vatCheck?.state, 'valid');
    assert.equal(record?.vatCheck?.vatNumber, VAT);
    assert.equal(record?.vatCheck?.name, 'SAS COMPTOIR DUVAL');
    assert.equal(record?.vatCheck?.address, '12 RUE DE LA PAIX, 75002 PARIS');
    assert.equal(record?.vatCheck?.consultationNumber, 'WAPIAAAAZ829320');
    assert.ok(record?.vatCheck?.checkedAt);
    assert.deepEqual(record?.siretCheck, { state: 'open', checkedAt: w.now().toISOString(), name: 'COMPTOIR DUVAL' });
    // Two results written: the version says the request changed.
    assert.equal(record?.version, 3);
  });

  it('record an invalid VAT number and a closed establishment, without refusing the request', async () => {
    fakes.vies(VAT, { kind: 'invalid' });
    const w = wire();
    const id = await w.submit({ ...identifiers, siret: FAKE_COMPANIES.closed.siret });
    await w.settled();
    const record = await w.store.get(id);
    assert.equal(record?.vatCheck?.state, 'invalid');
    assert.equal(record?.siretCheck?.state, 'closed');
    assert.equal(record?.status, 'new');
  });

  it('say not-applicable without a VAT number or a SIRET, and call nobody', async () => {
    const w = wire();
    const id = await w.submit({ companyName: 'Acme' });
    await w.settled();
    const record = await w.store.get(id);
    assert.deepEqual([record?.vatCheck, record?.siretCheck], [{ state: 'not-applicable' }, { state: 'not-applicable' }]);
    assert.deepEqual(await w.store.listChecks(id), []);
    assert.equal(fakes.requests.length, 0);
  });

  it('retry an unavailable VIES later through the jobs: unavailable, then valid', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'MS_UNAVAILABLE' }, { kind: 'valid', name: 'COMPTOIR DUVAL' });
    const w = wire();
    const id = await w.submit();
    await w.settled();
    assert.equal((await w.store.get(id))?.vatCheck?.state, 'unavailable');
    assert.equal((await w.store.get(id))?.vatCheck?.reason, 'MS_UNAVAILABLE');
    const [job] = (await w.store.listChecks(id)).filter((row) => row.kind === 'vat');
    assert.deepEqual([job?.state, job?.attempts, job?.lastError], ['pending', 1, 'MS_UNAVAILABLE']);
    const timer = createCheckRunner({ store: w.store, vat: w.vat, company: w.company, now: w.now });
    assert.deepEqual(await timer.run(), { done: 0, retrying: 0, failed: 0 });
    w.advance(5 * 60_000);
    assert.deepEqual(await timer.run(), { done: 1, retrying: 0, failed: 0 });
    assert.equal((await w.store.get(id))?.vatCheck?.state, 'valid');
    assert.equal(fakes.count('vies'), 2);
  });

  it('stop retrying after maxAttempts, leaving unavailable for an admin to check again', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'MS_MAX_CONCURRENT_REQ' });
    const w = wire();
    const id = await w.submit({ vatNumber: VAT });
    await w.settled();
    const timer = createCheckRunner({ store: w.store, vat: w.vat, now: w.now, maxAttempts: 3, backoffMs: () => 1000 });
    // The first attempt (after the 201) waits the handler's default backoff: 5 minutes.
    w.advance(5 * 60_000);
    assert.deepEqual(await timer.run(), { done: 0, retrying: 1, failed: 0 });
    w.advance(1000);
    assert.deepEqual(await timer.run(), { done: 0, retrying: 0, failed: 1 });
    w.advance(60_000);
    assert.deepEqual(await timer.run(), { done: 0, retrying: 0, failed: 0 });
    assert.equal((await w.store.get(id))?.vatCheck?.state, 'unavailable');
  });

  it('settle at once, unretried, a check VIES refuses for the requester sent (INVALID_REQUESTER_INFO)', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'INVALID_REQUESTER_INFO', status: 400 });
    const w = wire();
    const id = await w.submit({ vatNumber: VAT });
    await w.settled();
    // Not `invalid`: the number was never checked.
    assert.deepEqual([(await w.store.get(id))?.vatCheck?.state, (await w.store.get(id))?.vatCheck?.reason], ['unavailable', 'INVALID_REQUESTER_INFO']);
    const [job] = await w.store.listChecks(id);
    assert.deepEqual([job?.state, job?.attempts, job?.lastError], ['failed', 1, 'INVALID_REQUESTER_INFO']);
    w.advance(24 * 60 * 60_000);
    assert.deepEqual(await createCheckRunner({ store: w.store, vat: w.vat, now: w.now }).run(), { done: 0, retrying: 0, failed: 0 });
    assert.equal(fakes.count('vies'), 1);
  });

  it('never delay the 201: VIES and the register silent, failing or malformed', async () => {
    const w = wire({ vatTimeoutMs: 1500, companyTimeoutMs: 1500 });
    fakes.fail('vies', { kind: 'hang' });
    fakes.fail('company', { kind: 'hang' });
    const started = Date.now();
    const id = await w.submit();
    assert.ok(Date.now() - started < 500, `answered after ${Date.now() - started} ms`);
    fakes.fail('vies', { kind: 'malformed' });
    fakes.fail('company', { kind: 'status', status: 500 });
    const second = await w.submit();
    await w.settled();
    for (const each of [id, second]) {
      const record = await w.store.get(each);
      assert.equal(record?.vatCheck?.state, 'unavailable');
      assert.equal(record?.siretCheck?.state, 'unavailable');
    }
    assert.equal((await w.store.get(id))?.vatCheck?.reason, 'timeout');
  });

  it('tell the applicant nothing: the answer and its replay are the usual ones', async () => {
    fakes.vies(VAT, { kind: 'invalid' });
    const w = wire();
    const request = post(validBody(identifiers), { key: 'key-1' });
    const body = await (await w.handler(request)).text();
    await w.settled();
    assert.deepEqual(Object.keys(JSON.parse(body) as object).sort(), ['access', 'id', 'status']);
    assert.equal(await (await w.handler(post(validBody(identifiers), { key: 'key-1' }))).text(), body);
  });
});

describe('POST {base}/{id}/checks', () => {
  const checkAgain = (id: string, headers: Record<string, string> = ADMIN) => new Request(`${URL_BASE}/${id}/checks`, { method: 'POST', headers });

  it('checks again at once and answers the request with the results and its new ETag', async () => {
    fakes.vies(VAT, { kind: 'error', code: 'MS_UNAVAILABLE' }, { kind: 'valid', name: 'COMPTOIR DUVAL' });
    const w = wire();
    const id = await w.submit();
    await w.settled();
    const response = await w.handler(checkAgain(id));
    assert.equal(response.status, 200);
    const record = (await response.json()) as { vatCheck?: { state: string }; siretCheck?: { state: string }; version: number };
    assert.equal(record.vatCheck?.state, 'valid');
    assert.equal(record.siretCheck?.state, 'open');
    assert.equal(response.headers.get('ETag'), `"v${record.version}"`);
    const jobs = await w.store.listChecks(id);
    assert.deepEqual(jobs.map((job) => [job.state, job.attempts]), [['done', 1], ['done', 1]]);
  });

  it('is for admins, answers 404 for an unknown request and 501 without checks', async () => {
    const w = wire();
    const id = await w.submit();
    await w.settled();
    assert.equal((await w.handler(checkAgain(id, {}))).status, 401);
    assert.equal((await w.handler(checkAgain('no-such-request'))).status, 404);
    assert.equal((await w.handler(new Request(`${URL_BASE}/${id}/checks`, { headers: ADMIN }))).status, 405);
    assert.equal((await setup().handler(checkAgain(id))).status, 501);
  });
});

describe('checks after a correction', () => {
  it('check again a VAT number the applicant changed, and keep the SIRET check of an unchanged SIRET', async () => {
    const corrected = 'FR40303265045';
    fakes.vies(VAT, { kind: 'invalid' });
    fakes.vies(corrected, { kind: 'valid', name: 'SAS COMPTOIR DUVAL' });
    const background: Promise<unknown>[] = [];
    const settled = async () => {
      while (background.length > 0) await Promise.allSettled(background.splice(0));
    };
    const vat = createViesChecker({ baseUrl: fakes.viesUrl, requester: 'FR40303265045', cache: false, timeoutMs: 1000 });
    const company = createRechercheEntreprisesDirectory({ baseUrl: fakes.companyUrl, cache: false, timeoutMs: 1000 });
    const { handler, store, mail, clock } = processingSetup({ checks: { vat, company }, waitUntil: (promise) => void background.push(promise) });
    const id = await submit(handler, identifiers);
    await settled();
    const checked = await store.get(id);
    assert.equal(checked?.vatCheck?.state, 'invalid');
    assert.equal(checked?.siretCheck?.state, 'open');
    const { etag } = await read(handler, id);
    assert.equal((await handler(patch(id, { status: 'info-requested', message: 'Votre numéro de TVA est refusé par VIES.' }, etag))).status, 200);
    const token = /\/information\/([A-Za-z0-9_-]{43})/.exec(mail.sent.find((message) => message.kind === 'information')?.text ?? '')?.[1];
    assert.ok(token, 'the e-mail carries the link');
    clock.advance(60_000);
    const companyCalls = fakes.count('company');
    // Written as people type it: spaces do not make a number new, the change does.
    const body = { ...validBody({ ...identifiers, vatNumber: 'FR 40 303 265 045' }), locale: 'fr' };
    const response = await handler(new Request(`${URL_BASE}/information/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
    assert.equal(response.status, 200, await response.clone().text());
    // The answer and the check's new state are one write: never the new number with the old verdict.
    assert.deepEqual((await store.get(id))?.vatCheck, { state: 'pending', vatNumber: corrected });
    assert.deepEqual((await store.get(id))?.siretCheck, checked?.siretCheck);
    await settled();
    const record = await store.get(id);
    assert.equal(record?.vatCheck?.state, 'valid');
    assert.equal(record?.vatCheck?.vatNumber, corrected);
    assert.equal(record?.vatCheck?.name, 'SAS COMPTOIR DUVAL');
    assert.deepEqual(record?.siretCheck, checked?.siretCheck, 'the SIRET check stands');
    assert.equal(fakes.count('company'), companyCalls, 'the register is not asked again');
    assert.deepEqual((await store.listChecks(id)).map((job) => [job.kind, job.state, job.attempts]).sort(), [['siret', 'done', 1], ['vat', 'done', 1]]);
  });

  it('leave the checks alone when the correction keeps both numbers', async () => {
    fakes.vies(VAT, { kind: 'valid' });
    const vat = createViesChecker({ baseUrl: fakes.viesUrl, requester: 'FR40303265045', cache: false, timeoutMs: 1000 });
    const background: Promise<unknown>[] = [];
    const { handler, store, mail } = processingSetup({ checks: { vat }, waitUntil: (promise) => void background.push(promise) });
    const id = await submit(handler, identifiers);
    await Promise.allSettled(background.splice(0));
    const checked = await store.get(id);
    const { etag } = await read(handler, id);
    assert.equal((await handler(patch(id, { status: 'info-requested', message: 'Adresse ?' }, etag))).status, 200);
    const token = /\/information\/([A-Za-z0-9_-]{43})/.exec(mail.sent.find((message) => message.kind === 'information')?.text ?? '')?.[1];
    const viesCalls = fakes.count('vies');
    const body = { ...validBody({ ...identifiers, city: 'Lyon' }), locale: 'fr' };
    assert.equal((await handler(new Request(`${URL_BASE}/information/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }))).status, 200);
    await Promise.allSettled(background.splice(0));
    assert.deepEqual((await store.get(id))?.vatCheck, checked?.vatCheck);
    assert.equal(fakes.count('vies'), viesCalls, 'VIES is not asked again');
  });
});

describe('filtering by the VAT check', () => {
  it('lists the requests whose check is in the asked states, and refuses unknown states', async () => {
    fakes.vies(VAT, { kind: 'valid' });
    fakes.vies('FR83404833048', { kind: 'invalid' });
    const w = wire();
    const valid = await w.submit();
    const invalid = await w.submit({ vatNumber: 'FR83404833048' });
    const none = await w.submit({ companyName: 'Sans TVA' });
    await w.settled();
    const ids = async (query: string) => ((await (await w.handler(get(`?${query}`, ADMIN))).json()) as { id: string }[]).map((record) => record.id);
    assert.deepEqual(await ids('vatCheck=invalid'), [invalid]);
    assert.deepEqual(await ids('vatCheck=valid,not-applicable'), [none, valid]);
    assert.equal((await w.handler(get('?vatCheck=maybe', ADMIN))).status, 400);
    const csv = await (await w.handler(get('/export.csv?vatCheck=invalid', ADMIN))).text();
    assert.equal(csv.trim().split('\n').length, 2);
  });
});

describe('defaultCheckBackoffMs', () => {
  it('waits 5 minutes after the first attempt, doubling, at most 12 hours', () => {
    assert.deepEqual([1, 2, 3, 8, 9, 20].map(defaultCheckBackoffMs), [5, 10, 20, 640, 720, 720].map((minutes) => minutes * 60_000));
  });
});

describe('handler setup', () => {
  it('refuses checks on a store that cannot keep them', () => {
    const store = createMemoryStore();
    const { claimChecks: _claim, ...plain } = store;
    assert.throws(() => setup({ store: plain as typeof store, checks: { vat: createViesChecker({ baseUrl: 'http://127.0.0.1:9' }) } }), TypeError);
  });
});
