// The page of editor.bench.ts: mounts the editor on a 200-field config and times edits in-page.
import { FIELD_CATALOG, CONFIG_LIMITS, parseConfig } from '@account-request/sdk';
import '../src/form-field-config/form-field-config.js';
import type { FormFieldConfig } from '../src/form-field-config/form-field-config.component.js';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

const customCount = CONFIG_LIMITS.maxFields - FIELD_CATALOG.length;
const config = parseConfig({
  version: 1,
  fields: [
    ...FIELD_CATALOG.map(({ id, defaultDisplayed, defaultRequired }) => ({ id, displayed: defaultDisplayed, required: defaultRequired })),
    ...Array.from({ length: customCount }, (_, i) => ({ id: `custom${i}`, displayed: i % 2 === 0, required: i % 4 === 0 })),
  ],
  customFields: Array.from({ length: customCount }, (_, i) => ({ id: `custom${i}`, type: 'text', label: { fr: `Champ ${i}`, en: `Field ${i}` } })),
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function editorBench(iterations: number, preview: boolean): Promise<{ rows: number; move: number; toggle: number }> {
  document.body.replaceChildren();
  const editor = document.createElement('form-field-config') as FormFieldConfig;
  editor.preview = preview;
  editor.config = config;
  document.body.append(editor);
  await editor.updateComplete;
  const rows = editor.shadowRoot?.querySelector('ffc-field-rows') as Updatable;
  const root = rows.shadowRoot as ShadowRoot;
  await rows.updateComplete;
  const settle = async () => {
    await editor.updateComplete;
    await rows.updateComplete;
    if (!preview) return;
    const pane = editor.shadowRoot?.querySelector('ffc-preview') as Updatable;
    await pane.updateComplete;
    await (pane.shadowRoot?.querySelector('account-request-form') as Updatable | null)?.updateComplete;
  };
  const row = (id: string) => root.querySelector(`tr[data-field-id="${id}"]`) as HTMLTableRowElement;

  // Moves a field in the middle of the list down then up, alternately.
  const moves: number[] = [];
  const id = 'custom80';
  for (let i = 0; i < iterations + 5; i++) {
    const key = i % 2 ? 'ArrowUp' : 'ArrowDown';
    const before = row(id).rowIndex;
    const start = performance.now();
    row(id).querySelector("[part~='handle']")?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    await settle();
    if (row(id).rowIndex === before) throw new Error('the row did not move');
    if (i >= 5) moves.push(performance.now() - start);
  }

  const toggles: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const box = row('custom101').querySelector<HTMLInputElement>('input[name="displayed"]') as HTMLInputElement;
    const want = !editor.config?.fields.find((field) => field.id === 'custom101')?.displayed;
    const start = performance.now();
    box.click();
    await settle();
    const shown = editor.config?.fields.find((field) => field.id === 'custom101')?.displayed;
    if (shown !== want || row('custom101').querySelector<HTMLInputElement>('input[name="displayed"]')?.checked !== want) throw new Error('the box did not follow');
    if (i >= 5) toggles.push(performance.now() - start);
  }
  return { rows: root.querySelectorAll('tbody tr').length, move: median(moves), toggle: median(toggles) };
}

Object.assign(window, { editorBench });
