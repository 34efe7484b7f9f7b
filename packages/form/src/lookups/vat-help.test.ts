import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, control, fill, focused, recordSubmissions, renderForm, root, startWorker, until, worker } from '../test-helpers/index.js';
import { COMPANY_ANSWERS, LOOKUP_CONFIG, serveLookups } from '../test-helpers/lookups.js';
import type { AccountRequestForm } from '../account-request-form/account-request-form.component.js';
import '../account-request-form/account-request-form.js';

const SIRET = COMPANY_ANSWERS.open.siret;
// The SIREN of COMPANY_ANSWERS.closed, with its valid key.
const OTHER_VAT = 'FR83404833048';

const offer = (el: AccountRequestForm) => root(el).querySelector<HTMLElement>('[part~="vat-offer"]');
const warning = (el: AccountRequestForm) => root(el).querySelector<HTMLElement>('[part~="warning"]');
const describedBy = (el: AccountRequestForm, id: string) => control(el, id).getAttribute('aria-describedby')?.split(' ') ?? [];

describe('<account-request-form> VAT number from the SIRET', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('offers the VAT number derived from the SIREN while the field is empty, and fills it on request', async () => {
    serveLookups({ company: false, address: false });
    const el = await renderForm({ config: LOOKUP_CONFIG });
    control(el, 'siret').focus();
    await sendKeys({ type: SIRET });
    await until(() => offer(el) !== null, 'the VAT offer');
    const text = offer(el)!.querySelector('p')!;
    expect(text.textContent).to.equal('Your intra-EU VAT number should be FR44732829320. Use it?');
    expect(describedBy(el, 'vatNumber')).to.include(text.id);
    expect(offer(el)!.previousElementSibling?.querySelector('[name="vatNumber"]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    $(el, '[part~="vat-accept"]').click();
    await el.updateComplete;
    expect(control(el, 'vatNumber').value).to.equal('FR44732829320');
    expect(offer(el)).to.equal(null);
    expect(describedBy(el, 'vatNumber')).to.not.include(text.id);
    await until(() => focused(el) === control(el, 'vatNumber'), 'focus on the VAT field');
  });

  it('works without a server (the editor’s preview), and not for another country or a VAT number typed', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" lang="en" .config=${LOOKUP_CONFIG}></account-request-form>`);
    await fill(el, { siret: SIRET }, false);
    await until(() => offer(el) !== null, 'the VAT offer');
    const country = control(el, 'country') as unknown as HTMLSelectElement;
    country.value = 'BE';
    country.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(offer(el)).to.equal(null);
    country.value = 'FR';
    country.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(offer(el)).to.not.equal(null);
    await fill(el, { vatNumber: 'F' }, false);
    expect(offer(el)).to.equal(null);
  });

  it('warns, without refusing, about a French VAT number of another company than the SIRET', async () => {
    serveLookups({ company: false, address: false });
    const seen = recordSubmissions();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await fill(el, { siret: SIRET }, false);
    await until(() => offer(el) !== null, 'the lookups loaded');
    await fill(el, { vatNumber: OTHER_VAT }, false);
    const note = warning(el);
    expect(note?.textContent).to.equal('This VAT number does not match the SIRET number (company number 732829320). Please check both; you can still send your request.');
    expect(note?.parentElement?.getAttribute('aria-live')).to.equal('polite');
    expect(describedBy(el, 'vatNumber')).to.include(note!.id);
    control(el, 'vatNumber').dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(control(el, 'vatNumber').hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();

    await fill(el, { companyName: 'Comptoir Duval', email: 'jane@duval.example', lastName: 'Martin' });
    await el.submit();
    expect(seen).to.have.length(1);
    expect((seen[0]?.body as { values: Record<string, string> }).values['vatNumber']).to.equal(OTHER_VAT);

    // The matching number: no warning.
    el.reset();
    await el.updateComplete;
    await fill(el, { siret: SIRET, vatNumber: 'FR 44 732 829 320' }, false);
    expect(warning(el)).to.equal(null);
    expect(describedBy(el, 'vatNumber').some((id) => id.endsWith('vat-warning'))).to.equal(false);
  });
});
