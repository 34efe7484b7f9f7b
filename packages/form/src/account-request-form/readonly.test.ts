import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, API, control, fill, recordSubmissions, root, SMALL_CONFIG, startWorker, until, worker } from '../test-helpers/index.js';
import { COMPANY_ANSWERS, LOOKUP_CONFIG, serveLookups } from '../test-helpers/lookups.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const KEY = `account-request-draft:${new URL(API, location.href).href}`;

async function mount(readonlyFields: string | undefined, draft = 'local'): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form
    action=${API}
    draft=${draft}
    readonly-fields=${readonlyFields ?? ''}
    .config=${SMALL_CONFIG}
    .values=${{ email: 'invited@acme.example', companyName: 'Acme SAS' }}
  ></account-request-form>`);
  await el.updateComplete;
  return el;
}

describe('<account-request-form> readonly-fields', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    localStorage.clear();
  });

  it('shows the prefill of a fixed field read-only, still labelled, focusable and sent', async () => {
    const seen = recordSubmissions();
    const el = await mount('email');
    const email = control(el, 'email') as HTMLInputElement;
    expect(email.readOnly).to.equal(true);
    expect(email.value).to.equal('invited@acme.example');
    expect((control(el, 'companyName') as HTMLInputElement).readOnly).to.equal(false);
    email.focus();
    await sendKeys({ type: 'x' });
    expect(email.value).to.equal('invited@acme.example');
    await fill(el, { lastName: 'Martin' });
    await el.submit();
    expect((seen[0]?.body as { values: Record<string, unknown> }).values['email']).to.equal('invited@acme.example');
    await expect(el).to.be.accessible();
  });

  it('a stored draft does not replace a fixed value, but still fills the other fields', async () => {
    localStorage.setItem(KEY, JSON.stringify({ idempotencyKey: crypto.randomUUID(), values: { email: 'typed@elsewhere.example', lastName: 'Durand' } }));
    const el = await mount('email, lastName-not-a-field');
    expect((control(el, 'email') as HTMLInputElement).value).to.equal('invited@acme.example');
    expect((control(el, 'lastName') as HTMLInputElement).value).to.equal('Durand');
  });

  it('a field fixed at run time (an invitation read after the draft came back) shows the host\'s value, not the draft\'s', async () => {
    localStorage.setItem(KEY, JSON.stringify({ idempotencyKey: crypto.randomUUID(), values: { email: 'typed@elsewhere.example', lastName: 'Durand' } }));
    const seen = recordSubmissions();
    const el = await mount(undefined);
    expect((control(el, 'email') as HTMLInputElement).value).to.equal('typed@elsewhere.example');
    el.values = { email: 'invited@acme.example', companyName: 'Acme SAS' };
    el.readonlyFields = 'email';
    await el.updateComplete;
    const email = control(el, 'email') as HTMLInputElement;
    expect(email.readOnly).to.equal(true);
    expect(email.value).to.equal('invited@acme.example');
    expect((control(el, 'lastName') as HTMLInputElement).value).to.equal('Durand');
    await fill(el, {});
    await el.submit();
    expect((seen[0]?.body as { values: Record<string, unknown> }).values['email']).to.equal('invited@acme.example');
  });

  it('lookups never offer nor fill a fixed field: the company found, the VAT number, an address chosen', async () => {
    serveLookups();
    const seen = recordSubmissions();
    const fixed = { companyName: 'Acme SAS', postalCode: '75008', city: 'Paris' };
    const el = await fixture<AccountRequestForm>(html`<account-request-form
      action=${API}
      draft="off"
      lang="en"
      readonly-fields="companyName postalCode city vatNumber"
      .config=${LOOKUP_CONFIG}
      .values=${fixed}
    ></account-request-form>`);
    await el.updateComplete;
    control(el, 'siret').focus();
    await sendKeys({ type: COMPANY_ANSWERS.open.siret });
    await until(() => root(el).querySelector('[part~="lookup-accept"]') !== null, 'the offer');
    const offer = $(el, '[part~="lookup"]');
    // What the company gives for the fields the host fixed is not offered.
    expect(offer.textContent).to.not.contain('COMPTOIR DUVAL');
    expect(offer.textContent).to.not.contain('Company name');
    expect(offer.textContent).to.contain('Legal form');
    // The VAT field, fixed empty, is offered no number.
    expect(root(el).querySelector('[part~="vat-offer"]')).to.equal(null);
    $(el, '[part~="lookup-accept"]').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="lookup-replace"]'), 'nothing to replace').to.equal(null);
    expect(control(el, 'street').value).to.equal('12 RUE DE LA PAIX');
    for (const [id, value] of Object.entries(fixed)) expect(control(el, id).value, id).to.equal(value);

    // An address suggestion fills the street only.
    await fill(el, { street: '' }, false);
    control(el, 'street').focus();
    await sendKeys({ type: '8 boulevard du port' });
    await until(() => root(el).querySelector('[role="option"]') !== null, 'the suggestions');
    root(el).querySelector<HTMLElement>('[role="option"]')!.click();
    await el.updateComplete;
    expect(control(el, 'street').value).to.equal('8 Boulevard du Port');
    for (const [id, value] of Object.entries(fixed)) expect(control(el, id).value, id).to.equal(value);

    await fill(el, { email: 'jane@duval.example', lastName: 'Martin' });
    await el.submit();
    expect((seen[0]?.body as { values: Record<string, unknown> }).values).to.include(fixed);
  });

  it('without the attribute nothing is read-only', async () => {
    const el = await mount(undefined);
    expect((control(el, 'email') as HTMLInputElement).readOnly).to.equal(false);
  });
});
