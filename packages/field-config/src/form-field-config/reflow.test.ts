import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { addStepBreak, setDisplayed, setVisibleWhen } from '@account-request/sdk';
import { mount, part, settle, withSector } from '../test-helpers/editor.js';
import type { FormFieldConfig } from './form-field-config.component.js';

// Every kind of row: the customer type displayed (its note), a step break, a custom field (its
// badge) and a condition in words.
const config = () =>
  setVisibleWhen(addStepBreak(setDisplayed(withSector(), 'customerType', true), 'street', { en: 'Address', fr: 'Adresse' }), 'sector', { field: 'country', in: ['FR'] });

/** The controls of the editor a person must reach that end beyond the right edge of the window. */
function cutOff(el: FormFieldConfig): string[] {
  const roots = [el.shadowRoot, part(el, 'ffc-field-rows'), part(el, 'ffc-custom-fields'), part(el, 'ffc-settings')];
  const controls = roots.flatMap((root) => [...(root?.querySelectorAll<HTMLElement>('button, input, select, textarea, th') ?? [])]);
  return controls.filter((control) => control.getBoundingClientRect().right > document.documentElement.clientWidth).map((control) => control.id || control.textContent?.trim() || control.outerHTML.slice(0, 60));
}

describe('<form-field-config> on a narrow screen (WCAG 1.4.10 reflow)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [320, 375]) {
    it(`needs no horizontal scrolling at ${width} px: the field list, the custom-field form and the settings fit`, async () => {
      await setViewport({ width, height: 640 });
      const el = await mount(config());
      part(el, 'ffc-custom-fields').querySelector<HTMLButtonElement>('li[data-custom-id="sector"] button')?.click();
      await settle(el);
      expect(part(el, 'ffc-custom-fields').querySelector('form')).to.not.equal(null);
      expect(cutOff(el)).to.deep.equal([]);
      const page = document.documentElement;
      expect(page.scrollWidth, 'the page').to.be.at.most(page.clientWidth);
      for (const tag of ['ffc-field-rows', 'ffc-custom-fields', 'ffc-settings'] as const) {
        const child = el.shadowRoot?.querySelector(tag) as HTMLElement;
        expect(child.scrollWidth, tag).to.be.at.most(child.clientWidth);
      }
    });
  }

  it('keeps the field list a table with its column headers, and axe-clean, at 320 px', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount(config());
    const rows = part(el, 'ffc-field-rows');
    expect([...rows.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).to.deep.equal(['Order', 'Field', 'Displayed', 'Required', 'Condition']);
    // The boxes keep their visible column header above them.
    const displayed = rows.querySelector('thead th:nth-child(3)')?.getBoundingClientRect();
    const box = rows.querySelector('tr[data-field-id="siret"] input[name="displayed"]')?.getBoundingClientRect();
    expect(displayed && displayed.width > 1 && box && box.left >= displayed.left - 1 && box.right <= displayed.right + 1, 'the Displayed header above its boxes').to.equal(true);
    await expect(el).to.be.accessible();
  });
});
