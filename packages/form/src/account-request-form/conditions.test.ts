import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EU_MEMBER_STATES, HONEYPOT_FIELD } from '@account-request/sdk';
import { $, control, fill, focused, makeConfig, recordSubmissions, renderForm, root, startWorker, statusText, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

// Field ids in the order the form shows them.
const shown = (el: AccountRequestForm) =>
  [...new Set([...root(el).querySelectorAll<HTMLInputElement>('[part~="form"] [name]')].map((input) => input.name))].filter((name) => name !== 'confirmed' && name !== HONEYPOT_FIELD);

async function choose(el: AccountRequestForm, id: string, value: string): Promise<void> {
  const target = $(el, `[name="${id}"]${control(el, id).type === 'radio' ? `[value="${value}"]` : ''}`) as HTMLInputElement | HTMLSelectElement;
  if (target instanceof HTMLInputElement && target.type === 'radio') target.click();
  else {
    target.value = value;
    target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

const CUSTOMER_TYPE = makeConfig([
  { id: 'customerType' },
  { id: 'companyName', required: true },
  { id: 'siret' },
  { id: 'lastName', required: true },
  { id: 'email', required: true },
]);

// SIRET for France, the VAT number for the EU but France, as the issue's examples.
const BY_COUNTRY = makeConfig([
  { id: 'companyName', required: true },
  { id: 'country', required: true },
  { id: 'siret', required: true, visibleWhen: { field: 'country', in: ['FR'] } },
  { id: 'vatNumber', visibleWhen: { field: 'country', in: EU_MEMBER_STATES.filter((code) => code !== 'FR') } },
  { id: 'email', required: true },
]);

describe('<account-request-form> conditional fields', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('asks the customer type first, then shows the company fields to companies only, saying so, and keeps what was typed', async () => {
    const el = await renderForm({ config: CUSTOMER_TYPE });
    expect(shown(el)).to.deep.equal(['customerType', 'lastName', 'email']);
    expect(control(el, 'customerType').closest('fieldset')?.querySelector('legend')?.textContent).to.contain('Customer type');

    await choose(el, 'customerType', 'company');
    expect(shown(el)).to.deep.equal(['customerType', 'companyName', 'siret', 'lastName', 'email']);
    expect(statusText(el)).to.equal('New fields to fill in: Company name and SIRET number.');

    await fill(el, { companyName: 'Acme SAS', lastName: 'Martin' }, false);
    await choose(el, 'customerType', 'individual');
    expect(shown(el)).to.deep.equal(['customerType', 'lastName', 'email']);
    expect(statusText(el)).to.equal('Fields no longer asked: Company name and SIRET number.');
    expect(control(el, 'lastName').value).to.equal('Martin');

    await choose(el, 'customerType', 'company');
    expect(control(el, 'companyName').value, 'a hidden value comes back with its field').to.equal('Acme SAS');
    expect(control(el, 'lastName').value).to.equal('Martin');
  });

  it('sends an individual without the company values it still holds', async () => {
    const seen = recordSubmissions();
    const el = await renderForm({ config: CUSTOMER_TYPE });
    await choose(el, 'customerType', 'company');
    await fill(el, { companyName: 'Acme SAS', siret: '73282932000074' }, false);
    await choose(el, 'customerType', 'individual');
    await fill(el, { lastName: 'Martin', email: 'jane@example.com' });
    await el.submit();
    expect(seen).to.have.length(1);
    expect(seen[0]?.body).to.deep.equal({ values: { customerType: 'individual', lastName: 'Martin', email: 'jane@example.com' }, confirmed: true, locale: 'en' });
  });

  it('follows the country: SIRET for France, VAT number for the other EU states, neither elsewhere', async () => {
    const el = await renderForm({ config: BY_COUNTRY });
    // France is the default country.
    expect(shown(el)).to.deep.equal(['companyName', 'country', 'siret', 'email']);
    await fill(el, { companyName: 'Acme SAS', siret: '7328293200' }, false);

    await choose(el, 'country', 'BE');
    expect(shown(el)).to.deep.equal(['companyName', 'country', 'vatNumber', 'email']);
    expect(statusText(el)).to.equal('New field to fill in: EU VAT number. Field no longer asked: SIRET number.');
    expect(control(el, 'companyName').value).to.equal('Acme SAS');

    await choose(el, 'country', 'CH');
    expect(shown(el)).to.deep.equal(['companyName', 'country', 'email']);
    expect(statusText(el)).to.equal('Field no longer asked: EU VAT number.');

    await choose(el, 'country', 'FR');
    expect(control(el, 'siret').value).to.equal('7328293200');
  });

  it('never checks nor sends a field its condition hides, and checks it again once shown', async () => {
    const seen = recordSubmissions();
    const el = await renderForm({ config: BY_COUNTRY });
    await fill(el, { companyName: 'Acme SAS', siret: '123', email: 'jane@acme.example' });
    await choose(el, 'country', 'DE');
    await el.submit();
    expect(seen).to.have.length(1);
    expect(seen[0]?.body).to.deep.equal({ values: { companyName: 'Acme SAS', country: 'DE', email: 'jane@acme.example' }, confirmed: true, locale: 'en' });

    const again = await renderForm({ config: BY_COUNTRY });
    await fill(again, { companyName: 'Acme SAS', siret: '123', email: 'jane@acme.example' });
    await again.submit();
    expect(seen, 'the invalid SIRET of a French company stops the request').to.have.length(1);
    expect(control(again, 'siret').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(again)).to.equal(control(again, 'siret'));
  });

  it('is announced when the person types: a filled-in field makes another appear', async () => {
    const config = makeConfig([{ id: 'companyName' }, { id: 'website' }, { id: 'remarks', visibleWhen: { field: 'website', filled: true } }, { id: 'email', required: true }]);
    const el = await renderForm({ config });
    expect(shown(el)).to.deep.equal(['companyName', 'website', 'email']);
    control(el, 'website').focus();
    await sendKeys({ type: 'h' });
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(['companyName', 'website', 'remarks', 'email']);
    expect(statusText(el)).to.equal('New field to fill in: Remarks.');
    expect(focused(el), 'focus stays where the person types').to.equal(control(el, 'website'));
  });

  it('speaks the language of the form', async () => {
    const el = await renderForm({ config: CUSTOMER_TYPE, lang: 'fr' });
    await choose(el, 'customerType', 'company');
    expect(statusText(el)).to.equal('Nouveaux champs à remplir : Raison sociale et SIRET.');
  });
});
