// Exercises <account-request-form> under the strict CSP of /test/csp/ and posts what happened
// to the parent test: rendering (shadow and light DOM, inline JSON config), validation with
// errors shown, a submission through a stub client, and the SDK's zod schemas (jitless).
import '@account-request/form';
import type { AccountRequestForm } from '@account-request/form';
import { parseConfig, validateSubmission } from '@account-request/sdk';
import type { AccountRequestClient } from '@account-request/sdk';
import { reportToParent } from './report-to-parent.js';

const config = {
  version: 1,
  enabled: true,
  fields: [
    { id: 'companyName', displayed: true, required: true },
    { id: 'siret', displayed: true, required: false },
    { id: 'legalForm', displayed: true, required: false },
    { id: 'email', displayed: true, required: true },
    { id: 'postalCode', displayed: true, required: true },
    { id: 'country', displayed: true, required: true },
    { id: 'password', displayed: true, required: false },
  ],
  customFields: [],
  settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: { message: { fr: 'Merci', en: 'Thanks' } } },
};

const stubClient: AccountRequestClient = {
  loadConfig: () => Promise.reject(new Error('not used')),
  saveConfig: () => Promise.reject(new Error('not used')),
  submit: () => Promise.resolve({ id: 'req_csp', status: 'pending', access: 'full' }),
};

function setValue(el: AccountRequestForm, name: string, value: string): void {
  const root = el.shadowRoot ?? el;
  const control = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!control) throw new Error(`no control ${name}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

async function exercise(lightDom: boolean): Promise<{ errors: number; confirmed: boolean }> {
  const el = document.createElement('account-request-form');
  if (lightDom) el.setAttribute('light-dom', '');
  el.draft = 'off';
  el.config = config;
  el.client = stubClient;
  document.body.append(el);
  await el.updateComplete;
  el.reportValidity();
  await el.updateComplete;
  const root = el.shadowRoot ?? el;
  const errors = root.querySelectorAll('[part="error"]').length;
  for (const [name, value] of Object.entries({ companyName: 'Acme', siret: '73282932000074', email: 'jane@acme.fr', postalCode: '75001' })) setValue(el, name, value);
  root.querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
  await el.submit();
  await el.updateComplete;
  return { errors, confirmed: root.querySelector('[part="confirmation"]')?.textContent?.trim() === 'Merci' };
}

async function run(): Promise<void> {
  const results: Record<string, unknown> = {};
  try {
    const inline = document.querySelector<AccountRequestForm>('#inline')!;
    await inline.updateComplete;
    results['inline'] = inline.shadowRoot?.querySelectorAll('[name="country"] option').length ?? 0;
    results['shadow'] = await exercise(false);
    results['light'] = await exercise(true);
    const sdk = validateSubmission(parseConfig(config), { values: { companyName: 'Acme', siret: '123', email: 'x' }, confirmed: false }, { locale: 'fr' });
    results['zod'] = sdk.success ? [] : sdk.errors.map((error) => `${error.field}:${error.code}`);
  } catch (error) {
    results['exception'] = String(error);
  }
  await reportToParent(results);
}

void run();
