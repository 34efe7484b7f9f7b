import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addCustomField, CONFIG_LIMITS, defaultConfig, FIELD_CATALOG, parseConfig } from '@account-request/sdk';
import { configIssueMessage } from '@account-request/sdk/editing';
import { announcement, mount, order, part, row, settle, withSector } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-custom-fields');
const q = <T extends Element = HTMLInputElement>(el: FormFieldConfig, selector: string) => root(el).querySelector<T>(selector) as T;

async function type(el: FormFieldConfig, selector: string, text: string): Promise<void> {
  const input = q<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await settle(el);
}

async function choose(el: FormFieldConfig, selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(el);
}

async function press(el: FormFieldConfig, button: HTMLElement): Promise<void> {
  button.click();
  await settle(el);
}

/** The controls the preview's form renders for field `id`. */
function previewControls(el: FormFieldConfig, id: string): Element[] {
  const form = part(el, 'ffc-preview').querySelector('account-request-form');
  const scope = form?.shadowRoot ?? form;
  return [...(scope?.querySelectorAll(`[name="${id}"]`) ?? [])];
}

async function previewSettled(el: FormFieldConfig): Promise<void> {
  await settle(el);
  const form = part(el, 'ffc-preview').querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('account-request-form');
  await form?.updateComplete;
  await form?.updateComplete;
}

