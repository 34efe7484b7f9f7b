import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addCustomField, defaultConfig, EU_MEMBER_STATES, setDisplayed, setVisibleWhen, type FormConfig } from '@account-request/sdk';
import { configIssueMessage } from '@account-request/sdk/editing';
import { announcement, mount, part, row, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

// A sector list and the "other sector" text the issue names: shown only when the sector is other.
function withOtherSector(): FormConfig {
  const sector = addCustomField(defaultConfig(), {
    id: 'sector',
    type: 'select',
    label: { fr: 'Secteur', en: 'Sector' },
    options: [
      { value: 'retail', label: { fr: 'Commerce', en: 'Retail' } },
      { value: 'other', label: { fr: 'Autre', en: 'Other' } },
    ],
  });
  return addCustomField(sector, { id: 'otherSector', type: 'text', label: { fr: 'Autre secteur', en: 'Other sector' } });
}

const dialogRoot = (el: FormFieldConfig) => part(el, 'ffc-field-rows').querySelector('ffc-condition-dialog')!.shadowRoot!;
const dialog = (el: FormFieldConfig) => dialogRoot(el).querySelector('dialog')!;
const conditionButton = (el: FormFieldConfig, id: string) => row(el, id).querySelector<HTMLButtonElement>('button[data-action="condition"]');
const conditionText = (el: FormFieldConfig, id: string) => row(el, id).querySelector("[part~='condition']")?.textContent?.trim();
const entry = (el: FormFieldConfig, id: string) => el.config?.fields.find((field) => field.id === id);

async function key(el: FormFieldConfig, press: string): Promise<void> {
  await sendKeys({ press });
  await settle(el);
  const inner = part(el, 'ffc-field-rows').querySelector('ffc-condition-dialog');
  await inner?.updateComplete;
}

describe('<ffc-condition-dialog> ("Show only when…")', () => {
  it('sets a condition by keyboard alone: the field, then the values to tick; the row says it in words', async () => {
    const el = await mount(withOtherSector());
    const button = conditionButton(el, 'otherSector')!;
    expect(button.textContent?.trim()).to.equal('Show only when…');
    expect(button.getAttribute('aria-label')).to.equal('Show only when… (Other sector)');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    button.focus();
    await key(el, 'Enter');
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).querySelector('h3')?.textContent).to.equal('Show “Other sector” only when');
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    expect(dialogRoot(el).activeElement).to.equal(field);
    expect([...field.options].map((option) => option.text)).to.include.members(['Choose a field…', 'Sector', 'Country']);
    expect([...field.options].map((option) => option.value), 'not itself').to.not.include('otherSector');

    // Type-ahead on the native select picks the field; a list field offers values to tick, never free text.
    await sendKeys({ type: 'Sector' });
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    await part(el, 'ffc-field-rows').querySelector('ffc-condition-dialog')?.updateComplete;
    expect(field.value).to.equal('sector');
    expect(dialogRoot(el).querySelectorAll('input[type="text"]')).to.have.length(0);
    const values = [...dialogRoot(el).querySelectorAll<HTMLInputElement>('input[name="value"]')];
    expect(values.map((input) => input.labels?.[0]?.textContent)).to.deep.equal(['Retail', 'Other']);
    expect(dialogRoot(el).querySelector<HTMLInputElement>('input[name="operator"][value="in"]')?.checked).to.equal(true);

    await key(el, 'Tab'); // the "is one of" radio
    await key(el, 'Tab'); // Retail
    await key(el, 'Tab'); // Other
    expect(dialogRoot(el).activeElement).to.equal(values[1]);
    await key(el, ' ');
    await key(el, 'Enter');
    expect(dialog(el).open).to.equal(false);
    expect(entry(el, 'otherSector')?.visibleWhen).to.deep.equal({ field: 'sector', in: ['other'] });
    expect(conditionText(el, 'otherSector')).to.equal('Shown only when Sector is Other');
    expect(conditionButton(el, 'otherSector')?.getAttribute('aria-describedby')).to.equal('cond-otherSector');
    expect(announcement(el)).to.equal('New condition for Other sector: Sector is Other');
    expect(part(el, 'ffc-field-rows').activeElement, 'focus back on the row’s button').to.equal(conditionButton(el, 'otherSector'));
  });

  it('tests an answer for a field without a list, and joins several tests with all or any', async () => {
    const el = await mount(setDisplayed(withOtherSector(), 'website', true));
    conditionButton(el, 'remarks')!.click();
    await settle(el);
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    field.value = 'website';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    const radios = [...dialogRoot(el).querySelectorAll<HTMLInputElement>('input[name="operator"]')];
    expect(radios.map((radio) => radio.labels?.[0]?.textContent)).to.deep.equal(['Website is filled in', 'Website is empty']);
    (dialogRoot(el).querySelector('.add-test') as HTMLButtonElement).click();
    await settle(el);
    const second = dialogRoot(el).querySelectorAll<HTMLSelectElement>('select[name="field"]')[1]!;
    second.value = 'sector';
    second.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    dialogRoot(el).querySelector<HTMLInputElement>('[data-test="1"] input[name="value"][value="retail"]')!.click();
    dialogRoot(el).querySelector<HTMLInputElement>('input[name="join"][value="any"]')!.click();
    await settle(el);
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    expect(entry(el, 'remarks')?.visibleWhen).to.deep.equal({ any: [{ field: 'website', filled: true }, { field: 'sector', in: ['retail'] }] });
    expect(conditionText(el, 'remarks')).to.equal('Shown only when Website is filled in or Sector is Retail');
  });

  it('offers the countries and the EU shortcut for a country test', async () => {
    const el = await mount(setDisplayed(defaultConfig(), 'vatNumber', true));
    conditionButton(el, 'vatNumber')!.click();
    await settle(el);
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    field.value = 'country';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    expect(dialogRoot(el).querySelectorAll('input[name="value"]').length).to.be.greaterThan(200);
    (dialogRoot(el).querySelector('button.eu') as HTMLButtonElement).click();
    await settle(el);
    dialogRoot(el).querySelector<HTMLInputElement>('input[name="value"][value="FR"]')!.click();
    await settle(el);
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    expect(entry(el, 'vatNumber')?.visibleWhen).to.deep.equal({ field: 'country', in: EU_MEMBER_STATES.filter((code) => code !== 'FR') });
    expect(conditionText(el, 'vatNumber')).to.equal('Shown only when Country is an EU member state other than France');
  });

  it('shows the refusals on the test they concern, worded by the SDK, and keeps the dialog open', async () => {
    const el = await mount(withOtherSector());
    conditionButton(el, 'otherSector')!.click();
    await settle(el);
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    expect(dialogRoot(el).querySelector('[data-test="0"] [part~="error"]')?.textContent).to.contain(configIssueMessage({ code: 'invalid_condition' }, 'en'));
    expect(dialogRoot(el).activeElement).to.equal(dialogRoot(el).querySelector('select[name="field"]'));
    expect(dialogRoot(el).querySelector('select[name="field"]')?.getAttribute('aria-describedby'), 'the select tells its error').to.equal('t0-error');

    // A value test with no value ticked: the SDK refuses it.
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    field.value = 'sector';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    expect(dialog(el).open).to.equal(true);
    expect(dialogRoot(el).querySelector('[part~="error"]')?.textContent).to.contain(configIssueMessage({ code: 'invalid_condition' }, 'en'));
    expect(entry(el, 'otherSector')?.visibleWhen).to.equal(undefined);
    // The values to tick are what is missing: their group tells the error and takes the focus.
    const values = dialogRoot(el).querySelector('fieldset.values')!;
    expect(values.getAttribute('aria-describedby')).to.equal('t0-error');
    expect(dialogRoot(el).activeElement).to.equal(values.querySelector('input'));
    await expect(el).to.be.accessible();
    // Once a value is ticked, the error of that test goes (it no longer says what is on screen).
    const first = values.querySelector<HTMLInputElement>('input')!;
    first.click();
    await settle(el);
    expect(dialogRoot(el).querySelector('[data-test="0"] [part~="error"]')).to.equal(null);
  });

  it('refuses a loop once, naming fields by their label, and moves focus to that error', async () => {
    const el = await mount(setVisibleWhen(defaultConfig(), 'siret', { field: 'country', in: ['FR'] }));
    conditionButton(el, 'country')!.click();
    await settle(el);
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    field.value = 'siret';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    await part(el, 'ffc-field-rows').querySelector('ffc-condition-dialog')?.updateComplete;
    const errors = [...dialogRoot(el).querySelectorAll<HTMLElement>('.general')];
    expect(errors.map((error) => error.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal(['Error: The field Country depends on itself through its conditions.']);
    expect(dialogRoot(el).activeElement, 'the error is focused, so read').to.equal(errors[0]);
    expect(entry(el, 'country')?.visibleWhen).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('opens filled in with the current condition, removes it, and closes on Escape with focus back', async () => {
    const el = await mount(setVisibleWhen(withOtherSector(), 'otherSector', { field: 'sector', in: ['other'] }));
    expect(conditionText(el, 'otherSector')).to.equal('Shown only when Sector is Other');
    conditionButton(el, 'otherSector')!.focus();
    await key(el, 'Enter');
    expect(dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')?.value).to.equal('sector');
    expect(dialogRoot(el).querySelector<HTMLInputElement>('input[value="other"]')?.checked).to.equal(true);
    await key(el, 'Escape');
    expect(dialog(el).open).to.equal(false);
    expect(part(el, 'ffc-field-rows').activeElement).to.equal(conditionButton(el, 'otherSector'));
    expect(entry(el, 'otherSector')?.visibleWhen).to.deep.equal({ field: 'sector', in: ['other'] });

    await key(el, 'Enter');
    (dialogRoot(el).querySelector('button.remove') as HTMLButtonElement).click();
    await settle(el);
    expect(entry(el, 'otherSector')?.visibleWhen).to.equal(undefined);
    expect(conditionText(el, 'otherSector')).to.equal(undefined);
    expect(announcement(el)).to.equal('Other sector is now shown whenever it is displayed.');
  });

  it('has no button on locked rows nor on the customer type, which take no condition; company rows say the built-in rule', async () => {
    const el = await mount(setDisplayed(defaultConfig(), 'customerType', true));
    // The customer-type row: first once displayed, always required then, and saying what it does.
    expect(el.config?.fields[0]?.id).to.equal('customerType');
    const required = row(el, 'customerType').querySelector<HTMLInputElement>('input[name="required"]')!;
    expect([required.checked, required.disabled]).to.deep.equal([true, true]);
    const note = part(el, 'ffc-field-rows').getElementById(required.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).to.equal('Displayed, it comes first and is always required; the company fields are then asked of companies only.');
    expect(conditionButton(el, 'companyName')).to.equal(null);
    expect(conditionButton(el, 'customerType')).to.equal(null);
    expect(conditionText(el, 'siret')).to.equal('Shown only when Customer type is Company');
    expect(conditionButton(el, 'siret')).to.exist;
  });

  it('speaks French, and has no axe violation while open', async () => {
    const el = await mount(withOtherSector(), { lang: 'fr' });
    conditionButton(el, 'otherSector')!.click();
    await settle(el);
    expect(dialog(el).querySelector('h3')?.textContent).to.equal('Afficher « Autre secteur » seulement si');
    await expect(el).to.be.accessible();
  });

  it('is followed by the preview: the field appears there only once the value is chosen', async () => {
    const el = await mount(withOtherSector(), { preview: true });
    const form = part(el, 'ffc-preview').querySelector('account-request-form') as HTMLElement & { updateComplete: Promise<unknown> };
    const controls = (id: string) => form.shadowRoot?.querySelectorAll(`[name="${id}"]`).length ?? 0;
    await form.updateComplete;
    expect(controls('otherSector')).to.equal(1);
    conditionButton(el, 'otherSector')!.click();
    await settle(el);
    const field = dialogRoot(el).querySelector<HTMLSelectElement>('select[name="field"]')!;
    field.value = 'sector';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    dialogRoot(el).querySelector<HTMLInputElement>('input[value="other"]')!.click();
    (dialogRoot(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(el);
    await form.updateComplete;
    expect(controls('otherSector')).to.equal(0);
    const sector = form.shadowRoot!.querySelector<HTMLSelectElement>('[name="sector"]')!;
    sector.value = 'other';
    sector.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await form.updateComplete;
    expect(controls('otherSector')).to.equal(1);
  });
});
