import { expect, html } from '@open-wc/testing';
import { DEFAULT_COUNTRY, HONEYPOT_FIELD } from '@account-request/sdk';
import { $, control, fill, makeConfig, mount, renderForm, root } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

const names = (el: AccountRequestForm) =>
  [...root(el).querySelectorAll<HTMLInputElement>('[part~="input"]')].map((input) => input.name).filter((name, i, all) => all.indexOf(name) === i);

describe('<account-request-form> rendering', () => {
  it('renders the displayed fields in config order with required markers where the config says', async () => {
    const config = makeConfig([
      { id: 'city', required: true },
      { id: 'email', required: true },
      { id: 'firstName' },
      { id: 'companyName', required: true },
      { id: 'remarks' },
      { id: 'phone', displayed: false },
    ]);
    const el = await renderForm({ config });
    // Locked fields stay displayed; hidden ones are absent; the confirmation box comes last.
    expect(names(el)).to.deep.equal(['city', 'email', 'firstName', 'companyName', 'remarks', 'confirmed']);
    const required = (id: string) => Boolean(control(el, id).closest('[part~="field"]')?.querySelector('[part="marker"]'));
    expect(['city', 'email', 'firstName', 'companyName', 'remarks'].map(required)).to.deep.equal([true, true, false, true, false]);
    expect(control(el, 'city').required).to.equal(true);
    expect(control(el, 'firstName').required).to.equal(false);
    // The marker's meaning is written out: a legend line, and hidden text after each marked label.
    expect($(el, '[part="required-legend"]').textContent).to.contain('* are required');
    const label = $(el, `label[for="${control(el, 'city').id}"]`);
    expect($(el, '[part="marker"]').getAttribute('aria-hidden')).to.equal('true');
    expect(label.textContent?.replace(/\s+/g, ' ').trim()).to.equal('City * (required)');
  });

  it('ties each control to its label and its help text, with catalog autocomplete and inputmode, and no native length limit', async () => {
    const config = makeConfig([{ id: 'siret' }, { id: 'email', required: true }, { id: 'phone', required: true }]);
    const el = await renderForm({ config });
    const siret = control(el, 'siret');
    expect($(el, `label[for="${siret.id}"]`).textContent).to.contain('SIRET');
    const help = $(el, `#${siret.getAttribute('aria-describedby')}`);
    expect(help.getAttribute('part')).to.equal('help');
    expect(help.textContent).to.contain('14 digits');
    expect(siret.getAttribute('inputmode')).to.equal('numeric');
    // maxlength / minlength count UTF-16 units where the SDK counts code points: the SDK limits.
    expect(['maxlength', 'minlength'].filter((name) => siret.hasAttribute(name))).to.deep.equal([]);
    const email = control(el, 'email');
    expect([email.type, email.autocomplete, email.hasAttribute('maxlength')]).to.deep.equal(['email', 'email', false]);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
    expect(control(el, 'phone').autocomplete).to.equal('tel');
    expect(($(el, 'form') as HTMLFormElement).noValidate).to.equal(true);
  });

  it('lists countries from Intl.DisplayNames, sorted for the language, France by default', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'country', required: true }]), lang: 'fr' });
    const select = control(el, 'country') as unknown as HTMLSelectElement;
    expect(select.value).to.equal(DEFAULT_COUNTRY);
    const options = [...select.options].slice(1);
    expect(options.length).to.be.within(240, 260);
    const labels = options.map((option) => option.textContent ?? '');
    expect([...labels].sort(new Intl.Collator('fr').compare)).to.deep.equal(labels);
    expect(options.find((option) => option.value === 'DE')?.textContent).to.equal('Allemagne');
    // Codes that are not countries are left out.
    expect(options.some((option) => ['EU', 'UN', 'ZZ', 'QO'].includes(option.value))).to.equal(false);
    expect(select.autocomplete).to.equal('country');
  });

  it('renders radio groups in a fieldset with a legend, and checkboxes unchecked even when prefilled', async () => {
    const config = makeConfig([{ id: 'civility', required: true }, { id: 'newsletter' }]);
    const el = await renderForm({ config, values: { newsletter: true, civility: 'Mme' } });
    const radios = root(el).querySelectorAll<HTMLInputElement>('input[name="civility"]');
    expect(radios.length).to.equal(2);
    const fieldset = radios[0]!.closest('fieldset');
    expect(fieldset?.querySelector('legend')?.textContent).to.contain('Title');
    expect(radios[1]!.checked, 'text prefill applies to radios').to.equal(true);
    // CONTRACT: every control carries the catalog's token (axe accepts it on radios).
    expect(radios[0]!.getAttribute('autocomplete')).to.equal('honorific-prefix');
    expect(control(el, 'newsletter').checked).to.equal(false);
  });

  it('always ends with the required "I confirm" checkbox and a hidden honeypot', async () => {
    const el = await renderForm();
    const confirm = control(el, 'confirmed');
    expect(confirm.type).to.equal('checkbox');
    expect(confirm.required).to.equal(true);
    expect(confirm.checked).to.equal(false);
    expect(confirm.closest('[part~="confirm"]')).to.exist;
    expect($(el, `label[for="${confirm.id}"]`).textContent).to.contain('I confirm the information above');
    const trap = control(el, HONEYPOT_FIELD);
    expect([trap.tabIndex, trap.autocomplete]).to.deep.equal([-1, 'off']);
    // What 1Password, LastPass, Bitwarden and Dashlane read to leave a field alone.
    expect(['data-1p-ignore', 'data-lpignore', 'data-bwignore', 'data-form-type'].map((name) => trap.getAttribute(name))).to.deep.equal(['', 'true', '', 'other']);
    expect(trap.parentElement?.getAttribute('aria-hidden')).to.equal('true');
    expect(trap.parentElement?.className).to.equal('arf-hp');
    expect(trap.hasAttribute('style')).to.equal(false);
    expect(trap.parentElement!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('renders every custom field type with text labels and options', async () => {
    const types = ['text', 'textarea', 'email', 'tel', 'url', 'number', 'date', 'select', 'radio', 'checkbox'] as const;
    const options = [
      { value: 'a', label: { fr: 'Un', en: 'One' } },
      { value: 'b', label: 'Two' },
    ];
    const customFields = types.map((type) => ({ id: `c${type}`, type, label: { en: `Custom ${type}`, fr: `Perso ${type}` }, ...(type === 'select' || type === 'radio' ? { options } : {}) }));
    const config = makeConfig([{ id: 'companyName', required: true }, ...types.map((type) => ({ id: `c${type}` }))], { customFields });
    const el = await renderForm({ config });
    const tag = (id: string) => {
      const node = control(el, id);
      return node.localName === 'input' ? node.type : node.localName;
    };
    expect(types.map((type) => tag(`c${type}`))).to.deep.equal(['text', 'textarea', 'email', 'tel', 'url', 'text', 'date', 'select', 'radio', 'checkbox']);
    expect(control(el, 'cnumber').getAttribute('inputmode')).to.equal('decimal');
    const select = control(el, 'cselect') as unknown as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).to.deep.equal(['Choose…', 'One', 'Two']);
    expect($(el, `label[for="${control(el, 'ctextarea').id}"]`).textContent).to.contain('Custom textarea');
  });

  it('takes a country of the prefill in lower case as its code (the select shows it, it is sent)', async () => {
    const el = await renderForm({ config: makeConfig([{ id: 'country', required: true }]), values: { country: 'be' } });
    const select = control(el, 'country') as unknown as HTMLSelectElement;
    expect(select.value).to.equal('BE');
    expect(select.selectedIndex).to.not.equal(0);
    el.values = { country: 'de' };
    await el.updateComplete;
    expect(select.value).to.equal('DE');
    await fill(el, { email: 'jane@acme.fr', companyName: 'Acme' });
    expect(el.checkValidity()).to.equal(true);
  });

  it('fits a 320 px wide screen whatever the length of a word in a label, a help text, an option or an error (WCAG 1.4.10)', async () => {
    const word = 'Handelsregistereintragungsbestätigungsnummer';
    const customFields = [
      { id: 'register', type: 'text', label: word, help: `${word}${word}` },
      { id: 'kind', type: 'radio', label: word, options: [{ value: 'a', label: word }] },
      { id: 'pick', type: 'select', label: word, options: [{ value: 'a', label: word }] },
    ];
    const wrapper = await mount<HTMLDivElement>(html`<div style="inline-size: 320px; overflow: auto">
      <account-request-form draft="off" lang="en" .config=${makeConfig([{ id: 'register', required: true }, { id: 'kind', required: true }, { id: 'pick' }], { customFields })}></account-request-form>
    </div>`);
    const el = wrapper.querySelector<AccountRequestForm>('account-request-form')!;
    el.reportValidity();
    await el.updateComplete;
    expect($(el, '[part~="error"]').textContent).to.contain('Error');
    expect(wrapper.scrollWidth, 'no sideways scrolling').to.equal(wrapper.clientWidth);
    // The honeypot's box is clipped to a pixel: its control may overflow it, unseen and unscrolled.
    for (const node of root(el).querySelectorAll<HTMLElement>('label, legend, p, span, input, select')) {
      if (node.getClientRects().length && !node.closest('.arf-hp')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
    }
  });

  it('shows hostile config text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const customFields = [{ id: 'evil', type: 'select', label: hostile, help: hostile, options: [{ value: 'x', label: hostile }] }];
    const config = makeConfig([{ id: 'evil' }], { customFields, settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: { message: hostile } } });
    const el = await renderForm({ config });
    expect(root(el).querySelector('img')).to.equal(null);
    expect($(el, `label[for="${control(el, 'evil').id}"]`).textContent).to.contain(hostile);
    expect($(el, '[part="help"]').textContent).to.equal(hostile);
    expect((control(el, 'evil') as unknown as HTMLSelectElement).options[1]?.textContent).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('gives two forms on one page distinct ids', async () => {
    const wrapper = await mount<HTMLDivElement>(html`<div>
      <account-request-form light-dom draft="off" .config=${makeConfig([{ id: 'lastName', required: true }, { id: 'civility' }])}></account-request-form>
      <account-request-form light-dom draft="off" .config=${makeConfig([{ id: 'lastName', required: true }, { id: 'civility' }])}></account-request-form>
    </div>`);
    const forms = [...wrapper.querySelectorAll('account-request-form')];
    await Promise.all(forms.map((form) => form.updateComplete));
    const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids.length).to.be.greaterThan(10);
    expect(new Set(ids).size).to.equal(ids.length);
    // Every label still points at a control of its own form.
    for (const label of wrapper.querySelectorAll('label')) expect(label.control?.closest('account-request-form')).to.equal(label.closest('account-request-form'));
  });
});

