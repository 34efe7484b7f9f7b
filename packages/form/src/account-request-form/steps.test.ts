import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse } from 'msw';
import { $, API, control, focused, makeConfig, recordSubmissions, root, startWorker, statusText, until, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

// Three steps: the company, the contact (an e-mail and a country-dependent SIRET), the message.
const CONFIG = makeConfig(
  [
    { id: 'companyName', required: true },
    { id: 'legalForm' },
    { id: 'lastName', required: true },
    { id: 'email', required: true },
    { id: 'newsletter' },
    { id: 'remarks' },
    { id: 'password' },
  ],
  {
    steps: [
      { before: 'companyName', title: { en: 'Your company', fr: 'Votre société' } },
      { before: 'lastName', title: { en: 'Contact', fr: 'Contact' } },
      { before: 'remarks', title: { en: 'Your message', fr: 'Votre message' } },
    ],
  },
);

async function mount(lang = 'en'): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang=${lang} .config=${CONFIG}></account-request-form>`);
  // Steps are a chunk of their own: the form waits for it before it shows.
  await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
  await el.updateComplete;
  return el;
}

const heading = (el: AccountRequestForm) => $(el, '[part~="step-heading"]');
const headingText = (el: AccountRequestForm) => heading(el).textContent?.replace(/\s+/g, ' ').trim();
const names = (el: AccountRequestForm) => [...new Set([...root(el).querySelectorAll<HTMLInputElement>('.arf-field [name]')].map((input) => input.name))];
const button = (el: AccountRequestForm, part: string) => root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`);

