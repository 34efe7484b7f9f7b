import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, control, fill, makeConfig, recordSubmissions, SMALL_CONFIG, startWorker, VALID_VALUES, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const KEY = `account-request-draft:${new URL(API, location.href).href}`;
const PASSWORD = 'correct horse battery staple';

async function mount(options: { draft?: string; config?: unknown; values?: Record<string, unknown> } = {}): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form
    action=${API}
    draft=${options.draft ?? 'local'}
    .config=${options.config ?? SMALL_CONFIG}
    .values=${options.values}
  ></account-request-form>`);
  await el.updateComplete;
  return el;
}

/** Types like a person (real key events), then leaves the field. */
async function type(el: AccountRequestForm, id: string, text: string): Promise<void> {
  control(el, id).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

/** "Reload": remove the element and create a new one on the same action URL. */
async function reload(el: AccountRequestForm, options: Parameters<typeof mount>[0] = {}): Promise<AccountRequestForm> {
  el.remove();
  return mount(options);
}

describe('<account-request-form> drafts', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('restores typed values after a reload, never the password', async () => {
    const el = await mount();
    await type(el, 'companyName', 'Acme SAS');
    await type(el, 'lastName', 'Martin');
    await type(el, 'password', PASSWORD);
    expect(localStorage.getItem(KEY)).to.not.contain(PASSWORD);
    const again = await reload(el);
    expect(control(again, 'companyName').value).to.equal('Acme SAS');
    expect(control(again, 'lastName').value).to.equal('Martin');
    expect(control(again, 'password').value).to.equal('');
    expect(control(again, 'confirmed').checked).to.equal(false);
  });

  it('saves while typing (debounced), before any blur', async () => {
    const el = await mount();
    control(el, 'lastName').focus();
    await sendKeys({ type: 'Dupont' });
    el.remove(); // disconnecting flushes the pending save
    const again = await mount();
    expect(control(again, 'lastName').value).to.equal('Dupont');
  });

  it('writes what was just typed when the page goes (a reload, Back, a closed tab: no blur, no disconnect)', async () => {
    const el = await mount();
    control(el, 'lastName').focus();
    await sendKeys({ type: 'Dupont' });
    // Into the back/forward cache (`persisted`), which may drop it later: msw stops on a final pagehide.
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').values).to.deep.equal({ lastName: 'Dupont' });
  });

  it('keeps the idempotency key with the draft, so a retry after a reload is still the same request', async () => {
    const seen = recordSubmissions();
    const el = await mount();
    await type(el, 'lastName', 'Martin');
    const stored = JSON.parse(localStorage.getItem(KEY)!) as { idempotencyKey: string };
    const again = await reload(el);
    await fill(again, VALID_VALUES);
    await again.submit();
    expect(seen[0]!.key).to.equal(stored.idempotencyKey);
  });

  it('clears the draft after a success and renews the key', async () => {
    const seen = recordSubmissions();
    const el = await mount();
    await type(el, 'lastName', 'Martin');
    await fill(el, VALID_VALUES);
    await el.submit();
    expect(localStorage.getItem(KEY)).to.equal(null);
    el.reset();
    await el.updateComplete;
    await type(el, 'lastName', 'Other');
    const next = JSON.parse(localStorage.getItem(KEY)!) as { idempotencyKey: string };
    expect(next.idempotencyKey).to.not.equal(seen[0]!.key);
  });

  it('forgets the draft on reset()', async () => {
    const el = await mount();
    await type(el, 'lastName', 'Martin');
    el.reset();
    expect(localStorage.getItem(KEY)).to.equal(null);
    const again = await reload(el);
    expect(control(again, 'lastName').value).to.equal('');
  });

  it('ignores stored values of fields no longer displayed', async () => {
    const el = await mount({ config: makeConfig([{ id: 'companyName' }, { id: 'email' }, { id: 'remarks' }]) });
    await type(el, 'remarks', 'Call after 5pm');
    const again = await reload(el, { config: makeConfig([{ id: 'companyName' }, { id: 'email' }]) });
    expect(again.shadowRoot!.querySelector('[name="remarks"]')).to.equal(null);
    // Shown again later: the value was not carried into the new draft.
    await type(again, 'companyName', 'Acme');
    const stored = JSON.parse(localStorage.getItem(KEY)!) as { values: Record<string, unknown> };
    expect(stored.values).to.deep.equal({ companyName: 'Acme' });
  });

  it('lets the draft win over the prefill only for the fields the person typed', async () => {
    const el = await mount({ values: { companyName: 'Prefilled SA', lastName: 'Prefilled' } });
    await type(el, 'lastName', 'X');
    const again = await reload(el, { values: { companyName: 'Prefilled SA', lastName: 'Prefilled' } });
    expect(control(again, 'companyName').value).to.equal('Prefilled SA');
    expect(control(again, 'lastName').value).to.equal('PrefilledX');
  });

  it('uses sessionStorage with draft="session" and nothing with draft="off"', async () => {
    const session = await mount({ draft: 'session' });
    await type(session, 'lastName', 'Martin');
    expect(sessionStorage.getItem(KEY)).to.contain('Martin');
    expect(localStorage.getItem(KEY)).to.equal(null);
    session.remove();
    sessionStorage.clear();
    const off = await mount({ draft: 'off' });
    await type(off, 'lastName', 'Martin');
    off.remove();
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('gives a form with an id a draft of its own, apart from another form posting to the same handler', async () => {
    const quick = await fixture<AccountRequestForm>(html`<account-request-form id="quick" action=${API} .config=${SMALL_CONFIG}></account-request-form>`);
    await type(quick, 'companyName', 'Quick SARL');
    const full = await mount();
    await type(full, 'companyName', 'Full SAS');
    expect(JSON.parse(localStorage.getItem(`${KEY}#quick`) ?? '{}').values?.companyName).to.equal('Quick SARL');
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').values?.companyName).to.equal('Full SAS');
    quick.remove();
    const back = await fixture<AccountRequestForm>(html`<account-request-form id="quick" action=${API} .config=${SMALL_CONFIG}></account-request-form>`);
    expect(control(back, 'companyName').value).to.equal('Quick SARL');
    expect(control(await reload(full), 'companyName').value).to.equal('Full SAS');
  });

  it('restores a country stored in lower case as its code', async () => {
    localStorage.setItem(KEY, JSON.stringify({ idempotencyKey: crypto.randomUUID(), values: { country: 'be' } }));
    const el = await mount({ config: makeConfig([{ id: 'country', required: true }]) });
    expect((control(el, 'country') as unknown as HTMLSelectElement).value).to.equal('BE');
  });

  it('survives a corrupted or hostile stored draft', async () => {
    localStorage.setItem(KEY, '{"idempotencyKey":"k","values":{"__proto__":{"polluted":true},"lastName":{"x":1},"companyName":"Kept"}}');
    const el = await mount();
    expect(control(el, 'companyName').value).to.equal('Kept');
    expect(control(el, 'lastName').value).to.equal('');
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    localStorage.setItem(KEY, 'not json');
    const again = await reload(el);
    expect(control(again, 'companyName').value).to.equal('');
  });
});
