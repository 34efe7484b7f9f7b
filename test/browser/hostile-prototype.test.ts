// A host page that polluted Object.prototype BEFORE the elements loaded must change nothing:
// which fields show, which are required, their patterns and lengths, the redirect, what is
// validated, sent and stored. So this file imports nothing at the top (types aside): it pollutes,
// then loads the SDK, the server handler and both elements with dynamic imports.
import type { FormConfig } from '@account-request/sdk';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** What a careless or hostile page script might have set, keyed on our own option and field names. */
const POLLUTION: Readonly<Record<string, unknown>> = {
  required: true,
  pattern: '^x$',
  displayed: true,
  locked: true,
  enabled: false,
  redirectUrl: 'https://evil.example/polluted',
  confirmation: { redirectUrl: 'https://evil.example/' },
  message: '<img src=x onerror="window.__pwned = 1">',
  maxLength: 1,
  minLength: 50,
  format: 'digits',
  help: 'Polluted help',
  label: 'Polluted label',
  options: [{ value: 'polluted', label: 'Polluted' }],
  customFields: [{ id: 'polluted', type: 'text', label: 'Polluted' }],
  unvalidatedAccounts: 'block-login',
  quickRegistration: true,
  fax: '01 02 03 04 05',
  isAdmin: true,
  nickname: 'bot',
  confirmed: true,
  draft: 'local',
  lightDom: true,
  configSrc: '/evil/config',
  action: '/evil',
  enctype: 'multipart/form-data',
  access: 'none',
  status: 'validated',
};

