import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultConfig, updateSettings } from '@account-request/sdk';
import { mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-settings');
const q = <T extends Element = HTMLInputElement>(el: FormFieldConfig, selector: string) => root(el).querySelector<T>(selector) as T;

async function fill(el: FormFieldConfig, selector: string, text: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  input.focus();
  input.select();
  await (text ? sendKeys({ type: text }) : sendKeys({ press: 'Backspace' }));
  await sendKeys({ press: 'Tab' });
  await settle(el);
}

describe('<ffc-settings> auto-accept and retention', () => {
  it('auto-accept is off by default; ticked it is on, unticked the key goes (the ETag of a config that never used it stays)', async () => {
    const el = await mount();
    const box = q(el, '#autoAccept');
    expect(box.checked).to.equal(false);
    expect(root(el).querySelector('label[for="autoAccept"]')?.textContent?.trim()).to.equal('Accept new requests automatically');
    expect(box.getAttribute('aria-describedby')).to.equal('autoAccept-help');
    box.click();
    await settle(el);
    expect(el.config?.settings.autoAccept).to.equal(true);
    q<HTMLElement>(el, '#autoAccept').click();
    await settle(el);
    expect(Object.hasOwn(el.config?.settings ?? {}, 'autoAccept')).to.equal(false);
  });

  it('retention in days: a number sets it, an empty box turns it off, a refused number shows the SDK issue beside it', async () => {
    const el = await mount(updateSettings(defaultConfig(), { retentionDays: 365 }), { lang: 'fr' });
    const input = q(el, '#retentionDays');
    expect(input.value).to.equal('365');
    expect(root(el).querySelector('label[for="retentionDays"]')?.textContent?.trim()).to.equal('Conserver les données des demandes closes pendant (jours)');
    await fill(el, '#retentionDays', '90');
    expect(el.config?.settings.retentionDays).to.equal(90);
    await fill(el, '#retentionDays', '0');
    expect(q(el, '#retentionDays').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#retentionDays').getAttribute('aria-describedby')).to.equal('retentionDays-help retentionDays-error');
    expect(q(el, '#retentionDays-error').textContent?.trim().length).to.be.greaterThan(5);
    expect(el.config?.settings.retentionDays).to.equal(90);
    await expect(el).to.be.accessible();
    await fill(el, '#retentionDays', '');
    expect(Object.hasOwn(el.config?.settings ?? {}, 'retentionDays')).to.equal(false);
  });
});
