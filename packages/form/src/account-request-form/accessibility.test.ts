import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { $, API, fastClient, fill, makeConfig, recordSubmissions, renderForm, SMALL_CONFIG, startWorker, VALID_VALUES, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

// Every control kind at once, so axe sees each of them.
const FULL_CONFIG = makeConfig(
  [
    { id: 'companyName', required: true },
    { id: 'legalForm' },
    { id: 'siret' },
    { id: 'civility', required: true },
    { id: 'email', required: true },
    { id: 'country', required: true },
    { id: 'remarks' },
    { id: 'password' },
    { id: 'newsletter' },
    { id: 'startDate' },
  ],
  { customFields: [{ id: 'startDate', type: 'date', label: { en: 'Start date', fr: 'Date de début' }, help: 'When should the account open?' }] },
);

describe('<account-request-form> accessibility (axe)', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('while loading', async () => {
    worker.use(http.get(new URL('/cfg/slow.json', location.href).href, () => delay('infinite')));
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" config-src="/cfg/slow.json"></account-request-form>`);
    expect(el.dataset['state']).to.equal('loading');
    await expect(el).to.be.accessible();
  });

  it('when ready, in shadow and light DOM', async () => {
    const el = await renderForm({ config: FULL_CONFIG });
    await expect(el).to.be.accessible();
    const light = await fixture<AccountRequestForm>(html`<account-request-form light-dom draft="off" .config=${FULL_CONFIG}></account-request-form>`);
    await expect(light).to.be.accessible();
  });

  it('with errors shown', async () => {
    const el = await renderForm({ config: FULL_CONFIG, lang: 'fr' });
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="error"]').length).to.be.greaterThan(2);
    await expect(el).to.be.accessible();
  });

  it('after a success', async () => {
    recordSubmissions();
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part="confirmation"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('after a network error', async () => {
    recordSubmissions(() => HttpResponse.error());
    const el = await renderForm({ client: fastClient() });
    await fill(el, VALID_VALUES);
    const failed = oneEvent(el, 'account-request-error');
    await el.submit();
    await failed;
    await el.updateComplete;
    expect($(el, '[part="retry"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('while sending', async () => {
    recordSubmissions(() => delay('infinite').then(() => new HttpResponse(null)));
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" action=${API} .config=${SMALL_CONFIG}></account-request-form>`);
    await fill(el, VALID_VALUES);
    void el.submit();
    await el.updateComplete;
    expect(el.dataset['state']).to.equal('submitting');
    await expect(el).to.be.accessible();
  });

  it('with a config error', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" .config=${{ version: 'x' }}></account-request-form>`);
    expect($(el, '[part="config-error"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
