import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addCustomField, defaultConfig, formatFileSize, setVisibleWhen, type FormConfig } from '@account-request/sdk';
import { configIssueMessage } from '@account-request/sdk/editing';
import { announcement, mount, part, row, settle, withSector } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-custom-fields');
const q = <T extends Element = HTMLInputElement>(el: FormFieldConfig, selector: string) => root(el).querySelector<T>(selector) as T;

async function type(el: FormFieldConfig, selector: string, text: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
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

async function click(el: FormFieldConfig, target: HTMLElement): Promise<void> {
  target.click();
  await settle(el);
}

// "Other sector", shown only when the sector list says other: the sector is in use.
function sectorInUse(): FormConfig {
  const sector = addCustomField(defaultConfig(), {
    id: 'sector',
    type: 'select',
    label: { fr: 'Secteur', en: 'Sector' },
    options: [{ value: 'other', label: { fr: 'Autre', en: 'Other' } }],
  });
  const other = addCustomField(sector, { id: 'otherSector', type: 'text', label: { fr: 'Autre secteur', en: 'Other sector' } });
  return setVisibleWhen(other, 'otherSector', { field: 'sector', in: ['other'] });
}

describe('<ffc-custom-fields> document uploads and fields in use', () => {
  it('adds a file field with its limits: kinds ticked, largest file in MB, number of files; the preview shows the input', async () => {
    const el = await mount(undefined, { preview: true });
    await click(el, q(el, '#add'));
    await choose(el, '#type', 'file');
    expect(q(el, '#options')).to.equal(null);
    expect(q(el, '#format')).to.equal(null);
    const kinds = [...root(el).querySelectorAll<HTMLInputElement>('input[name="accept"]')];
    expect(kinds.map((box) => [box.value, box.labels?.[0]?.textContent, box.checked])).to.deep.equal([
      ['pdf', 'PDF', true],
      ['jpeg', 'JPEG', true],
      ['png', 'PNG', true],
    ]);
    expect(q(el, '#accept legend').textContent).to.equal('Accepted documents');
    expect(q(el, '#maxBytes-help').textContent).to.equal('At most 10 MB; 5 MB when left empty.');
    expect([...q<HTMLSelectElement>(el, '#maxFiles').options].map((option) => option.value)).to.deep.equal(['1', '2', '3', '4', '5']);

    await type(el, '#labelEn', 'Kbis extract');
    await click(el, kinds[2]!);
    await type(el, '#maxBytes', '2,5');
    await choose(el, '#maxFiles', '2');
    await click(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields.find((field) => field.id === 'kbisExtract')).to.deep.equal({
      id: 'kbisExtract',
      type: 'file',
      label: { en: 'Kbis extract' },
      accept: ['pdf', 'jpeg'],
      maxBytes: 2_621_440,
      maxFiles: 2,
    });

    const form = part(el, 'ffc-preview').querySelector('account-request-form') as HTMLElement & { updateComplete: Promise<unknown>; dataset: DOMStringMap };
    await new Promise<void>((resolve) => {
      const check = () => (form.shadowRoot?.querySelector('input[type="file"]') ? resolve() : setTimeout(check, 20));
      check();
    });
    const input = form.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).to.equal('application/pdf,.pdf,image/jpeg,.jpg,.jpeg');
    expect(input.multiple).to.equal(true);
  });

  it('shows the SDK refusals of the limits beside their controls', async () => {
    const el = await mount();
    await click(el, q(el, '#add'));
    await choose(el, '#type', 'file');
    await type(el, '#labelEn', 'Identity document');
    for (const box of root(el).querySelectorAll<HTMLInputElement>('input[name="accept"]')) box.click();
    await type(el, '#maxBytes', '20');
    await click(el, q(el, 'button[type="submit"]'));
    expect(q(el, '#maxBytes').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#maxBytes').getAttribute('aria-describedby')).to.equal('maxBytes-help maxBytes-error');
    expect(root(el).activeElement).to.equal(q(el, '#maxBytes'));
    await type(el, '#maxBytes', '2');
    await click(el, q(el, 'button[type="submit"]'));
    expect(q(el, '#accept-error').textContent).to.contain(configIssueMessage({ code: 'missing_file_kinds' }, 'en'));
    expect(q(el, '#accept').getAttribute('aria-describedby')).to.equal('accept-error');
    expect(root(el).activeElement, 'the refused control').to.equal(q(el, '#accept input'));
    expect(el.config?.customFields).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('edits a file field back from its limits, and drops them when it becomes another type', async () => {
    const el = await mount(addCustomField(defaultConfig(), { id: 'kbis', type: 'file', label: 'Kbis', accept: ['pdf'], maxBytes: 3 * 1024 * 1024, maxFiles: 4 }));
    await click(el, q(el, 'li[data-custom-id="kbis"] button'));
    expect(q(el, '#maxBytes').value).to.equal('3');
    expect(q<HTMLSelectElement>(el, '#maxFiles').value).to.equal('4');
    expect([...root(el).querySelectorAll<HTMLInputElement>('input[name="accept"]')].map((box) => box.checked)).to.deep.equal([true, false, false]);
    await choose(el, '#type', 'text');
    await click(el, q(el, 'button[type="submit"]'));
    expect(el.config?.customFields).to.deep.equal([{ id: 'kbis', type: 'text', label: { fr: 'Kbis', en: 'Kbis' } }]);
  });

  it('refuses to remove a field another condition reads, with the SDK’s words, and offers to remove that condition first', async () => {
    const el = await mount(sectorInUse());
    await click(el, q(el, 'li[data-custom-id="sector"] button:last-of-type'));
    const dialog = q<HTMLDialogElement>(el, 'dialog');
    // Said as the dialog opens, before any Remove: the field is read by another's condition.
    expect(dialog.open).to.equal(true);
    expect(q(el, '#confirm-text').textContent).to.equal(configIssueMessage({ code: 'field_in_use', params: { id: 'Sector', by: 'Other sector' } }, 'en'));
    const offer = q<HTMLButtonElement>(el, 'dialog button[part~="primary"]');
    expect(offer.textContent?.trim()).to.equal('Remove the condition of “Other sector” first');
    expect(el.config?.customFields.map((field) => field.id)).to.deep.equal(['sector', 'otherSector']);

    await click(el, offer);
    expect(el.config?.fields.find((field) => field.id === 'otherSector')?.visibleWhen).to.equal(undefined);
    expect(announcement(el)).to.equal('Other sector is now shown whenever it is displayed.');
    expect(q(el, '#confirm-text').textContent).to.equal('Remove the field “Sector”? The form will no longer ask for it.');
    await expect(el).to.be.accessible();
    await click(el, q(el, 'dialog button[part~="primary"]'));
    expect(dialog.open).to.equal(false);
    expect(el.config?.customFields.map((field) => field.id)).to.deep.equal(['otherSector']);
    expect(row(el, 'otherSector')).to.exist;
  });

  it('speaks French', async () => {
    const el = await mount(withSector(), { lang: 'fr' });
    await click(el, q(el, '#add'));
    await choose(el, '#type', 'file');
    expect(q(el, '#accept legend').textContent).to.equal('Documents acceptés');
    expect(q(el, '#maxBytes-help').textContent).to.equal(`${formatFileSize(10 * 1024 * 1024, 'fr')} au plus ; ${formatFileSize(5 * 1024 * 1024, 'fr')} si le champ reste vide.`);
  });
});
