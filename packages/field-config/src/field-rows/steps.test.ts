import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { addStepBreak, defaultConfig, type FormConfig } from '@account-request/sdk';
import { announcement, centre, handle, mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

// The default form in three steps: the company, the contact (from lastName), the address (from street).
function inSteps(): FormConfig {
  const contact = addStepBreak(defaultConfig(), 'lastName', { en: 'Contact', fr: 'Contact' });
  return addStepBreak(contact, 'street', { en: 'Address', fr: 'Adresse' });
}

const rows = (el: FormFieldConfig) => part(el, 'ffc-field-rows');
const stepRow = (el: FormFieldConfig, before: string) => rows(el).querySelector<HTMLTableRowElement>(`tr[data-step="${before}"]`);
const stepHandle = (el: FormFieldConfig, before: string) => stepRow(el, before)?.querySelector<HTMLButtonElement>("[part~='handle']");
/** The rows as the table shows them: field ids, and `step:<title>` for breaks. */
const listed = (el: FormFieldConfig) =>
  [...rows(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => tr.dataset['fieldId'] ?? `step:${tr.querySelector('th')?.textContent?.trim()}`);
const breaks = (el: FormFieldConfig) => el.config?.steps?.map((step) => step.before);
const editorRoot = (el: FormFieldConfig) => rows(el).querySelector('ffc-step-editor')!.shadowRoot!;

async function press(el: FormFieldConfig, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
  await rows(el).querySelector('ffc-step-editor')?.updateComplete;
}

describe('<ffc-field-rows> step breaks', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows each break as a row above the field its step starts at, named, with edit and remove', async () => {
    const el = await mount(inSteps());
    const ids = listed(el);
    expect(ids.slice(ids.indexOf('firstName'), ids.indexOf('firstName') + 3)).to.deep.equal(['firstName', 'step:Step 2: Contact', 'lastName']);
    expect(ids[ids.indexOf('street') - 1]).to.equal('step:Step 3: Address');
    expect(stepRow(el, 'lastName')?.getAttribute('part')).to.equal('row step');
    expect(stepHandle(el, 'lastName')?.getAttribute('aria-label')).to.equal('Move the step “Contact”');
    const buttons = [...stepRow(el, 'lastName')!.querySelectorAll('button[data-action]')];
    expect(buttons.map((button) => [button.textContent?.trim(), button.getAttribute('aria-label')])).to.deep.equal([
      ['Edit', 'Edit the step “Contact”'],
      ['Remove', 'Remove the step “Contact”'],
    ]);
  });

  it('moves a break with the arrow keys on its handle, announced, focus kept; refuses to leave a step empty', async () => {
    const el = await mount(inSteps());
    const before = el.config!.fields.map((field) => field.id);
    stepHandle(el, 'lastName')!.focus();
    await press(el, 'ArrowDown');
    expect(breaks(el)).to.deep.equal(['position', 'street']);
    expect(el.config!.fields.map((field) => field.id), 'the fields stay where they are').to.deep.equal(before);
    expect(announcement(el)).to.equal('The step “Contact” now starts at Job title.');
    expect(rows(el).activeElement).to.equal(stepHandle(el, 'position'));

    await press(el, 'ArrowUp');
    await press(el, 'ArrowUp');
    expect(breaks(el)).to.deep.equal(['firstName', 'street']);
    expect(rows(el).activeElement).to.equal(stepHandle(el, 'firstName'));

    // Right above another break's field: moving down would leave its step empty.
    const third = addStepBreak(defaultConfig(), 'city', 'Town');
    const el2 = await mount(addStepBreak(third, 'postalCode', 'Code'));
    const order = el2.config!.fields.map((field) => field.id);
    expect(order.indexOf('city')).to.equal(order.indexOf('postalCode') + 1);
    stepHandle(el2, 'postalCode')!.focus();
    await press(el2, 'ArrowDown');
    expect(breaks(el2)).to.deep.equal(['postalCode', 'city']);
    expect(el2.dirty).to.equal(false);
    expect(announcement(el2), 'the refusal is said').to.equal('The step “Code” stays where it is: a step needs a field of its own.');
    await press(el2, 'End');
    expect(breaks(el2)).to.deep.equal(['postalCode', 'city']);
    expect(el2.dirty).to.equal(false);
  });

  it('moves a field across a break by keyboard: it joins the step it lands in', async () => {
    const el = await mount(inSteps());
    handle(el, 'lastName').focus();
    await press(el, 'ArrowUp');
    // The field crossed the break row: it ends the first step; the break now starts at the next field.
    expect(listed(el).slice(listed(el).indexOf('firstName'), listed(el).indexOf('firstName') + 3)).to.deep.equal(['firstName', 'lastName', 'step:Step 2: Contact']);
    expect(breaks(el)?.[0]).to.equal('position');
    expect(announcement(el)).to.equal('Last name moved to position 7 of 25, in step 1');
    expect(rows(el).activeElement).to.equal(handle(el, 'lastName'));
    // Undo takes the whole move back at once.
    el.undo();
    await settle(el);
    expect(breaks(el)).to.deep.equal(['lastName', 'street']);
  });

  it('adds a step with its titles and first field, edits it, removes it', async () => {
    const el = await mount(defaultConfig(), { preview: true });
    editorRoot(el).querySelector<HTMLButtonElement>('#add-step')!.click();
    await settle(el);
    await rows(el).querySelector('ffc-step-editor')?.updateComplete;
    expect(editorRoot(el).activeElement).to.equal(editorRoot(el).querySelector('#titleFr'));
    await sendKeys({ type: 'Coordonnées' });
    await press(el, 'Tab');
    await sendKeys({ type: 'Contact details' });
    const start = editorRoot(el).querySelector<HTMLSelectElement>('#start')!;
    // By default the last displayed field, not a hidden one (the customer type is hidden by default).
    const lastShown = [...(el.config?.fields ?? [])].reverse().find((entry) => entry.displayed)?.id;
    expect(start.value).to.equal(lastShown);
    expect(el.config?.fields.find((entry) => entry.id === 'customerType')?.displayed).to.equal(false);
    start.value = 'email';
    start.dispatchEvent(new Event('change', { bubbles: true }));
    await press(el, 'Enter');
    expect(el.config?.steps).to.deep.equal([{ before: 'email', title: { fr: 'Coordonnées', en: 'Contact details' } }]);
    expect(announcement(el)).to.equal('Step “Contact details” added before E-mail address.');
    expect(rows(el).activeElement).to.equal(stepHandle(el, 'email'));

    // The preview is in two steps now.
    const form = part(el, 'ffc-preview').querySelector('account-request-form') as HTMLElement & { updateComplete: Promise<unknown> };
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="step-heading"]'), 'the preview in steps');
    expect(form.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Step 1 of 2');

    stepRow(el, 'email')!.querySelector<HTMLButtonElement>('[data-action="edit-step"]')!.click();
    await settle(el);
    await rows(el).querySelector('ffc-step-editor')?.updateComplete;
    const titleEn = editorRoot(el).querySelector<HTMLInputElement>('#titleEn')!;
    expect(titleEn.value).to.equal('Contact details');
    titleEn.select();
    titleEn.focus();
    await sendKeys({ type: 'Contact' });
    titleEn.dispatchEvent(new Event('input', { bubbles: true }));
    await press(el, 'Enter');
    expect(el.config?.steps?.[0]?.title).to.deep.equal({ fr: 'Coordonnées', en: 'Contact' });

    stepRow(el, 'email')!.querySelector<HTMLButtonElement>('[data-action="remove-step"]')!.click();
    await settle(el);
    expect(el.config?.steps).to.equal(undefined);
    expect(announcement(el)).to.equal('Step “Contact” removed: its fields join the step above.');
    expect(rows(el).activeElement).to.equal(handle(el, 'email'));
  });

  it('shows the SDK refusal of a step without a title on the title box', async () => {
    const el = await mount(defaultConfig());
    editorRoot(el).querySelector<HTMLButtonElement>('#add-step')!.click();
    await settle(el);
    await rows(el).querySelector('ffc-step-editor')?.updateComplete;
    editorRoot(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el);
    await rows(el).querySelector('ffc-step-editor')?.updateComplete;
    const title = editorRoot(el).querySelector<HTMLInputElement>('#titleFr')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(editorRoot(el).querySelector('#titleFr-error')?.textContent).to.contain('Enter a title for the step.');
    expect(editorRoot(el).activeElement).to.equal(title);
    expect(el.config?.steps).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('names the field by its label when a step already starts there', async () => {
    const el = await mount(inSteps());
    editorRoot(el).querySelector<HTMLButtonElement>('#add-step')!.click();
    await settle(el);
    await rows(el).querySelector('ffc-step-editor')?.updateComplete;
    await sendKeys({ type: 'Adresse' });
    const start = editorRoot(el).querySelector<HTMLSelectElement>('#start')!;
    start.value = 'street';
    start.dispatchEvent(new Event('change', { bubbles: true }));
    await press(el, 'Enter');
    expect(editorRoot(el).querySelector('#start-error')?.textContent).to.contain('A step already starts at the field Street address.');
  });

  it('moves a break with a real pointer drag on its handle', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount(inSteps());
    const from = stepHandle(el, 'lastName')!;
    const target = rows(el).querySelector('tr[data-field-id="email"]')!;
    rows(el).querySelector('tr[data-field-id="firstName"]')!.scrollIntoView({ block: 'start' });
    const [x, y] = centre(from);
    const [, targetY] = centre(target);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 10; step++) await sendMouse({ type: 'move', position: [x, Math.round(y + ((targetY - y) * step) / 10)] });
    await sendMouse({ type: 'move', position: [x, targetY + 2] });
    await waitUntil(() => listed(el).indexOf('step:Step 2: Contact') > listed(el).indexOf('email'), 'the row follows the pointer', { timeout: 5000 });
    await sendMouse({ type: 'up' });
    await settle(el);
    const after = el.config!.fields.map((field) => field.id);
    expect(breaks(el)?.[0]).to.equal(after[after.indexOf('email') + 1]);
    expect(listed(el).filter((id) => !id.startsWith('step:'))).to.deep.equal(after);
  });

  it('has no axe violation with step rows', async () => {
    const el = await mount(inSteps(), { lang: 'fr' });
    expect(stepRow(el, 'lastName')?.querySelector('th')?.textContent?.trim()).to.equal('Étape 2 : Contact');
    await expect(el).to.be.accessible();
  });
});
