// The retention days box, starting empty (retention off, the default). As a number input, text
// it could not read left its value '' as it was: no change event, so no error, and Save said
// "Saved." with "dix" (Firefox lets any text in) or "1e" (Chromium) still in the box.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultConfig } from '@account-request/sdk';
import { mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-settings');
const box = (el: FormFieldConfig) => root(el).querySelector<HTMLInputElement>('#retentionDays')!;

// Types like a person into the empty box, then leaves it.
async function typeInto(el: FormFieldConfig, text: string): Promise<void> {
  box(el).focus();
  box(el).select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
  await settle(el);
}

describe('<ffc-settings> retention days box', () => {
  for (const text of ['1e', '-', '30 jours']) {
    it(`refuses "${text}" typed into the empty box, and Save does not say "Saved."`, async () => {
      const el = await mount(defaultConfig());
      const saved: unknown[] = [];
      el.addEventListener('field-config-save', (event) => saved.push(event));
      await typeInto(el, text);
      expect(root(el).querySelector('#retentionDays-error')?.textContent, 'the error beside the box').to.contain('Enter a whole number of days.');
      expect(box(el).getAttribute('aria-invalid')).to.equal('true');
      expect(box(el).value, 'the text stays as typed').to.equal(text);
      expect(Object.hasOwn(el.config?.settings ?? {}, 'retentionDays')).to.equal(false);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save"]')!.click();
      await settle(el);
      expect(saved).to.have.length(0);
      expect(root(el).activeElement, 'the refused box').to.equal(box(el));
      expect(el.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim()).to.not.equal('Saved.');
    });
  }

  it('takes a whole number, with a numeric keyboard on touch screens', async () => {
    const el = await mount(defaultConfig());
    expect(box(el).inputMode).to.equal('numeric');
    await typeInto(el, '30');
    expect(el.config?.settings.retentionDays).to.equal(30);
    expect(root(el).querySelector('#retentionDays-error')).to.equal(null);
  });
});
