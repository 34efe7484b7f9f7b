import { expect, html } from '@open-wc/testing';
import { API, control, fill, makeConfig, mount, recordSubmissions, SMALL_CONFIG, startWorker, VALID_VALUES, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync('.page-theme input { letter-spacing: 3px; } .page-theme .arf-input { border-color: rgb(1, 2, 3); }');

describe('<account-request-form light-dom>', () => {
  before(async () => {
    await startWorker();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  });
  afterEach(() => worker.resetHandlers());

  async function themed(): Promise<AccountRequestForm> {
    const wrapper = await mount<HTMLDivElement>(html`<div class="page-theme">
      <account-request-form light-dom draft="off" action=${API} .config=${SMALL_CONFIG}><p slot="success">Welcome aboard</p></account-request-form>
    </div>`);
    const el = wrapper.querySelector('account-request-form')!;
    await el.updateComplete;
    return el;
  }

  it('renders ordinary inputs into the page, where page CSS reaches them', async () => {
    const el = await themed();
    expect(el.shadowRoot).to.equal(null);
    const input = el.querySelector<HTMLInputElement>('input[name="companyName"]')!;
    expect(input.form?.closest('account-request-form')).to.equal(el);
    expect(getComputedStyle(input).letterSpacing).to.equal('3px');
    // Page rules beat the element's own (they sit in a cascade layer), whatever their specificity.
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(1, 2, 3)');
  });

  it('still applies its own styles, added once to the document as a constructed sheet', async () => {
    const el = await themed();
    await themed();
    const honeypot = el.querySelector('.arf-hp')!;
    expect(getComputedStyle(honeypot).position).to.equal('absolute');
    expect(getComputedStyle(el).display).to.equal('block');
    const ours = document.adoptedStyleSheets.filter((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('account-request-form')));
    expect(ours).to.have.length(1);
    expect(document.querySelectorAll('style')).to.have.length(0);
  });

  it('keeps the honeypot out of sight whatever the page rules say of divs, labels and inputs', async () => {
    const theme = new CSSStyleSheet();
    theme.replaceSync('.rough div, .rough label, .rough input { position: static !important; inline-size: 20rem; block-size: 3rem; clip-path: none; overflow: visible; margin: 0; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme];
    try {
      const wrapper = await mount<HTMLDivElement>(html`<div class="rough"><account-request-form light-dom draft="off" action=${API} .config=${SMALL_CONFIG}></account-request-form></div>`);
      const el = wrapper.querySelector('account-request-form')!;
      await el.updateComplete;
      const trap = el.querySelector<HTMLElement>('.arf-hp')!;
      const box = trap.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([1, 1]);
      expect(getComputedStyle(trap).clipPath).to.equal('inset(50%)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== theme);
    }
  });

  it('shows the success child only after a success, and focuses it', async () => {
    recordSubmissions();
    const el = await themed();
    const slotted = el.querySelector<HTMLElement>('[slot="success"]')!;
    expect(getComputedStyle(slotted).display).to.equal('none');
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(getComputedStyle(slotted).display).to.equal('block');
    expect(document.activeElement).to.equal(slotted);
    expect(el.querySelector('form')).to.equal(null);
  });

  it('shows the page\'s disabled child instead of its own closed sentence when requests are off, and that sentence without one', async () => {
    const closedConfig = { ...SMALL_CONFIG, enabled: false };
    const wrapper = await mount<HTMLDivElement>(html`<div>
      <account-request-form light-dom draft="off" lang="en" action=${API} .config=${closedConfig}><p slot="disabled">We open new accounts in January.</p></account-request-form>
      <account-request-form light-dom draft="off" lang="en" action=${API} .config=${closedConfig}></account-request-form>
    </div>`);
    const [own, plain] = [...wrapper.querySelectorAll('account-request-form')];
    await Promise.all([own!.updateComplete, plain!.updateComplete]);
    expect(own!.dataset['state']).to.equal('disabled');
    expect(getComputedStyle(own!.querySelector('[slot="disabled"]')!).display).to.equal('block');
    expect(own!.querySelector('[part="closed"]')).to.equal(null);
    expect(own!.querySelector('form')).to.equal(null);
    expect(plain!.querySelector('[part="closed"]')?.textContent).to.equal('Account requests are closed for now.');
  });

  it('takes its own styles along into a shadow root it is moved to (the honeypot stays out of sight)', async () => {
    const el = await themed();
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).append(el);
    await el.updateComplete;
    expect(getComputedStyle(el.querySelector('.arf-hp')!).position).to.equal('absolute');
    host.remove();
  });

  it('keeps the inline config script as data next to the rendered form', async () => {
    const wrapper = await mount<HTMLDivElement>(html`<div>
      <account-request-form light-dom draft="off"><script type="application/json">${JSON.stringify(makeConfig([{ id: 'city' }]))}</script></account-request-form>
    </div>`);
    const el = wrapper.querySelector('account-request-form')!;
    await el.updateComplete;
    expect(control(el, 'city')).to.exist;
    expect(el.querySelector(':scope > script[type="application/json"]')).to.exist;
  });
});
