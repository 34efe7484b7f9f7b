// Fault injection for <account-request-form>: msw puts slow answers, timeouts, network drops,
// proxy errors, rate limits, cut bodies and lost 201s in front of the REAL SDK handler. For each:
// what the person sees, that nothing typed is lost, and that the store ends with exactly one
// request (the retries reuse the Idempotency-Key, so the handler replays instead of creating).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createClient, parseConfig, type AccountRequestClient, type FormConfig } from '@account-request/sdk';
import '@account-request/form';
import type { AccountRequestForm } from '@account-request/form';
import { API, faultyServer, resetWorker, startWorker, until, type Fault, type FaultyServer } from './test-helpers/sdk-server.js';

const CONFIG: FormConfig = parseConfig({
  fields: [
    { id: 'companyName', required: true },
    { id: 'email', required: true },
    { id: 'lastName', required: true },
    { id: 'firstName' },
    { id: 'remarks', displayed: true },
  ],
});

// What the person types, with the oddities of real typing (spaces around, a newline, an accent typed as two code points).
const TYPED: Readonly<Record<string, string>> = {
  companyName: '  Dupont & Fils SARL ',
  email: 'marie.dupont@example.fr',
  lastName: 'Dupont',
  firstName: 'Marie-Ame\u0301lie',
  remarks: 'Livraison le matin.\nMerci !',
};
const STORED = { companyName: 'Dupont & Fils SARL', email: 'marie.dupont@example.fr', lastName: 'Dupont', firstName: 'Marie-Amélie'.normalize('NFC'), remarks: 'Livraison le matin.\nMerci !' };

