import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API, control, fill, recordSubmissions, SMALL_CONFIG, startWorker, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const KEY = `account-request-draft:${new URL(API, location.href).href}`;

async function mount(readonlyFields: string | undefined, draft = 'local'): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form
    action=${API}
    draft=${draft}
    readonly-fields=${readonlyFields ?? ''}
    .config=${SMALL_CONFIG}
    .values=${{ email: 'invited@acme.example', companyName: 'Acme SAS' }}
  ></account-request-form>`);
  await el.updateComplete;
  return el;
}

describe('<account-request-form> readonly-fields', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    localStorage.clear();
  });

  it('shows the prefill of a fixed field read-only, still labelled, focusable and sent', async () => {
    const seen = recordSubmissions();
    const el = await mount('email');
    const email = control(el, 'email') as HTMLInputElement;
    expect(email.readOnly).to.equal(true);
    expect(email.value).to.equal('invited@acme.example');
    expect((control(el, 'companyName') as HTMLInputElement).readOnly).to.equal(false);
    email.focus();
    await sendKeys({ type: 'x' });
    expect(email.value).to.equal('invited@acme.example');
    await fill(el, { lastName: 'Martin' });
    await el.submit();
    expect((seen[0]?.body as { values: Record<string, unknown> }).values['email']).to.equal('invited@acme.example');
    await expect(el).to.be.accessible();
  });

  it('a stored draft does not replace a fixed value, but still fills the other fields', async () => {
    localStorage.setItem(KEY, JSON.stringify({ idempotencyKey: crypto.randomUUID(), values: { email: 'typed@elsewhere.example', lastName: 'Durand' } }));
    const el = await mount('email, lastName-not-a-field');
    expect((control(el, 'email') as HTMLInputElement).value).to.equal('invited@acme.example');
    expect((control(el, 'lastName') as HTMLInputElement).value).to.equal('Durand');
  });

  it('without the attribute nothing is read-only', async () => {
    const el = await mount(undefined);
    expect((control(el, 'email') as HTMLInputElement).readOnly).to.equal(false);
  });
});
