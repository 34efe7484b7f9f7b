// E-mail look-alikes and code-point lengths in Chromium, held to the same table as the Node
// suite (test/hostile/cases.ts): validateField in the browser, the form's own feedback, and the
// value the real handler stores after the form sent it.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { parseConfig, validateField, validateSubmission, type FormConfig } from '@account-request/sdk';
import '@account-request/form';
import type { AccountRequestForm } from '@account-request/form';
import { EMAIL_CASES, FORBIDDEN_TEXT, LAST_NAME_MAX, LENGTH_CASES } from '../hostile/cases.js';
import { API, faultyServer, resetWorker, startWorker } from './test-helpers/sdk-server.js';

const CONFIG: FormConfig = parseConfig({ fields: [{ id: 'companyName' }, { id: 'email' }, { id: 'lastName', required: true }] });
const BASE_VALUES = { companyName: 'Acme SAS', email: 'jane@acme.fr', lastName: 'Martin' };

const root = (el: AccountRequestForm): ParentNode => el.shadowRoot ?? el;
const control = (el: AccountRequestForm, id: string) => root(el).querySelector<HTMLInputElement>(`[name="${id}"]`) as HTMLInputElement;
const errorOf = (el: AccountRequestForm, id: string) => root(el).querySelector(`#${CSS.escape(control(el, id).id)}-error`)?.textContent ?? '';

async function render(values?: Record<string, string>): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang="en" .config=${CONFIG} .values=${values}></account-request-form>`);
  await el.updateComplete;
  return el;
}

async function typeAndLeave(el: AccountRequestForm, id: string, value: string): Promise<void> {
  const input = control(el, id);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.blur();
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function submitted(el: AccountRequestForm): Promise<void> {
  const box = control(el, 'confirmed');
  if (!box.checked) box.click();
  await el.updateComplete;
  const success = oneEvent(el, 'account-request-success');
  void el.submit();
  await success;
}

describe('hostile Unicode in the browser: e-mail look-alikes', () => {
  before(startWorker);
  afterEach(resetWorker);

  it('validateField and validateSubmission give the table\'s answer in Chromium', () => {
    for (const { name, input, code, stored } of EMAIL_CASES) {
      expect(validateField(CONFIG, 'email', input, { locale: 'en' })?.code, name).to.equal(code);
      const result = validateSubmission(CONFIG, { values: { ...BASE_VALUES, email: input }, confirmed: true }, { locale: 'en' });
      if (code) expect(result.success, name).to.equal(false);
      else expect(result.success && result.data.values['email'], name).to.equal(stored);
    }
  });

  for (const { name, input, code, stored } of EMAIL_CASES) {
    it(`the form: ${name} → ${code ? `flagged on the field (${code})` : `sent and stored as ${stored}`}`, async () => {
      const server = faultyServer(CONFIG);
      const el = await render({ companyName: BASE_VALUES.companyName, lastName: BASE_VALUES.lastName });
      await typeAndLeave(el, 'email', input);
      if (code) {
        expect(control(el, 'email').getAttribute('aria-invalid'), name).to.equal('true');
        expect(errorOf(el, 'email')).to.contain(validateField(CONFIG, 'email', input, { locale: 'en' })?.message ?? '?');
        await el.submit();
        expect(await server.store.list(), 'nothing sent').to.have.length(0);
        return;
      }
      expect(control(el, 'email').getAttribute('aria-invalid')).to.equal(null);
      await submitted(el);
      const [record] = await server.store.list();
      expect(record?.values['email']).to.equal(stored);
    });
  }
});

describe('hostile Unicode in the browser: lengths in code points', () => {
  before(startWorker);
  afterEach(resetWorker);

  it('validateField gives the table\'s answer in Chromium', () => {
    for (const { name, input, code } of LENGTH_CASES) expect(validateField(CONFIG, 'lastName', input, { locale: 'en' })?.code, name).to.equal(code);
  });

  for (const { name, input, code, codePoints } of LENGTH_CASES) {
    it(`the form, prefilled with ${name} (${codePoints} code points): ${code ? 'says too long' : 'sends it, stored NFC'}`, async () => {
      const server = faultyServer(CONFIG);
      const el = await render({ ...BASE_VALUES, lastName: input });
      expect(control(el, 'lastName').value).to.equal(input);
      if (code) {
        const failed = el.checkValidity();
        expect(failed).to.equal(false);
        await el.submit();
        await el.updateComplete;
        expect(errorOf(el, 'lastName')).to.contain(`${LAST_NAME_MAX}`);
        expect(await server.store.list()).to.have.length(0);
        return;
      }
      await submitted(el);
      const [record] = await server.store.list();
      expect(record?.values['lastName']).to.equal(input.normalize('NFC'));
    });
  }

  it('forbidden characters (controls, NUL, bidi overrides, lone surrogates) are flagged on the field, as on the server', async () => {
    const el = await render();
    for (const { name, input } of FORBIDDEN_TEXT) {
      expect(validateField(CONFIG, 'lastName', input, { locale: 'en' })?.code, name).to.equal('invalid_characters');
      // A one-line <input> drops line breaks itself (HTML's value sanitization): nothing to flag.
      if (/[\r\n]/.test(input)) continue;
      await typeAndLeave(el, 'lastName', input);
      expect(control(el, 'lastName').getAttribute('aria-invalid'), name).to.equal('true');
    }
  });

  // The input carries no maxlength (browsers count it in UTF-16 units, which would stop typing at 40
  // emoji): the SDK's too_long, counted in code points, does the limiting.
  it('typing 80 astral characters into lastName is not cut by the browser', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await render();
    control(el, 'lastName').focus();
    await sendKeys({ type: '😀'.repeat(LAST_NAME_MAX) });
    expect([...control(el, 'lastName').value].length).to.equal(LAST_NAME_MAX);
  });
});