const root = (el: AccountRequestForm): ParentNode => el.shadowRoot ?? el;
const control = (el: AccountRequestForm, id: string) => root(el).querySelector<HTMLInputElement>(`[name="${id}"]`) as HTMLInputElement;
const statusText = (el: AccountRequestForm) => root(el).querySelector('[part~="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const retryButton = (el: AccountRequestForm) => root(el).querySelector<HTMLButtonElement>('[part="retry"]');
const retryEnabled = (el: AccountRequestForm) => {
  const button = retryButton(el);
  return Boolean(button) && !button?.disabled && button?.getAttribute('aria-disabled') !== 'true';
};

/** A client with a short timeout and quick retries, so the tests stay fast. */
function quickClient(retries: number): AccountRequestClient {
  return createClient({ base: API, timeout: 1000, retry: { limit: retries, delay: () => 50, maxRetryAfter: 2000 } });
}

async function render(client?: AccountRequestClient, draft: 'off' | 'local' = 'off'): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft=${draft} lang="en" .config=${CONFIG} .client=${client}></account-request-form>`);
  await el.updateComplete;
  return el;
}

async function type(el: AccountRequestForm, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = control(el, id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  const box = control(el, 'confirmed');
  if (!box.checked) box.click();
  await el.updateComplete;
}

function expectTypedKept(el: AccountRequestForm): void {
  for (const [id, value] of Object.entries(TYPED)) expect(control(el, id).value, id).to.equal(value);
  expect(control(el, 'confirmed').checked).to.equal(true);
}

/** Exactly one request in the store, holding what was typed; the person was told its id. */
async function expectExactlyOne(server: FaultyServer, response: { id: string }): Promise<void> {
  const records = await server.store.list({ limit: 100 });
  expect(records.map((record) => record.id)).to.deep.equal([response.id]);
  expect(records[0]?.values).to.deep.equal(STORED);
  const keys = new Set(server.seen.filter((request) => request.method === 'POST').map((request) => request.key));
  expect(keys.size, 'one Idempotency-Key for every attempt').to.equal(1);
}

/** Submits and waits for the outcome: the success detail, or the failure (state and text). */
async function submitAndFail(el: AccountRequestForm): Promise<void> {
  const failed = oneEvent(el, 'account-request-error');
  void el.submit();
  await failed;
  await el.updateComplete;
  expect(el.dataset['state']).to.equal('failed-retryable');
}

async function retryToSuccess(el: AccountRequestForm): Promise<{ id: string }> {
  await until(() => retryEnabled(el), 'the retry button', 5000);
  const success = oneEvent(el, 'account-request-success');
  retryButton(el)?.click();
  const { detail } = await success;
  return detail.response as { id: string };
}

describe('faults: <account-request-form> against the real handler', () => {
  before(startWorker);
  afterEach(resetWorker);

  it('a slow answer: the person sees "Sending…" and a busy button, then the confirmation; one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 'slow');
    const el = await render(quickClient(0));
    await type(el, TYPED);
    const success = oneEvent(el, 'account-request-success');
    void el.submit();
    await el.updateComplete;
    expect(statusText(el)).to.match(/Sending/);
    expect(root(el).querySelector('[part="submit"]')?.getAttribute('aria-busy')).to.equal('true');
    const { detail } = await success;
    expect(server.seen.map((request) => request.fault)).to.deep.equal(['slow']);
    await el.updateComplete;
    expect(root(el).querySelector('[part="confirmation"]')?.textContent).to.match(/Thank you/);
    await expectExactlyOne(server, detail.response);
  });

  const visible: { name: string; faults: Fault[]; text: RegExp; stored: boolean }[] = [
    { name: 'answers that come too late (timeouts), the first one after the request was stored', faults: ['late', 'late', 'late'], text: /too long/i, stored: true },
    { name: 'an offline network', faults: ['offline', 'offline', 'offline'], text: /offline|cannot be reached/i, stored: false },
    { name: 'a 201 whose response is lost, then the network stays down', faults: ['lost', 'offline', 'offline'], text: /offline|cannot be reached/i, stored: true },
    { name: 'a 500', faults: [500], text: /problem/i, stored: false },
    { name: 'a 502 from the proxy, three times', faults: [502, 502, 502], text: /problem/i, stored: false },
    { name: 'a 503, three times', faults: [503, 503, 503], text: /problem/i, stored: false },
  ];
  for (const { name, faults, text, stored } of visible) {
    it(`${name}: says so, keeps every value, and one retry later exactly one request exists`, async () => {
      const server = faultyServer(CONFIG);
      server.inject('POST', ...faults);
      const el = await render(quickClient(2));
      await type(el, TYPED);
      await submitAndFail(el);
      expect(statusText(el)).to.match(text);
      expect(statusText(el)).to.match(/entries are kept/i);
      expectTypedKept(el);
      expect((await server.store.list()).length, 'stored before the retry').to.equal(stored ? 1 : 0);
      const response = await retryToSuccess(el);
      await expectExactlyOne(server, response);
    });
  }

  it('a 429 with Retry-After: says how long to wait, allows the retry only after it; one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 429);
    const el = await render(quickClient(0));
    await type(el, TYPED);
    await submitAndFail(el);
    expect(statusText(el)).to.match(/Too many/i);
    expect(statusText(el)).to.match(/1 second/);
    expect(retryEnabled(el), 'retry right after the 429').to.equal(false);
    expectTypedKept(el);
    const response = await retryToSuccess(el);
    await expectExactlyOne(server, response);
  });

  it('a 201 whose response is lost once: the automatic retry gets the first result (same id); one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 'lost');
    const el = await render(quickClient(2));
    await type(el, TYPED);
    const success = oneEvent(el, 'account-request-success');
    void el.submit();
    const { detail } = await success;
    expect(server.seen.map((request) => request.fault)).to.deep.equal(['lost', 'pass']);
    await expectExactlyOne(server, detail.response);
  });

  it('transient faults absorbed by the element\'s own retries (offline, then a lost 201): the first result; one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 'offline', 'lost');
    const el = await render();
    await type(el, TYPED);
    const success = oneEvent(el, 'account-request-success');
    void el.submit();
    const { detail } = await success;
    await expectExactlyOne(server, detail.response);
  });

  it('a 201 with a cut (malformed) body: the request exists, the values stay, sending again replays it; one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 'malformed');
    const el = await render(quickClient(0));
    await type(el, TYPED);
    const failed = oneEvent(el, 'account-request-error');
    void el.submit();
    expect((await failed).detail.kind).to.equal('server');
    await el.updateComplete;
    expectTypedKept(el);
    expect((await server.store.list()).length).to.equal(1);
    // The person can send again (retry button, or the submit button when the failure is shown as
    // final), and that creates nothing new.
    const again = retryButton(el) ?? root(el).querySelector<HTMLButtonElement>('[part="submit"]');
    expect(again, 'a button to send again').to.not.equal(null);
    const success = oneEvent(el, 'account-request-success');
    again?.click();
    const { detail } = await success;
    await expectExactlyOne(server, detail.response);
  });

  it('a reload after a lost 201: the draft brings back the values and the same key; one request', async () => {
    const server = faultyServer(CONFIG);
    server.inject('POST', 'lost');
    localStorage.clear();
    sessionStorage.clear();
    const first = await render(quickClient(0), 'local');
    await type(first, TYPED);
    await submitAndFail(first);
    first.remove();
    // The page is opened again: a new element with the same draft storage.
    const second = await render(quickClient(0), 'local');
    await until(() => control(second, 'lastName')?.value === TYPED['lastName'], 'the draft to be restored');
    for (const id of ['companyName', 'email', 'lastName', 'firstName', 'remarks']) expect(control(second, id).value, id).to.equal(TYPED[id]);
    if (!control(second, 'confirmed').checked) control(second, 'confirmed').click();
    await second.updateComplete;
    const success = oneEvent(second, 'account-request-success');
    void second.submit();
    const { detail } = await success;
    await expectExactlyOne(server, detail.response);
    localStorage.clear();
  });
});