describe('<ffc-custom-fields>', () => {
  it('adds a select field: id derived from the label, options, shown in the rows and in the preview', async () => {
    const el = await mount(undefined, { preview: true });
    await press(el, q(el, '#add'));
    expect(root(el).activeElement).to.equal(q(el, '#type'));
    await choose(el, '#type', 'select');
    await type(el, '#labelEn', "Business sector");
    expect(q(el, '#id').value).to.equal('businessSector');
    await type(el, '#labelFr', "Secteur d'activité");
    expect(q(el, '#id').value).to.equal('businessSector', 'English UI: the English label names the id');
    await type(el, '#o0-value', 'retail');
    await type(el, '#o0-en', 'Retail');
    await type(el, '#o0-fr', 'Commerce');
    await press(el, q(el, '#add-option'));
    await type(el, '#o1-value', 'industry');
    await type(el, '#o1-en', 'Industry');
    await press(el, q(el, 'button[type="submit"]'));

    const field = el.config?.customFields.find((custom) => custom.id === 'businessSector');
    expect(field).to.deep.equal({
      id: 'businessSector',
      type: 'select',
      label: { fr: "Secteur d'activité", en: 'Business sector' },
      options: [
        { value: 'retail', label: { fr: 'Commerce', en: 'Retail' } },
        { value: 'industry', label: { en: 'Industry' } },
      ],
    });
    expect(order(el).at(-1)).to.equal('businessSector');
    expect(row(el, 'businessSector').querySelector("[part~='badge']")).to.not.equal(null);
    expect(q(el, 'li[data-custom-id="businessSector"]').textContent).to.contain('Business sector');
    expect(root(el).activeElement).to.equal(q(el, '#add'));
    await previewSettled(el);
    expect(previewControls(el, 'businessSector')).to.have.length(1);
  });

  it('reorders the options of a list with their up and down buttons, said, the focus following the option', async () => {
    const el = await mount();
    await press(el, q(el, '#add'));
    await choose(el, '#type', 'radio');
    await type(el, '#labelEn', 'Size');
    for (const [i, value] of ['small', 'medium', 'large'].entries()) {
      if (i > 0) await press(el, q(el, '#add-option'));
      await type(el, `#o${i}-value`, value);
      await type(el, `#o${i}-en`, value.toUpperCase());
    }
    const option = (i: number) => root(el).querySelectorAll<HTMLElement>('#options .option')[i]!;
    expect(option(0).querySelector('[data-move="up"]'), 'the first has no Up').to.equal(null);
    expect(option(2).querySelector('[data-move="down"]'), 'the last has no Down').to.equal(null);
    const down = option(0).querySelector<HTMLButtonElement>('[data-move="down"]')!;
    expect(down.getAttribute('aria-label')).to.equal('Move option 1 down');
    await press(el, down);
    expect(announcement(el)).to.equal('Option 1 is now option 2.');
    expect(root(el).activeElement, 'the moved option keeps the focus').to.equal(option(1).querySelector('[data-move="down"]'));
    await press(el, option(1).querySelector<HTMLButtonElement>('[data-move="down"]')!);
    expect(root(el).activeElement, 'at the end: its other button').to.equal(option(2).querySelector('[data-move="up"]'));
    await press(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields.find((field) => field.id === 'size')?.options?.map((choice) => choice.value)).to.deep.equal(['medium', 'large', 'small']);
  });

  it('keeps derived ids unique and lets the admin edit the id before creation', async () => {
    const el = await mount(withSector(), { lang: 'fr' });
    await press(el, q(el, '#add'));
    await type(el, '#labelFr', 'Secteur');
    expect(q(el, '#id').value).to.equal('secteur');
    await type(el, '#labelFr', 'Sector');
    expect(q(el, '#id').value).to.equal('sector2');
    await type(el, '#id', 'niche');
    await type(el, '#labelFr', 'Niche de marché');
    expect(q(el, '#id').value).to.equal('niche');
    await press(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields.map((field) => field.id)).to.deep.equal(['sector', 'niche']);
  });

  it('shows the SDK refusals beside the controls and focuses the first one', async () => {
    const el = await mount(withSector());
    await press(el, q(el, '#add'));
    await type(el, '#id', 'sector');
    await press(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields).to.have.length(1);
    const id = q(el, '#id');
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(id.getAttribute('aria-describedby')).to.equal('id-help id-error');
    expect(q(el, '#id-error').textContent).to.contain('Another field has this identifier.');
    await type(el, '#id', '9lives');
    await press(el, q(el, 'button[type="submit"]'));
    expect(q(el, '#id-error').textContent).to.contain('A lower-case letter, then');

    await type(el, '#id', 'size');
    await press(el, q(el, 'button[type="submit"]'));
    expect(q(el, '#labelFr').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#labelFr-error').textContent).to.contain('Enter a label in French or in English.');
    expect(root(el).activeElement).to.equal(q(el, '#labelFr'));
    await expect(el).to.be.accessible();
  });

  it('shows an id over 64 characters refused once, beside the id, and focuses it', async () => {
    const el = await mount();
    await press(el, q(el, '#add'));
    await type(el, '#labelFr', 'Taille');
    await type(el, '#id', 'a'.repeat(65));
    await press(el, q(el, 'button[type="submit"]'));
    expect([...root(el).querySelectorAll('[part~="error"]')].map((error) => error.id)).to.deep.equal(['id-error']);
    expect(q(el, '#id-error').textContent).to.contain(configIssueMessage({ code: 'too_long', params: { max: 64 } }, 'en'));
    expect(root(el).activeElement).to.equal(q(el, '#id'));
  });

  it('words each refusal as the SDK does for its code, in the UI language', async () => {
    const el = await mount(undefined, { lang: 'fr' });
    await press(el, q(el, '#add'));
    await choose(el, '#type', 'radio');
    await type(el, '#labelFr', 'Taille');
    await type(el, '#id', 'locale');
    await type(el, '#o0-value', 's');
    await type(el, '#o0-fr', 'Petite');
    await press(el, q(el, '#add-option'));
    await type(el, '#o1-value', 's');
    await type(el, '#o1-fr', 'Grande');
    await press(el, q(el, 'button[type="submit"]'));
    expect(q(el, '#id-error').textContent).to.contain(configIssueMessage({ code: 'reserved_id' }, 'fr'));
    expect(q(el, '#options-error').textContent).to.contain(configIssueMessage({ code: 'duplicate_option' }, 'fr'));
    expect(configIssueMessage({ code: 'duplicate_option' }, 'fr')).to.not.equal(configIssueMessage({ code: 'duplicate_option' }, 'en'));
    expect(root(el).activeElement).to.equal(q(el, '#id'));
  });

  it('edits a field: type, label, lengths, reaching the preview; the id stays', async () => {
    const el = await mount(withSector(), { preview: true });
    await press(el, q(el, 'li[data-custom-id="sector"] button'));
    expect(q(el, '#id').readOnly).to.equal(true);
    expect(q(el, '#labelEn').value).to.equal('Sector');
    await choose(el, '#type', 'text');
    expect(q(el, '#options')).to.equal(null);
    await type(el, '#labelEn', 'Activity');
    await choose(el, '#format', 'letters');
    await type(el, '#maxLength', '40');
    await press(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields).to.deep.equal([
      { id: 'sector', type: 'text', label: { fr: 'Secteur', en: 'Activity' }, format: 'letters', maxLength: 40 },
    ]);
    // Back to the Edit button that opened the form, not to "Add a field".
    await el.updateComplete;
    expect(part(el, 'ffc-custom-fields').activeElement).to.equal(q(el, 'li[data-custom-id="sector"] button'));
    expect(row(el, 'sector').querySelector('th')?.textContent).to.contain('Activity');
    await previewSettled(el);
    const [control] = previewControls(el, 'sector');
    expect(control?.tagName).to.equal('INPUT');
    // The preview limits by the SDK's code-point count (no native maxlength): 41 letters are too long.
    const input = control as HTMLInputElement;
    input.value = 'a'.repeat(41);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await previewSettled(el);
    const error = input.getRootNode() instanceof ShadowRoot ? (input.getRootNode() as ShadowRoot).getElementById(`${input.id}-error`) : null;
    expect(error?.textContent).to.contain('40');
  });

  it('Edit then Apply keeps the texts of the languages the form does not show, options included', async () => {
    const el = await mount(
      addCustomField(defaultConfig(), {
        id: 'sector',
        type: 'select',
        label: { fr: 'Secteur', en: 'Sector', de: 'Branche' },
        options: [{ value: 'retail', label: { fr: 'Commerce', en: 'Retail', de: 'Einzelhandel' } }],
      }),
    );
    const before = el.config?.customFields[0];
    await press(el, q(el, 'li[data-custom-id="sector"] button'));
    await press(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields[0]).to.deep.equal(before);
  });

  it('removes a field only after confirming in a dialog', async () => {
    const el = await mount(withSector(), { preview: true });
    await previewSettled(el);
    expect(previewControls(el, 'sector')).to.have.length(1);
    await press(el, q(el, 'li[data-custom-id="sector"] button:last-of-type'));
    const dialog = q<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Remove the field “Sector”?');
    await press(el, q(el, 'dialog button:not([part~="primary"])'));
    expect(dialog.open).to.equal(false);
    expect(el.config?.customFields).to.have.length(1);

    await press(el, q(el, 'li[data-custom-id="sector"] button:last-of-type'));
    await press(el, q(el, 'dialog button[part~="primary"]'));
    expect(dialog.open).to.equal(false);
    expect(el.config?.customFields).to.deep.equal([]);
    expect(order(el)).to.not.include('sector');
    expect(root(el).activeElement).to.equal(q(el, '#add'));
    await previewSettled(el);
    expect(previewControls(el, 'sector')).to.have.length(0);
  });

  it('offers no add button beyond the 200-field cap', async () => {
    const custom = Array.from({ length: CONFIG_LIMITS.maxFields - FIELD_CATALOG.length }, (_, i) => ({ id: `c${i}`, type: 'checkbox', label: `C${i}` }));
    const el = await mount(parseConfig({ version: 1, customFields: custom }));
    expect(q<HTMLButtonElement>(el, '#add').disabled).to.equal(true);
    await press(el, q(el, 'li[data-custom-id="c0"] button:last-of-type'));
    await press(el, q(el, 'dialog button[part~="primary"]'));
    expect(q<HTMLButtonElement>(el, '#add').disabled).to.equal(false);
  });

  it('has no axe violation with the form open', async () => {
    const el = await mount(withSector(), { lang: 'fr' });
    await press(el, q(el, 'li[data-custom-id="sector"] button'));
    await expect(el).to.be.accessible();
  });
});
