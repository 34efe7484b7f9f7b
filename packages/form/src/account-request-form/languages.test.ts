import { expect } from '@open-wc/testing';
import { loadLocale, registerLocale } from '@account-request/sdk';
import { $, control, makeConfig, renderForm } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

const config = makeConfig([{ id: 'companyName', required: true }, { id: 'vatNumber' }, { id: 'country', required: true }]);
const label = (el: AccountRequestForm, id: string) => $(el, `label[for="${control(el, id).id}"]`).textContent?.replace(/\s+/g, ' ').trim();
const submit = (el: AccountRequestForm) => $(el, '[part="submit"]').textContent?.trim();

describe('<account-request-form> languages beyond fr and en', () => {
  it('fetches a built-in language on demand and re-renders in it', async () => {
    const el = await renderForm({ config, lang: 'de-AT' });
    await loadLocale('de');
    await el.updateComplete;
    expect(label(el, 'companyName')).to.equal('Firmenname * (Pflichtfeld)');
    expect(label(el, 'vatNumber')).to.equal('USt-IdNr.');
    expect(submit(el)).to.equal('Anfrage senden');
    expect($(el, '[part="required-legend"]').textContent).to.equal('Mit * gekennzeichnete Felder sind Pflichtfelder.');
    // Country names follow the language too (Intl, de-AT).
    expect([...control(el, 'country').querySelectorAll('option')].some((option) => option.textContent === 'Österreich')).to.equal(true);
  });

  it('speaks a language a page registers at run time, English filling what it leaves out', async () => {
    const el = await renderForm({ config, lang: 'sv' });
    const countries = () => [...control(el, 'country').querySelectorAll('option')].map((option) => option.textContent);
    expect(submit(el)).to.equal('Send request');
    // Nothing registered for Swedish yet: English words, and English country names with them.
    expect(countries()).to.include('Germany');
    registerLocale('sv', { core: { submit: 'Skicka ansökan', fields: { companyName: { label: 'Företagsnamn' } } }, form: { requiredLegend: 'Fält markerade med * är obligatoriska.' } });
    await el.updateComplete;
    expect(submit(el)).to.equal('Skicka ansökan');
    expect(label(el, 'companyName')).to.equal('Företagsnamn * (required)');
    expect($(el, '[part="required-legend"]').textContent).to.equal('Fält markerade med * är obligatoriska.');
    expect(countries()).to.include('Tyskland');
  });

  it('words errors already shown again once the language arrives', async () => {
    const el = await renderForm({ config, lang: 'nl' });
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    await loadLocale('nl');
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, `#${control(el, 'companyName').getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('error'))}`).textContent).to.contain('Dit veld is verplicht.');
  });
});
