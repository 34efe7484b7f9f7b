import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { $, control, makeConfig, mount, root, startWorker, until, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const CONFIG_URL = new URL('/cfg/form.json', location.href).href;

/** An inline config child: `<script type="application/json">` holding `text`. */
function jsonScript(text: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  return script;
}

describe('<account-request-form> config sources', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('loads config-src through the SDK client, showing a busy placeholder that reserves height meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(CONFIG_URL, async () => {
        await gate;
        return HttpResponse.json(makeConfig([{ id: 'city', required: true }]));
      }),
    );
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" config-src="/cfg/form.json"></account-request-form>`);
    const loading = $(el, '[part~="loading"]');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(el.dataset['state']).to.equal('loading');
    release();
    await waitForState(el, 'idle');
    expect(root(el).querySelector('[aria-busy]')).to.equal(null);
  });

  it('renders the config from config-src once loaded', async () => {
    worker.use(http.get(CONFIG_URL, () => HttpResponse.json(makeConfig([{ id: 'city', required: true }]))));
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" config-src="/cfg/form.json"></account-request-form>`);
    await waitForState(el, 'idle');
    expect(control(el, 'city')).to.exist;
  });

  it('prefers the .config property over config-src and the inline script', async () => {
    let fetched = 0;
    worker.use(
      http.get(CONFIG_URL, () => {
        fetched++;
        return HttpResponse.json(makeConfig([{ id: 'city' }]));
      }),
    );
    const el = await fixture<AccountRequestForm>(html`<account-request-form
      draft="off"
      config-src="/cfg/form.json"
      .config=${makeConfig([{ id: 'remarks' }])}
      ><script type="application/json">
        ${JSON.stringify(makeConfig([{ id: 'website' }]))}
      </script></account-request-form
    >`);
    expect(control(el, 'remarks')).to.exist;
    expect(root(el).querySelector('[name="city"], [name="website"]')).to.equal(null);
    expect(fetched).to.equal(0);
  });

  it('reads an inline <script type="application/json"> child as data', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off"
      ><script type="application/json">
        ${JSON.stringify(makeConfig([{ id: 'website' }]))}
      </script></account-request-form
    >`);
    expect(control(el, 'website').type).to.equal('url');
  });

  it('waits for an inline script added after the element', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off"></account-request-form>`);
    expect(el.dataset['state']).to.equal('loading');
    el.append(jsonScript(JSON.stringify(makeConfig([{ id: 'poBox' }]))));
    await waitForState(el, 'idle');
    expect(control(el, 'poBox')).to.exist;
  });

  it('waits for an inline script added after the page moved the element (a portal, a CMS block)', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off"></account-request-form>`);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    await el.updateComplete;
    el.append(jsonScript(JSON.stringify(makeConfig([{ id: 'poBox' }]))));
    await waitForState(el, 'idle');
    expect(control(el, 'poBox')).to.exist;
    elsewhere.remove();
  });

  it('finds an inline script added while the element was out of the page', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off"></account-request-form>`);
    const parent = el.parentElement!;
    el.remove();
    el.append(jsonScript(JSON.stringify(makeConfig([{ id: 'poBox' }]))));
    parent.append(el);
    await waitForState(el, 'idle');
    expect(control(el, 'poBox')).to.exist;
  });

  for (const [name, setup] of [
    ['an invalid config', () => worker.use(http.get(CONFIG_URL, () => HttpResponse.json({ version: 1, fields: [{ id: 'nope' }] })))],
    ['a 404', () => worker.use(http.get(CONFIG_URL, () => new HttpResponse('missing', { status: 404 })))],
    ['a network failure', () => worker.use(http.get(CONFIG_URL, () => HttpResponse.error()))],
    ['a non-JSON body', () => worker.use(http.get(CONFIG_URL, () => new HttpResponse('<html>', { headers: { 'Content-Type': 'text/html' } })))],
  ] as const) {
    it(`reports ${name} with a localized message and account-request-config-error`, async () => {
      setup();
      const wrapper = await mount<HTMLDivElement>(html`<div lang="fr"></div>`);
      const el = document.createElement('account-request-form');
      el.setAttribute('config-src', '/cfg/form.json');
      el.draft = 'off';
      const event = oneEvent(el, 'account-request-config-error');
      wrapper.append(el);
      const { detail } = await event;
      expect(detail.error).to.be.instanceOf(Error);
      await el.updateComplete;
      const message = $(el, '[part="config-error"]');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('Ce formulaire ne peut pas être affiché');
      expect(root(el).querySelector('form')).to.equal(null);
    });
  }

  it('reports broken inline JSON without executing anything', async () => {
    const wrapper = await mount<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('account-request-form');
    el.draft = 'off';
    el.append(jsonScript('window.__ran = 1; {'));
    const event = oneEvent(el, 'account-request-config-error');
    wrapper.append(el);
    const { detail } = await event;
    expect(detail.error.name).to.equal('SyntaxError');
    expect((window as { __ran?: number }).__ran).to.equal(undefined);
  });

  it('renders only the disabled slot when the config is not enabled', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" .config=${makeConfig([{ id: 'city' }], { enabled: false })}
      ><p slot="disabled">Closed for now</p></account-request-form
    >`);
    expect(root(el).querySelector('form')).to.equal(null);
    const slot = $(el, 'slot[name="disabled"]') as HTMLSlotElement;
    expect(slot.assignedElements()[0]?.textContent).to.equal('Closed for now');
    expect(el.dataset['state']).to.equal('disabled');
  });

  it('says the requests are closed, in its language, when the config is not enabled and the page slotted nothing', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" lang="fr" .config=${makeConfig([{ id: 'city' }], { enabled: false })}></account-request-form>`);
    expect(root(el).querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.textContent?.trim()).to.equal('Les demandes d’ouverture de compte sont fermées pour le moment.');
    const light = await fixture<AccountRequestForm>(html`<account-request-form draft="off" light-dom .config=${makeConfig([{ id: 'city' }], { enabled: false })}></account-request-form>`);
    expect(light.querySelector('[part="closed"]')?.textContent).to.equal('Account requests are closed for now.');
  });

  it('re-renders when .config changes, keeping what was typed', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" .config=${makeConfig([{ id: 'city' }])}></account-request-form>`);
    const city = control(el, 'city');
    city.value = 'Lyon';
    city.dispatchEvent(new Event('input', { bubbles: true }));
    el.config = makeConfig([{ id: 'remarks' }, { id: 'city' }]);
    await el.updateComplete;
    expect(control(el, 'remarks')).to.exist;
    expect(control(el, 'city').value).to.equal('Lyon');
  });
});

async function waitForState(el: AccountRequestForm, state: string): Promise<void> {
  await until(() => el.dataset['state'] === state, `state ${state}`);
  await el.updateComplete;
}
