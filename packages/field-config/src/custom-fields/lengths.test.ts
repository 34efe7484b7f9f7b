// The minimum and maximum length boxes of the custom-field form. As number inputs they handed
// the form an empty value for any text they could not parse, with nothing said: Firefox lets any
// text into one ("10 car", "dix"), Chromium "2e" or "-", and the field was created without the
// limit the admin typed. Typed text now reaches the SDK, whose refusal shows beside the box.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configIssueMessage } from '@account-request/sdk/editing';
import { mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-custom-fields');
const q = <T extends Element = HTMLInputElement>(el: FormFieldConfig, selector: string) => root(el).querySelector<T>(selector) as T;

async function type(el: FormFieldConfig, selector: string, text: string): Promise<void> {
  const input = q(el, selector);
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await settle(el);
}

async function create(el: FormFieldConfig): Promise<void> {
  q<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await settle(el);
}

describe('<ffc-custom-fields> length boxes', () => {
  for (const box of ['minLength', 'maxLength'] as const) {
    it(`refuses a ${box} it cannot read, beside the box, instead of creating the field without it`, async () => {
      const el = await mount();
      q<HTMLButtonElement>(el, '#add').click();
      await settle(el);
      await type(el, '#labelEn', 'Customer code');
      await type(el, `#${box}`, '2e');
      expect(q(el, `#${box}`).value, 'what was typed stays in the box').to.equal('2e');
      await create(el);
      expect(el.config?.customFields ?? [], 'no field without its limit').to.deep.equal([]);
      expect(q(el, `#${box}-error`)?.textContent).to.contain(configIssueMessage({ code: 'invalid_type' }, 'en'));
      expect(q(el, `#${box}`).getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).activeElement).to.equal(q(el, `#${box}`));
      // A number is taken as before.
      await type(el, `#${box}`, '12');
      await create(el);
      expect(el.config?.customFields).to.deep.equal([{ id: 'customerCode', type: 'text', label: { en: 'Customer code' }, [box]: 12 }]);
    });
  }

  it('brings up a numeric keyboard on touch screens', async () => {
    const el = await mount();
    q<HTMLButtonElement>(el, '#add').click();
    await settle(el);
    for (const box of ['#minLength', '#maxLength']) {
      expect(q(el, box).type).to.equal('text');
      expect(q(el, box).inputMode).to.equal('numeric');
    }
  });
});
