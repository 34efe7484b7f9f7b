import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { API, control, fill, focused, recordSubmissions, renderForm, root, startWorker, until, worker } from '../test-helpers/index.js';
import { LOOKUP_CONFIG, serveLookups } from '../test-helpers/lookups.js';
import type { AccountRequestForm } from '../account-request-form/account-request-form.component.js';
import '../account-request-form/account-request-form.js';

const street = (el: AccountRequestForm) => control(el, 'street');
const listbox = (el: AccountRequestForm) => root(el).querySelector<HTMLElement>('[role="listbox"]');
const options = (el: AccountRequestForm) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const status = (el: AccountRequestForm) => root(el).querySelector<HTMLElement>(`#${CSS.escape(street(el).id.replace(/-street$/, ''))}-street-status`)?.textContent?.trim() ?? '';
const open = (el: AccountRequestForm) => street(el).getAttribute('aria-expanded') === 'true';

async function press(el: AccountRequestForm, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** A form whose server has the address lookup, the street field focused and `text` typed in it. */
async function typed(text: string, el?: AccountRequestForm): Promise<AccountRequestForm> {
  const form = el ?? (await renderForm({ config: LOOKUP_CONFIG }));
  await until(() => street(form).getAttribute('role') === 'combobox', 'the combobox');
  street(form).focus();
  await sendKeys({ type: text });
  await form.updateComplete;
  return form;
}

describe('<account-request-form> address suggestions', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('is an ARIA 1.2 combobox that keeps the input’s label, name, autocomplete and validation', async () => {
    serveLookups();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => street(el).getAttribute('role') === 'combobox', 'the combobox');
    const input = street(el);
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal(listbox(el)?.id);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(listbox(el)?.hidden).to.equal(true);
    expect(input.name).to.equal('street');
    expect(input.getAttribute('autocomplete')).to.equal('address-line1');
    expect(root(el).querySelector(`label[for="${input.id}"]`)?.textContent).to.contain('Street');
    await expect(el).to.be.accessible();
  });

  it('by keyboard alone: suggestions announced, nothing chosen until the person moves, Down/Up wrap, Enter fills street, postal code and city', async () => {
    const asked = serveLookups();
    const seen = recordSubmissions();
    const el = await typed('8 boulevard du port');
    await until(() => open(el), 'the list');
    // Debounced: one request for the whole text typed.
    expect(asked.addresses).to.deep.equal(['8 boulevard du port']);
    expect(options(el).map((option) => option.textContent?.trim())).to.deep.equal(['8 Boulevard du Port 80000 Amiens', '8 Boulevard du Port 95000 Cergy']);
    expect(listbox(el)?.hidden).to.equal(false);
    expect(listbox(el)?.getAttribute('aria-label')).to.equal('Address suggestions');
    await until(() => status(el) === '2 address suggestions. Use the up and down arrow keys to choose.', 'the count announced');
    expect(street(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(options(el).some((option) => option.getAttribute('aria-selected') === 'true')).to.equal(false);
    await expect(el).to.be.accessible();

    await press(el, 'ArrowDown');
    expect(street(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]?.id);
    expect(options(el)[0]?.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'ArrowDown');
    expect(street(el).getAttribute('aria-activedescendant')).to.equal(options(el)[1]?.id);
    await press(el, 'ArrowDown');
    expect(street(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]?.id);
    await press(el, 'ArrowUp');
    expect(street(el).getAttribute('aria-activedescendant')).to.equal(options(el)[1]?.id);
    await expect(el).to.be.accessible();
    // Focus never left the input.
    expect(focused(el)).to.equal(street(el));

    await press(el, 'Enter');
    expect(street(el).value).to.equal('8 Boulevard du Port');
    expect(control(el, 'postalCode').value).to.equal('95000');
    expect(control(el, 'city').value).to.equal('Cergy');
    expect(open(el)).to.equal(false);
    expect(street(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(listbox(el)?.hidden).to.equal(true);
    expect(status(el)).to.equal('Street, postal code and city were filled in.');
    expect(focused(el)).to.equal(street(el));
    // Enter chose an option: it did not send the form.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).to.have.length(0);
    expect(asked.addresses).to.have.length(1);
  });

  it('Escape closes the list and keeps the typed text; Down opens it again; Tab leaves with nothing chosen', async () => {
    serveLookups();
    const el = await typed('rue de la paix');
    await until(() => open(el), 'the list');
    expect(options(el)).to.have.length(2);
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(open(el)).to.equal(false);
    expect(listbox(el)?.hidden).to.equal(true);
    expect(street(el).value).to.equal('rue de la paix');
    expect(street(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(focused(el)).to.equal(street(el));

    await press(el, 'ArrowDown');
    expect(open(el)).to.equal(true);
    expect(street(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]?.id);
    await press(el, 'Tab');
    expect(open(el)).to.equal(false);
    expect(focused(el)).to.equal(control(el, 'postalCode'));
    expect(street(el).value).to.equal('rue de la paix');
    expect(control(el, 'postalCode').value).to.equal('');
    expect(control(el, 'city').value).to.equal('');
  });

  it('closes the list when the person clicks another field', async () => {
    serveLookups();
    const el = await typed('rue de la paix');
    await until(() => open(el), 'the list');
    const city = control(el, 'city');
    city.scrollIntoView({ block: 'center' });
    const box = city.getBoundingClientRect();
    try {
      await sendMouse({ type: 'click', position: [Math.round(box.left + 10), Math.round(box.top + box.height / 2)] });
    } finally {
      await resetMouse();
    }
    await el.updateComplete;
    expect(focused(el)).to.equal(city);
    expect(open(el)).to.equal(false);
    expect(listbox(el)?.hidden).to.equal(true);
    expect(street(el).value).to.equal('rue de la paix');
  });

  it('asks nothing under 3 characters, and says when nothing matches', async () => {
    const asked = serveLookups();
    const el = await typed('ru');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked.addresses).to.deep.equal([]);
    await sendKeys({ type: 'e du nowhere' });
    await until(() => status(el) === 'No address suggestion.', 'no suggestion said');
    expect(open(el)).to.equal(false);
    expect(asked.addresses).to.deep.equal(['rue du nowhere']);
  });

  it('a mouse click on a suggestion fills the address too', async () => {
    serveLookups();
    const el = await typed('12 rue de la paix');
    await until(() => open(el), 'the list');
    options(el)[0]?.click();
    await el.updateComplete;
    expect([street(el).value, control(el, 'postalCode').value, control(el, 'city').value]).to.deep.equal(['12 Rue de la Paix', '75002', 'Paris']);
  });

  it('in a form in steps, fills the postal code and the city of a later step', async () => {
    serveLookups();
    const config = { ...LOOKUP_CONFIG, steps: [{ before: 'companyName', title: 'Company' }, { before: 'street', title: 'Street' }, { before: 'postalCode', title: 'Town' }] };
    const el = await renderForm({ config, values: { companyName: 'Acme', email: 'jane@acme.example', lastName: 'Martin' } });
    await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
    root(el).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    await typed('8 boulevard du port', el);
    await until(() => open(el), 'the list');
    options(el)[1]!.click();
    await el.updateComplete;
    expect(street(el).value).to.equal('8 Boulevard du Port');
    root(el).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    expect([control(el, 'postalCode').value, control(el, 'city').value]).to.deep.equal(['95000', 'Cergy']);
  });

  it('is off for another country and when the server has no address lookup', async () => {
    const asked = serveLookups();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => street(el).getAttribute('role') === 'combobox', 'the combobox');
    const country = control(el, 'country') as unknown as HTMLSelectElement;
    country.value = 'BE';
    country.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(street(el).hasAttribute('role')).to.equal(false);
    expect(street(el).hasAttribute('aria-expanded')).to.equal(false);
    street(el).focus();
    await sendKeys({ type: 'rue de la loi' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(asked.addresses).to.deep.equal([]);
    expect(listbox(el)).to.equal(null);

    worker.resetHandlers();
    const off = serveLookups({ address: false });
    const other = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => off.capabilities === 1, 'the capabilities');
    await fill(other, { siret: '73282932000074' }, false);
    await until(() => root(other).querySelector('[part~="vat-offer"]') !== null, 'the lookups loaded');
    street(other).focus();
    await sendKeys({ type: '8 boulevard du port' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(off.addresses).to.deep.equal([]);
    expect(street(other).hasAttribute('role')).to.equal(false);
  });

  it('works in light-DOM mode, axe clean with the list open', async () => {
    serveLookups();
    const el = await fixture<AccountRequestForm>(html`<account-request-form light-dom draft="off" lang="fr" action=${API} .config=${LOOKUP_CONFIG}></account-request-form>`);
    await typed('8 boulevard du port', el);
    await until(() => open(el), 'the list');
    await until(() => status(el) === '2 suggestions d’adresse. Utilisez les flèches haut et bas pour choisir.', 'the count in French');
    expect(getComputedStyle(options(el)[0]!).cursor).to.equal('pointer');
    await expect(el).to.be.accessible();
  });
});
