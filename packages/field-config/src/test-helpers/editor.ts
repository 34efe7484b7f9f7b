// Shared by the browser tests: mount an editor, reach into its internal elements, wait for renders.
import { fixture, html } from '@open-wc/testing';
import { addCustomField, defaultConfig, type FormConfig } from '@account-request/sdk';
import '../form-field-config/form-field-config.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

/** Mounts `<form-field-config>` with `config` (default: the SDK's default config). */
export async function mount(config: FormConfig = defaultConfig(), options: { lang?: string; preview?: boolean } = {}): Promise<FormFieldConfig> {
  const el = await fixture<FormFieldConfig>(
    html`<form-field-config .config=${config} lang=${options.lang ?? 'en'} ?preview=${options.preview ?? false}></form-field-config>`,
  );
  await settle(el);
  return el;
}

/** The shadow root of one internal element of `el`. */
export function part(el: FormFieldConfig, tag: 'ffc-field-rows' | 'ffc-settings' | 'ffc-custom-fields' | 'ffc-preview'): ShadowRoot {
  const child = el.shadowRoot?.querySelector(tag);
  if (!child?.shadowRoot) throw new Error(`${tag} is not rendered`);
  return child.shadowRoot;
}

/** Waits until the editor and every internal element rendered. */
export async function settle(el: FormFieldConfig): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const children = [...(el.shadowRoot?.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('ffc-field-rows, ffc-settings, ffc-custom-fields, ffc-preview') ?? [])];
    await Promise.all(children.map((child) => child.updateComplete));
  }
}

/** The row of field `id`. */
export function row(el: FormFieldConfig, id: string): HTMLTableRowElement {
  const found = part(el, 'ffc-field-rows').querySelector<HTMLTableRowElement>(`tr[data-field-id="${id}"]`);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

/** A control of the row of field `id`. */
export function box(el: FormFieldConfig, id: string, name: 'displayed' | 'required'): HTMLInputElement {
  return row(el, id).querySelector<HTMLInputElement>(`input[name="${name}"]`) as HTMLInputElement;
}

/** The drag handle of the row of field `id`. */
export function handle(el: FormFieldConfig, id: string): HTMLButtonElement {
  return row(el, id).querySelector<HTMLButtonElement>("[part~='handle']") as HTMLButtonElement;
}

/** Field ids in the order the rows show them. */
export function order(el: FormFieldConfig): string[] {
  return [...part(el, 'ffc-field-rows').querySelectorAll<HTMLElement>('tbody tr[data-field-id]')].map((tr) => tr.dataset['fieldId'] ?? '');
}

/** The text of the editor's polite live region. */
export function announcement(el: FormFieldConfig): string {
  return el.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
}

/** The centre of an element, in viewport pixels, for sendMouse. */
export function centre(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** A config with one custom select field, `sector`, displayed. */
export function withSector(): FormConfig {
  return addCustomField(defaultConfig(), {
    id: 'sector',
    type: 'select',
    label: { fr: 'Secteur', en: 'Sector' },
    options: [{ value: 'retail', label: { fr: 'Commerce', en: 'Retail' } }],
  });
}
