import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, control, fill, focused, makeConfig, recordSubmissions, renderForm, root, startWorker, statusText, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

const errorOf = (el: AccountRequestForm, id: string) => {
  const input = control(el, id);
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((ref) => root(el).querySelector(`#${ref}`)).find((node) => node?.getAttribute('part') === 'error') ?? null;
};

// Tab until the focus leaves `control`: a date input's day, month and year take one Tab each.
async function leave(el: AccountRequestForm, control: HTMLElement): Promise<void> {
  for (let presses = 0; focused(el) === control && presses < 4; presses++) await sendKeys({ press: 'Tab' });
  expect(focused(el)).to.not.equal(control);
  await el.updateComplete;
}

describe('<account-request-form> validation feedback', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('says nothing while a field is first typed in, checks it on blur, and clears the error as soon as it is fixed', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'email', required: true }, { id: 'siret' }]) });
    const email = control(el, 'email');
    email.focus();
    await sendKeys({ type: 'jane@' });
    await el.updateComplete;
    expect(errorOf(el, 'email')).to.equal(null);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);

    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const error = errorOf(el, 'email');
    expect(error?.textContent).to.match(/^Error: .*e-mail address/);
    expect(error?.querySelector('.arf-vh')?.textContent?.trim()).to.equal('Error:');
    expect(email.getAttribute('aria-invalid')).to.equal('true');

    // Help first, then the error.
    const siret = control(el, 'siret');
    siret.focus();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const refs = siret.getAttribute('aria-describedby')!.split(' ');
    expect(refs.map((ref) => root(el).querySelector(`#${ref}`)?.getAttribute('part'))).to.deep.equal(['help', 'error']);

    email.focus();
    await sendKeys({ type: 'acme.fr' });
    await el.updateComplete;
    expect(errorOf(el, 'email')).to.equal(null);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('takes the first click on Send after an invalid field, though the error of the field pushes the button down', async () => {
    const seen = recordSubmissions();
    const el = await renderForm({ config: makeConfig([{ id: 'siret', required: true }, { id: 'companyName' }]) });
    const siret = control(el, 'siret');
    siret.focus();
    await sendKeys({ type: '12345678901234' });
    const button = $(el, '[part="submit"]') as HTMLButtonElement;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    const point: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 3)];
    try {
      await sendMouse({ type: 'move', position: point });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'up' });
    } finally {
      await resetMouse();
    }
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(seen).to.have.length(0);
    expect(statusText(el), 'the click checked the form').to.match(/^\d+ fields need attention\.$/);
    expect(focused(el)).to.equal(siret);
    expect(errorOf(el, 'siret')?.textContent).to.contain('SIRET');
  });

  it('counts lengths in code points as the server does: the browser cuts nothing, too_long shows as it is typed', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'lastName', required: true }]) });
    const lastName = control(el, 'lastName');
    expect(lastName.hasAttribute('maxlength')).to.equal(false);
    lastName.focus();
    // 80 emoji are 80 code points (the SDK's limit) but 160 UTF-16 units (what maxlength counts).
    await sendKeys({ type: '😀'.repeat(80) });
    await el.updateComplete;
    expect([...lastName.value]).to.have.length(80);
    expect(errorOf(el, 'lastName')).to.equal(null);
    await sendKeys({ type: '😀' });
    await el.updateComplete;
    expect([...lastName.value]).to.have.length(81);
    // Shown at once, before any blur: where maxlength used to stop the typing.
    expect(errorOf(el, 'lastName')?.textContent).to.contain('80');
    expect(lastName.getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(errorOf(el, 'lastName')).to.equal(null);
  });

  it('on an empty submit sends nothing, focuses the first invalid field and announces a summary once', async () => {
    const seen = recordSubmissions();
    const el = await renderForm({ config: makeConfig([{ id: 'firstName' }, { id: 'companyName', required: true }, { id: 'email', required: true }]) });
    ($(el, '[part="submit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(seen).to.have.length(0);
    expect(focused(el)).to.equal(control(el, 'companyName'));
    // companyName, email and the confirmation box.
    expect(statusText(el)).to.equal('3 fields need attention.');
    expect(root(el).querySelectorAll('[role="status"], [aria-live]')).to.have.length(1);
    expect(errorOf(el, 'companyName')?.textContent).to.contain('required');
    expect(errorOf(el, 'confirmed')).to.exist;
    expect(errorOf(el, 'firstName')).to.equal(null);
  });

  it('gets the plural rules of its language ready while idle, so the first empty submit does not build them', async () => {
    const Original = Intl.PluralRules;
    const built: string[] = [];
    // A language no other case shows: the SDK keeps the rules of each locale once built.
    const intl = Intl as { PluralRules: typeof Intl.PluralRules };
    intl.PluralRules = new Proxy(Original, { construct: (target, args: [string]) => (built.push(String(args[0])), Reflect.construct(target, args)) });
    try {
      const el = await renderForm({ lang: 'en-IE', config: makeConfig([{ id: 'companyName', required: true }]) });
      await new Promise((resolve) => requestIdleCallback(resolve));
      expect(built).to.deep.equal(['en-IE']);
      ($(el, '[part="submit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      // companyName, the e-mail (always asked) and the confirmation box.
      expect(statusText(el)).to.equal('3 fields need attention.');
      expect(built).to.deep.equal(['en-IE']);
    } finally {
      intl.PluralRules = Original;
    }
  });

  it('checks a custom postal-code field again when the country changes', async () => {
    const customFields = [{ id: 'siteZip', type: 'text', label: 'Site ZIP', format: 'postal-code' }];
    const el = await renderForm({ config: makeConfig([{ id: 'siteZip' }, { id: 'country', required: true }], { customFields }) });
    await fill(el, { siteZip: 'SW1A 1AA' }, false);
    control(el, 'siteZip').focus();
    control(el, 'siteZip').blur();
    await el.updateComplete;
    expect(errorOf(el, 'siteZip')?.textContent).to.match(/^Error:/);
    const country = control(el, 'country') as unknown as HTMLSelectElement;
    country.value = 'GB';
    country.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(errorOf(el, 'siteZip')).to.equal(null);
  });

  it('announces in French and checks the postal code against the chosen country', async () => {
    const el = await renderForm({ lang: 'fr', config: makeConfig([{ id: 'postalCode', required: true }, { id: 'country', required: true }]) });
    await fill(el, { postalCode: 'SW1A 1AA' }, false);
    control(el, 'postalCode').focus();
    control(el, 'postalCode').blur();
    await el.updateComplete;
    expect(errorOf(el, 'postalCode')?.textContent).to.match(/^Erreur :/);
    const country = control(el, 'country') as unknown as HTMLSelectElement;
    country.value = 'GB';
    country.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(errorOf(el, 'postalCode')).to.equal(null);
    // Locked fields (company name, e-mail) are displayed whatever the config says; only the box is left.
    await fill(el, { companyName: 'Acme', email: 'jane@acme.fr' }, false);
    el.reportValidity();
    await el.updateComplete;
    expect(statusText(el)).to.equal('1 champ est à corriger.');
  });

  it('re-words shown errors when the language changes', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'lastName', required: true }]) });
    el.reportValidity();
    await el.updateComplete;
    const before = errorOf(el, 'lastName')?.textContent;
    el.lang = 'fr';
    await el.updateComplete;
    await el.updateComplete;
    expect(errorOf(el, 'lastName')?.textContent).to.not.equal(before);
    expect(errorOf(el, 'lastName')?.textContent).to.match(/^Erreur :/);
  });

  it('keeps its error summary true: reworded in a new language, counted again as fields are fixed, gone once none is left', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'companyName', required: true }, { id: 'lastName', required: true }]) });
    ($(el, '[part="submit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    // companyName, lastName, the e-mail (always asked) and the box.
    expect(statusText(el)).to.equal('4 fields need attention.');
    const status = $(el, '[part~="status"]');
    expect(status.dataset['tone']).to.equal('error');
    el.lang = 'fr';
    await el.updateComplete;
    await el.updateComplete;
    expect(statusText(el)).to.equal('4 champs sont à corriger.');
    await fill(el, { companyName: 'Acme', lastName: 'Martin' }, false);
    expect(statusText(el)).to.equal('2 champs sont à corriger.');
    await fill(el, { email: 'jane@acme.fr' });
    expect(el.checkValidity()).to.equal(true);
    expect(root(el).querySelector('[aria-invalid="true"]')).to.equal(null);
    expect(statusText(el)).to.equal('');
    expect(status.dataset['tone']).to.equal('info');
  });

  it('checkValidity() answers without showing anything; reportValidity() shows and focuses', async () => {
    const el = await renderForm();
    expect(el.checkValidity()).to.equal(false);
    await el.updateComplete;
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(root(el).querySelectorAll('[part="error"]').length).to.equal(4);
    expect(focused(el)).to.equal(control(el, 'companyName'));
    await fill(el, { companyName: 'Acme', email: 'jane@acme.fr', lastName: 'Martin' });
    expect(el.checkValidity()).to.equal(true);
  });

  it('refuses a date typed in part, which the browser reads as no date: on blur, on submit and in checkValidity()', async () => {
    const seen = recordSubmissions();
    const config = makeConfig([{ id: 'companyName', required: true }, { id: 'email', required: true }, { id: 'founded' }], {
      customFields: [{ id: 'founded', type: 'date', label: { en: 'Founded', fr: 'Création' } }],
    });
    const el = await renderForm({ config });
    await fill(el, { companyName: 'Acme', email: 'jane@acme.fr' });
    const founded = control(el, 'founded');
    founded.focus();
    // Two of the three parts (day and month, or month and day, as the browser's locale orders
    // them): one is missing whatever the order.
    await sendKeys({ type: '0203' });
    expect(founded.validity.badInput, 'the browser holds an entry it cannot read').to.equal(true);
    expect(founded.value).to.equal('');
    await leave(el, founded);
    const incomplete = 'This date is incomplete or does not exist: complete it or clear it.';
    expect(errorOf(el, 'founded')?.textContent).to.contain(incomplete);
    expect(founded.getAttribute('aria-invalid')).to.equal('true');
    expect(el.checkValidity()).to.equal(false);
    await el.submit();
    await el.updateComplete;
    expect(seen, 'nothing sent without the date').to.have.length(0);
    expect(focused(el)).to.equal(founded);
    // Completed (here as the picker does it: the order of typed segments follows the browser's
    // locale), it is read and the error leaves.
    founded.focus();
    founded.value = '2027-02-03';
    founded.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await leave(el, founded);
    expect(founded.validity.badInput).to.equal(false);
    expect(errorOf(el, 'founded')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
  });

  it('validates a radio group when focus leaves the group, not when moving inside it', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'civility', required: true }, { id: 'firstName' }]) });
    const [first] = root(el).querySelectorAll<HTMLInputElement>('input[name="civility"]');
    first!.focus();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused(el)).to.equal(control(el, 'firstName'));
    const fieldset = first!.closest('fieldset')!;
    const error = fieldset.querySelector('[part="error"]');
    expect(error?.textContent).to.contain('Choose an option');
    expect(fieldset.getAttribute('aria-describedby')).to.equal(error?.id);
    expect(first!.getAttribute('aria-invalid')).to.equal('true');
  });
  it('reset() clears every shown error, also that of the field holding the focus when the fields it showed go', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'customerType', required: true }, { id: 'companyName', required: true }, { id: 'lastName', required: true }, { id: 'email', required: true }, { id: 'phone', required: true }]) });
    $(el, '[name="customerType"][value="company"]').click();
    await el.updateComplete;
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    control(el, 'phone').focus();
    el.reset();
    await el.updateComplete;
    expect([...root(el).querySelectorAll('[part~="error"]')].map((error) => error.textContent)).to.deep.equal([]);
    expect(control(el, 'phone').hasAttribute('aria-invalid')).to.equal(false);
  });
});
