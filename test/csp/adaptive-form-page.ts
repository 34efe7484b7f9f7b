// Exercises the adaptive parts of <account-request-form> under the strict CSP of /test/csp/:
// a form in steps with a conditional field and a file field, so both chunks (steps, uploads)
// are fetched and their rules adopted as constructed sheets, in shadow and light DOM; then
// posts what happened to the parent test.
import '@account-request/form';
import type { AccountRequestForm } from '@account-request/form';
import type { AccountRequestClient } from '@account-request/sdk';
import { reportToParent } from './report-to-parent.js';

const config = {
  version: 1,
  fields: [
    { id: 'customerType', displayed: true, required: true },
    { id: 'companyName', displayed: true, required: true },
    { id: 'email', displayed: true, required: true },
    { id: 'kbis', displayed: true, required: true },
  ],
  customFields: [{ id: 'kbis', type: 'file', label: 'Kbis extract', accept: ['pdf'] }],
  steps: [{ before: 'email', title: 'Contact' }],
  settings: { unvalidatedAccounts: 'none', confirmation: { message: 'Thanks' } },
};

let sent: Readonly<Record<string, unknown>> | undefined;
const stubClient: AccountRequestClient = {
  loadConfig: () => Promise.reject(new Error('not used')),
  saveConfig: () => Promise.reject(new Error('not used')),
  submit: (values) => {
    sent = values;
    return Promise.resolve({ id: 'req_csp', status: 'pending', access: 'full' });
  },
};

const settled = (el: AccountRequestForm) => new Promise<void>((resolve) => {
  const check = () => (el.dataset['state'] === 'idle' ? resolve() : setTimeout(check, 10));
  check();
});

async function exercise(lightDom: boolean): Promise<Record<string, unknown>> {
  const el = document.createElement('account-request-form');
  if (lightDom) el.setAttribute('light-dom', '');
  el.draft = 'off';
  el.config = config;
  el.client = stubClient;
  document.body.append(el);
  await settled(el);
  await el.updateComplete;
  const root: ParentNode = el.shadowRoot ?? el;
  const heading = root.querySelector<HTMLElement>('[part~="step-heading"]');
  const styled = heading ? getComputedStyle(heading).display : '';
  root.querySelector<HTMLInputElement>('[name="customerType"][value="company"]')?.click();
  await el.updateComplete;
  const company = root.querySelector<HTMLInputElement>('[name="companyName"]')!;
  company.value = 'Acme';
  company.dispatchEvent(new Event('input', { bubbles: true }));
  root.querySelector<HTMLButtonElement>('[part~="next"]')?.click();
  await el.updateComplete;
  const email = root.querySelector<HTMLInputElement>('[name="email"]')!;
  email.value = 'jane@acme.example';
  email.dispatchEvent(new Event('input', { bubbles: true }));
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File(['%PDF-1.4'], 'kbis.pdf', { type: 'application/pdf' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  const listed = root.querySelectorAll('[part~="file"]').length;
  const summary = root.querySelectorAll('[part~="answer"]').length;
  root.querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
  await el.submit();
  const files = sent?.['kbis'];
  return { styled, listed, summary, sentFile: Array.isArray(files) && files[0] instanceof File ? files[0].name : null, state: el.dataset['state'] };
}

async function run(): Promise<void> {
  const results: Record<string, unknown> = {};
  try {
    results['shadow'] = await exercise(false);
    results['light'] = await exercise(true);
  } catch (error) {
    results['exception'] = String(error);
  }
  await reportToParent(results);
}

void run();