async function type(el: AccountRequestForm, text: string): Promise<void> {
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function press(el: AccountRequestForm, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

describe('<account-request-form> in steps', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('shows the first step with its progress and title, Next and no submit yet', async () => {
    const el = await mount();
    expect(headingText(el)).to.equal('Step 1 of 3 Your company');
    expect(heading(el).tagName).to.equal('H2');
    expect(names(el)).to.deep.equal(['companyName', 'legalForm']);
    expect(button(el, 'next')?.textContent?.trim()).to.equal('Next');
    expect(button(el, 'back')).to.equal(null);
    expect(button(el, 'submit')).to.equal(null);
    expect(root(el).querySelector('[name="confirmed"]')).to.equal(null);
  });

  it('Next takes in what a step’s controls hold, filled by an autofill or a script without an input event', async () => {
    const el = await mount();
    control(el, 'companyName').value = 'Acme SAS';
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    button(el, 'back')!.click();
    await el.updateComplete;
    expect(control(el, 'companyName').value).to.equal('Acme SAS');
  });

  it('goes forward and back by keyboard alone: Next checks the step, focus on each heading and on the first invalid field', async () => {
    const seen = recordSubmissions();
    const el = await mount();
    control(el, 'companyName').focus();
    // Enter in a field is Next: the empty required name stops it and keeps the focus there.
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 1 of 3 Your company');
    expect(focused(el)).to.equal(control(el, 'companyName'));
    expect(control(el, 'companyName').getAttribute('aria-invalid')).to.equal('true');
    expect(statusText(el)).to.equal('1 field needs attention.');

    await type(el, 'Acme SAS');
    await press(el, 'Tab'); // legal form
    await press(el, 'Tab'); // Next
    expect(focused(el)).to.equal(button(el, 'next'));
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    expect(focused(el)).to.equal(heading(el));
    expect(names(el)).to.deep.equal(['lastName', 'email', 'newsletter']);

    // Only this step is checked: both required fields, the first one focused.
    await press(el, 'Tab');
    expect(focused(el)).to.equal(control(el, 'lastName'));
    await press(el, 'Tab');
    await type(el, 'not an address');
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    expect(focused(el)).to.equal(control(el, 'lastName'));
    expect(statusText(el)).to.equal('2 fields need attention.');
    await type(el, 'Martin');

    // Back keeps every value, checks nothing.
    await press(el, 'Tab'); // email
    await press(el, 'Tab'); // newsletter
    await press(el, 'Tab'); // Back
    expect(focused(el)).to.equal(button(el, 'back'));
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 1 of 3 Your company');
    expect(focused(el)).to.equal(heading(el));
    expect(control(el, 'companyName').value).to.equal('Acme SAS');

    await press(el, 'Tab');
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    expect(control(el, 'lastName').value).to.equal('Martin');
    expect(control(el, 'email').value).to.equal('not an address');
    await press(el, 'Tab');
    await press(el, 'Tab');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    await type(el, 'jane@acme.example');
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 3 of 3 Your message');
    expect(focused(el)).to.equal(heading(el));
    expect(names(el)).to.deep.equal(['remarks', 'password', 'confirmed']);
    expect(button(el, 'next')).to.equal(null);
    expect(button(el, 'submit')).to.exist;
    expect(control(el, 'confirmed')).to.exist;
    expect(seen).to.have.length(0);
  });

  it('lists the earlier answers on the last step, each with a Change button to its step and field', async () => {
    const el = await mount();
    const fillStep = async (values: Record<string, string>) => {
      for (const [id, value] of Object.entries(values)) {
        const input = control(el, id);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      button(el, 'next')!.click();
      await el.updateComplete;
    };
    await fillStep({ companyName: 'Acme SAS', legalForm: 'SAS' });
    await fillStep({ lastName: 'Martin', email: 'jane@acme.example' });
    const summary = $(el, '[part~="summary"]');
    expect(summary.querySelector('h3')?.textContent).to.equal('Check your answers');
    expect([...summary.querySelectorAll('h4')].map((h) => h.textContent)).to.deep.equal(['Your company', 'Contact']);
    const answers = [...summary.querySelectorAll('[part~="answer"]')].map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    expect(answers).to.deep.equal([
      ['Company name', 'Acme SAS'],
      ['Legal form', 'SAS'],
      ['Last name', 'Martin'],
      ['E-mail address', 'jane@acme.example'],
      ['Send me the newsletter', 'No'],
    ]);
    const change = [...summary.querySelectorAll<HTMLButtonElement>('[part~="change"]')][3]!;
    expect(change.textContent?.trim()).to.equal('Change');
    expect(change.getAttribute('aria-label')).to.equal('Change E-mail address');
    change.focus();
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    expect(focused(el)).to.equal(control(el, 'email'));
  });

  it('gives a field the page fixed (an invitation e-mail) no Change button in the summary', async () => {
    const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang="en" readonly-fields="email" .values=${{ email: 'invited@acme.example' }} .config=${CONFIG}></account-request-form>`);
    await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
    for (const values of [{ companyName: 'Acme SAS' }, { lastName: 'Martin' }]) {
      for (const [id, value] of Object.entries(values)) {
        control(el, id).value = value;
        control(el, id).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      button(el, 'next')!.click();
      await el.updateComplete;
    }
    const rows = [...$(el, '[part~="summary"]').querySelectorAll('[part~="answer"]')];
    const email = rows.find((row) => row.querySelector('dt')?.textContent === 'E-mail address')!;
    expect(email.querySelector('dd')?.textContent).to.equal('invited@acme.example');
    expect(email.querySelector('[part~="change"]')).to.equal(null);
    expect(rows.find((row) => row.querySelector('dt')?.textContent === 'Last name')?.querySelector('[part~="change"]')).to.exist;
  });

  it('shows a date answer in the summary as a day in the page’s language, not as its YYYY-MM-DD value', async () => {
    const config = makeConfig([{ id: 'companyName' }, { id: 'startDate' }, { id: 'remarks' }], {
      customFields: [{ id: 'startDate', type: 'date', label: { en: 'Start date', fr: 'Date de début' } }],
      steps: [{ before: 'companyName', title: { en: 'When', fr: 'Quand' } }, { before: 'remarks', title: { en: 'Message', fr: 'Message' } }],
    });
    const summaryOf = async (lang: string) => {
      const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang=${lang} .config=${config}></account-request-form>`);
      await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
      for (const [id, value] of Object.entries({ companyName: 'Acme SAS', startDate: '2027-01-02' })) {
        control(el, id).value = value;
        control(el, id).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      button(el, 'next')!.click();
      await until(() => root(el).querySelector('[part~="summary"]') !== null, 'the summary');
      const row = [...$(el, '[part~="summary"]').querySelectorAll('[part~="answer"]')].find((answer) => answer.querySelector('dt')?.textContent?.startsWith('Date') || answer.querySelector('dt')?.textContent?.startsWith('Start'));
      return row?.querySelector('dd')?.textContent;
    };
    expect(await summaryOf('fr')).to.equal('2 janvier 2027');
    expect(await summaryOf('en')).to.equal('2 January 2027');
  });

  it('submits from the last step, and a refusal of an earlier field brings its step back with the focus on it', async () => {
    const seen = recordSubmissions((count) =>
      count === 1
        ? HttpResponse.json({ type: 'about:blank', title: 'Invalid', status: 422, errors: [{ field: 'companyName', code: 'invalid_format', message: 'Unknown company.' }] }, { status: 422, headers: { 'Content-Type': 'application/problem+json' } })
        : HttpResponse.json({ id: 'req_1', status: 'pending', access: 'full' }, { status: 201 }),
    );
    const el = await mount();
    for (const [id, value] of Object.entries({ companyName: 'Acme SAS', lastName: 'Martin', email: 'jane@acme.example', remarks: 'Hello' })) {
      if (!root(el).querySelector(`[name="${id}"]`)) {
        button(el, 'next')!.click();
        await el.updateComplete;
      }
      const input = control(el, id);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    control(el, 'confirmed').click();
    await el.submit();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect((seen[0]?.body as { values: unknown }).values).to.deep.equal({ companyName: 'Acme SAS', lastName: 'Martin', email: 'jane@acme.example', newsletter: false, remarks: 'Hello' });
    expect(headingText(el)).to.equal('Step 1 of 3 Your company');
    expect(focused(el)).to.equal(control(el, 'companyName'));
    expect(root(el).querySelector(`#${control(el, 'companyName').id}-error`)?.textContent).to.contain('Unknown company.');
  });

  it('styles its parts with the rules of its chunk, in shadow and light DOM', async () => {
    const el = await mount();
    expect(getComputedStyle(heading(el)).display).to.equal('grid');
    const light = await fixture<AccountRequestForm>(html`<account-request-form light-dom draft="off" lang="en" .config=${CONFIG}></account-request-form>`);
    await until(() => light.dataset['state'] === 'idle', 'the steps chunk');
    await light.updateComplete;
    const lightHeading = light.querySelector<HTMLElement>('[part~="step-heading"]')!;
    expect(getComputedStyle(lightHeading).display).to.equal('grid');
    await expect(light).to.be.accessible();
  });

  it('clears the last step’s error summary once the next step shows, and reset() brings the first step back', async () => {
    const el = await mount();
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(statusText(el)).to.equal('1 field needs attention.');
    control(el, 'companyName').value = 'Acme SAS';
    control(el, 'companyName').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Step 2 of 3 Contact');
    expect(statusText(el)).to.equal('');
    el.reset();
    await el.updateComplete;
    expect(headingText(el)).to.equal('Step 1 of 3 Your company');
    expect(control(el, 'companyName').value).to.equal('');
  });

  it('speaks the language of the form', async () => {
    const el = await mount('fr');
    expect(headingText(el)).to.equal('Étape 1 sur 3 Votre société');
    expect(button(el, 'next')?.textContent?.trim()).to.equal('Suivant');
  });

  it('switched at run time to a language that comes as a chunk, words the labels and the summary at once, not at the next keystroke', async () => {
    const el = await fixture<AccountRequestForm>(
      html`<account-request-form action=${API} draft="off" lang="en" .config=${CONFIG} .values=${{ companyName: 'Acme SAS', lastName: 'Martin', email: 'jane@acme.example' }}></account-request-form>`,
    );
    await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
    const label = (id: string) => root(el).querySelector(`label[for="${control(el, id).id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(label('companyName')).to.equal('Company name * (required)');
    // Spanish is fetched on demand: its words arrive after the first render in it.
    el.setAttribute('lang', 'es');
    await until(() => headingText(el)?.startsWith('Paso 1 de 3') === true, 'the Spanish chunk');
    await el.updateComplete;
    expect(label('companyName')).to.equal('Razón social * (obligatorio)');
    expect(label('legalForm')).to.equal('Forma jurídica');
    for (const _ of [1, 2]) {
      button(el, 'next')!.click();
      await el.updateComplete;
    }
    const terms = [...$(el, '[part~="summary"]').querySelectorAll('dt')].map((term) => term.textContent);
    expect(terms.slice(0, 3)).to.deep.equal(['Razón social', 'Forma jurídica', 'Apellidos']);
  });

  it('two forms in steps on one page: their summaries are not two landmarks of the same name (axe landmark-unique)', async () => {
    const values = { companyName: 'Acme SAS', lastName: 'Martin', email: 'jane@acme.example' };
    const wrapper = await fixture<HTMLElement>(html`<div>
      <account-request-form light-dom draft="off" lang="en" .config=${CONFIG} .values=${values}></account-request-form>
      <account-request-form light-dom draft="off" lang="en" .config=${CONFIG} .values=${values}></account-request-form>
    </div>`);
    const forms = [...wrapper.querySelectorAll<AccountRequestForm>('account-request-form')];
    for (const form of forms) {
      await until(() => form.dataset['state'] === 'idle', 'the steps chunk');
      for (const _ of [1, 2]) {
        form.querySelector<HTMLButtonElement>('[part~="next"]')!.click();
        await form.updateComplete;
      }
    }
    expect(wrapper.querySelectorAll('[part~="summary"]')).to.have.length(2);
    expect(wrapper.querySelectorAll('[part~="summary"] h3')[1]?.textContent).to.equal('Check your answers');
    await expect(wrapper).to.be.accessible();
  });

  it('is accessible on every step and in the summary (axe)', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    for (const [id, value] of [
      ['companyName', 'Acme SAS'],
      ['lastName', 'Martin'],
      ['email', 'jane@acme.example'],
    ] as const) {
      if (!root(el).querySelector(`[name="${id}"]`)) {
        button(el, 'next')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
      const input = control(el, id);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="summary"]')).to.exist;
    await expect(el).to.be.accessible();
    // With errors shown on a step.
    button(el, 'back')!.click();
    await el.updateComplete;
    control(el, 'email').value = 'x';
    control(el, 'email').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button(el, 'next')!.click();
    await el.updateComplete;
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