const API = '/api/account-requests';
const VALUES: Readonly<Record<string, string>> = { companyName: 'Acme SAS', email: 'jane@acme.fr', lastName: 'Martin', firstName: 'Jane' };

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const same = (actual: unknown, expected: unknown, message: string): void =>
  check(JSON.stringify(actual) === JSON.stringify(expected), `${message}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);

const proto = Object.prototype as unknown as Record<string, unknown>;
const originalFetch = window.fetch;

describe('a host page that polluted Object.prototype before the elements loaded', () => {
  let sdk: typeof import('@account-request/sdk');
  let store: import('@account-request/sdk/server').RequestStore;
  let config: FormConfig;

  before(async () => {
    for (const [key, value] of Object.entries(POLLUTION)) Object.defineProperty(proto, key, { value, writable: true, configurable: true, enumerable: false });
    sdk = await import('@account-request/sdk');
    const server = await import('@account-request/sdk/server');
    await import('@account-request/form');
    await import('@account-request/field-config');
    config = sdk.parseConfig({ fields: [{ id: 'companyName' }, { id: 'email' }, { id: 'lastName', required: true }, { id: 'firstName' }, { id: 'fax', displayed: false }] });
    store = server.createMemoryStore();
    const handler = server.createAccountRequestHandler({ loadConfig: () => config, store, basePath: API });
    // The page's network, answered by the real handler in this same polluted realm.
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      return new URL(request.url).pathname.startsWith(API) ? handler(request) : originalFetch(input, init);
    };
  });

  after(() => {
    window.fetch = originalFetch;
    for (const key of Object.keys(POLLUTION)) delete proto[key];
    delete window.__pwned;
  });

  it('parseConfig keeps the catalog defaults and adds nothing', () => {
    const defaults = sdk.parseConfig({});
    for (const entry of defaults.fields) {
      const definition = sdk.FIELD_CATALOG.find((field) => field.id === entry.id);
      check(definition, `${entry.id} is a catalog field`);
      same([entry.displayed, entry.required], [definition.locked, definition.locked], `${entry.id} when not listed (hidden unless locked)`);
    }
    same(defaults.customFields, [], 'custom fields');
    same(Object.keys(defaults.settings.confirmation), [], 'confirmation');
    check(defaults.enabled === true, 'enabled');
    same(defaults.settings.unvalidatedAccounts, 'none', 'unvalidatedAccounts');
    same(config.fields.slice(0, 5), [
      { id: 'companyName', displayed: true, required: true },
      { id: 'email', displayed: true, required: true },
      { id: 'lastName', displayed: true, required: true },
      { id: 'firstName', displayed: true, required: false },
      { id: 'fax', displayed: false, required: false },
    ], 'listed fields');
  });

  it('validateSubmission accepts the same body and keeps the same values', () => {
    const result = sdk.validateSubmission(config, { values: VALUES, confirmed: true, locale: 'en' });
    check(result.success, `refused: ${JSON.stringify(result)}`);
    same(Object.keys(result.data.values).sort(), Object.keys(VALUES).sort(), 'kept values');
    const missing = sdk.validateSubmission(config, { values: {}, locale: 'en' });
    check(!missing.success, 'an empty body is refused');
    same(missing.errors.map((error) => error.field), ['companyName', 'email', 'lastName', 'confirmed'], 'required fields');
  });

  // The form in English, without drafts, posting to the test handler; navigations are recorded, not followed.
  function mountForm(): { el: AccountRequestForm; navigated: string[] } {
    const el = document.createElement('account-request-form') as AccountRequestForm;
    el.setAttribute('lang', 'en');
    el.setAttribute('draft', 'off');
    el.setAttribute('action', API);
    el.config = config;
    const navigated: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => navigated.push(url);
    document.body.append(el);
    return { el, navigated };
  }

  it('the form renders the same fields, flags, lengths and no pattern; submits and stores exactly what was typed; no redirect', async () => {
    const { el, navigated } = mountForm();
    try {
      await el.updateComplete;
      const root = el.shadowRoot;
      check(root, 'renders in a shadow root (lightDom was polluted)');
      const names = [...root.querySelectorAll<HTMLInputElement>('input, select, textarea')].map((input) => input.name).filter((name) => name !== 'nickname');
      same(names, ['companyName', 'email', 'lastName', 'firstName', 'confirmed'], 'controls');
      const required = [...root.querySelectorAll<HTMLInputElement>('[required]')].map((input) => input.name);
      same(required, ['companyName', 'email', 'lastName', 'confirmed'], 'required controls');
      check(root.querySelector('[pattern]') === null, 'a pattern attribute appeared');
      // No native length limits (the SDK counts code points); a polluted maxLength of 1 must not limit either.
      check(root.querySelector('[maxlength]') === null, 'a maxlength attribute appeared');
      check(sdk.validateField(config, 'lastName', 'Martin', { locale: 'en' }) === undefined, 'lastName limited by a polluted maxLength');
      check(root.querySelector('img') === null, 'an img was created');
      for (const [id, value] of Object.entries(VALUES)) {
        const input = root.querySelector<HTMLInputElement>(`[name="${id}"]`);
        check(input, id);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      root.querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
      await el.updateComplete;
      const succeeded = new Promise((resolve, reject) => {
        el.addEventListener('account-request-success', resolve, { once: true });
        el.addEventListener('account-request-error', (event) => reject(new Error(JSON.stringify((event as CustomEvent).detail?.error?.message))), { once: true });
      });
      await el.submit();
      await succeeded;
      const records = await store.list();
      same(records.length, 1, 'stored requests');
      same(records[0]?.values, VALUES, 'stored values');
      check(navigated.every((url) => !url.startsWith('javascript:')), 'navigated to a javascript: URL');
      check(window.__pwned === undefined, 'a payload ran');
    } finally {
      el.remove();
    }
  });

  // The form reads only own properties of the resolved fields and of settings.confirmation: a
  // polluted help text, minlength, confirmation message or https redirect never reaches the page.
  it('the form takes no help text, minlength, confirmation message or redirect from Object.prototype', async () => {
    const { el, navigated } = mountForm();
    try {
      await el.updateComplete;
      const root = el.shadowRoot as ShadowRoot;
      check(root.querySelector('[minlength]') === null, 'a minlength attribute appeared');
      check(!root.textContent?.includes('Polluted'), 'polluted help text is shown');
      check(root.querySelector('[part~="help"]') === null, 'a help element appeared (these fields have none)');
      for (const [id, value] of Object.entries(VALUES)) {
        const input = root.querySelector<HTMLInputElement>(`[name="${id}"]`) as HTMLInputElement;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      root.querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
      await el.updateComplete;
      const succeeded = new Promise((resolve) => el.addEventListener('account-request-success', resolve, { once: true }));
      await el.submit();
      await succeeded;
      await el.updateComplete;
      same(navigated, [], 'navigations');
      const confirmation = root.querySelector('[part~="confirmation"]')?.textContent ?? '';
      check(confirmation.trim() !== '' && !confirmation.includes('onerror'), `the confirmation shows the polluted message: ${confirmation}`);
    } finally {
      el.remove();
    }
  });

  it('the editor shows the same flags', async () => {
    const el = document.createElement('form-field-config') as FormFieldConfig;
    el.setAttribute('lang', 'en');
    el.config = config;
    document.body.append(el);
    try {
      await el.updateComplete;
      const rows = el.shadowRoot?.querySelector('ffc-field-rows') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      await rows?.updateComplete;
      const flags = (id: string) => ['displayed', 'required'].map((name) => rows?.shadowRoot?.querySelector<HTMLInputElement>(`tr[data-field-id="${id}"] input[name="${name}"]`)?.checked);
      same(flags('fax'), [false, false], 'fax');
      same(flags('firstName'), [true, false], 'firstName');
      same(flags('lastName'), [true, true], 'lastName');
      same(el.config, config, 'the editor config');
      check(el.dirty === false, 'dirty');
    } finally {
      el.remove();
    }
  });
});