describe('<account-request-form> language', () => {
  it('follows its lang attribute, then the closest ancestor, then the document, and switches live', async () => {
    const wrapper = await mount<HTMLDivElement>(html`<div lang="fr"><account-request-form draft="off" .config=${makeConfig([{ id: 'lastName', required: true }])}></account-request-form></div>`);
    const el = wrapper.querySelector('account-request-form')!;
    await el.updateComplete;
    const label = () => $(el, `label[for="${control(el, 'lastName').id}"]`).textContent?.replace(/\s+/g, ' ').trim();
    expect(label()).to.equal('Nom * (obligatoire)');
    expect($(el, '[part="submit"]').textContent?.trim()).to.equal('Envoyer la demande');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(label()).to.equal('Last name * (required)');
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(label()).to.equal('Nom * (obligatoire)');
    wrapper.setAttribute('lang', 'en-GB');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(label()).to.equal('Last name * (required)');
  });

  it('finds the language across shadow roots', async () => {
    const host = await mount<HTMLDivElement>(html`<div lang="fr"></div>`);
    const inner = host.attachShadow({ mode: 'open' });
    const el = document.createElement('account-request-form');
    el.draft = 'off';
    el.config = makeConfig([{ id: 'lastName', required: true }]);
    inner.append(el);
    await el.updateComplete;
    expect($(el, '[part="submit"]').textContent?.trim()).to.equal('Envoyer la demande');
  });
});
