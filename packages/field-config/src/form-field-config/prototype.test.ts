import { expect } from '@open-wc/testing';
import { addCustomField, defaultConfig, updateSettings, type FormConfig } from '@account-request/sdk';
import { mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from './form-field-config.component.js';

// Optional keys of custom fields and settings the editor reads: a page that set them on
// Object.prototype must not have them shown, nor written into the config by the next edit.
const POLLUTION: Readonly<Record<string, unknown>> = {
  help: 'Polluted help',
  options: [{ value: 'polluted', label: 'Polluted' }],
  format: 'digits',
  minLength: 50,
  maxLength: 1,
  alertEmail: 'evil@example.com',
  redirectUrl: 'https://evil.example/',
  message: 'Polluted message',
  // A locale a label map lacks.
  en: 'Polluted locale',
};
const proto = Object.prototype as unknown as Record<string, unknown>;

function plainConfig(): FormConfig {
  return addCustomField(defaultConfig(), { id: 'sector', type: 'text', label: { fr: 'Secteur' } });
}

const settings = (el: FormFieldConfig) => part(el, 'ffc-settings');
const custom = (el: FormFieldConfig) => part(el, 'ffc-custom-fields');
const value = (root: ShadowRoot, selector: string) => root.querySelector<HTMLInputElement>(selector)?.value;

describe('<form-field-config> on a page that polluted Object.prototype', () => {
  let expected: FormConfig;

  before(() => {
    expected = plainConfig();
    for (const [key, polluted] of Object.entries(POLLUTION)) Object.defineProperty(proto, key, { value: polluted, writable: true, configurable: true, enumerable: false });
  });

  after(() => {
    for (const key of Object.keys(POLLUTION)) delete proto[key];
  });

  it('shows no polluted setting and keeps none in the next settings edit', async () => {
    const el = await mount(plainConfig());
    const root = settings(el);
    expect(value(root, '#alertEmail')).to.equal('');
    expect(root.querySelector<HTMLInputElement>('#confirmationMode-message')?.checked, 'message mode').to.equal(true);
    expect(root.querySelector('#redirectUrl')).to.equal(null);
    expect([value(root, '#message-fr'), value(root, '#message-en')]).to.deep.equal(['', '']);

    const box = root.querySelector<HTMLTextAreaElement>('#message-en') as HTMLTextAreaElement;
    box.value = 'Thank you!';
    box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    expect(Object.entries(el.config?.settings.confirmation ?? {})).to.deep.equal([['message', { en: 'Thank you!' }]]);
    expect(Object.hasOwn(el.config?.settings ?? {}, 'alertEmail')).to.equal(false);

    (root.querySelector<HTMLInputElement>('#confirmationMode-redirect') as HTMLInputElement).click();
    await settle(el);
    expect(value(root, '#redirectUrl')).to.equal('');
    const url = root.querySelector<HTMLInputElement>('#redirectUrl') as HTMLInputElement;
    url.value = '/thank-you';
    url.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    expect(Object.entries(el.config?.settings.confirmation ?? {})).to.deep.equal([['redirectUrl', '/thank-you'], ['message', { en: 'Thank you!' }]]);
  });

  it('opens a custom field with no polluted help, format, lengths or options, and saves it unchanged', async () => {
    const el = await mount(plainConfig());
    const root = custom(el);
    root.querySelector<HTMLButtonElement>('li[data-custom-id="sector"] button')?.click();
    await settle(el);
    expect(['#labelEn', '#helpFr', '#helpEn', '#format', '#minLength', '#maxLength'].map((selector) => value(root, selector))).to.deep.equal(['', '', '', '', '', '']);
    expect(root.querySelector('#options')).to.equal(null);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(el);
    expect(root.querySelector('form')).to.equal(null);
    expect(el.config?.customFields.map((field) => Object.entries(field))).to.deep.equal(expected.customFields.map((field) => Object.entries(field)));
  });

  it('still shows the settings the config does have', async () => {
    const el = await mount(updateSettings(plainConfig(), { alertEmail: 'sales@example.com' }));
    expect(value(settings(el), '#alertEmail')).to.equal('sales@example.com');
  });
});
