import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ContextConsumer } from '@lit/context';
import { format, localize, moveField, removeStepBreak, setDisplayed, setRequired } from '@account-request/sdk';
import type { FormConfig } from '@account-request/sdk';
import { hiddenFieldNotice } from '@account-request/sdk/editing';
import { editorContext, type EditorStore } from '../context.js';
import { SortableController } from '../controllers/sortable.js';
import { labeller } from '../labels.js';
import { sharedStyles } from '../shared.styles.js';
import { fieldRow } from './field-row.js';
import { fieldRowsStyles } from './field-rows.styles.js';
import { configOfRows, moveRow, rowsOf, stepOf, type Row } from './rows.js';
import { stepRow } from './step-row.js';

const handleOf = (row: Row): string => (row.kind === 'field' ? `tr[data-field-id="${CSS.escape(row.id)}"]` : `tr[data-step="${CSS.escape(row.before)}"]`);

/**
 * Internal: the "field list" table of `<form-field-config>`, one row per field in display
 * order and one per step break above the field its step starts at, reordered by drag and drop
 * (sortablejs) or by the arrow keys on a row's handle. Each field's row says when it is shown
 * and opens the "Show only when…" dialog; step breaks are added and edited below the table.
 * Reads and edits the draft through the editor context.
 */
export class FfcFieldRows extends LitElement {
  static override styles = [sharedStyles, fieldRowsStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });

  constructor() {
    super();
    new SortableController(this, {
      container: () => this.renderRoot.querySelector('tbody'),
      draggable: '[data-field-id], [data-step]',
      onMove: (from, to) => void this.#move(from, to, false),
    });
  }

  /** Moves the row at `from` to `to` (indexes among all rows), announces it, and refocuses its handle when asked. */
  async #move(from: number, to: number, focus: boolean): Promise<void> {
    const store = this.#store.value;
    if (!store) return;
    const rows = rowsOf(store.config);
    const next = moveRow(rows, from, to);
    const moved = next?.[to];
    const row = rows[from];
    // A step cannot be left without a field: the refusal is said, not silent.
    if ((!next || !moved) && row?.kind === 'step') store.announce(format(store.t.stepNotMoved, { title: localize(row.title, store.locale) }));
    if (!next || !moved) return;
    // Without breaks the rows are the fields: one moveField, as the SDK names it.
    const plain = rows.every((row) => row.kind === 'field');
    const edit = (config: FormConfig) => {
      const edited = plain ? moveField(config, from, to) : configOfRows(config, next);
      // The SDK keeps a displayed customer type first: a move it takes back is no edit (no empty undo step).
      return JSON.stringify(rowsOf(edited)) === JSON.stringify(rows) ? config : edited;
    };
    if (store.edit(edit) !== undefined) return;
    // Said from the config the store now holds (a displayed customer type stays first), not from the rows asked for.
    const after = this.#store.value ?? store;
    store.announce(this.#moved(after, moved, plain, after === store));
    if (!focus) return;
    await this.updateComplete;
    // The row's nodes were moved by the render: focus was lost, so find the handle again.
    this.renderRoot.querySelector<HTMLElement>(`${handleOf(moved)} [part~='handle']`)?.focus();
  }

  #moved(store: EditorStore, moved: Row, plain: boolean, stayed: boolean): string {
    const { t, config, locale } = store;
    const label = labeller(config, locale);
    if (moved.kind === 'step') return format(t.stepMoved, { title: localize(moved.title, locale), label: label(moved.before) });
    const { fields } = config;
    const words = { label: label(moved.id), position: fields.findIndex((entry) => entry.id === moved.id) + 1, total: fields.length };
    if (stayed) return format(t.notMoved, words);
    if (plain) return t.moved(words.label, words.position, words.total);
    return format(t.movedInStep, { ...words, step: stepOf(rowsOf(config), moved.id) });
  }

  #onKeydown(event: KeyboardEvent): void {
    const store = this.#store.value;
    const tr = (event.target as Element).closest("[part~='handle']")?.closest('tr');
    if (!store || !tr || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const rows = [...(tr.parentElement?.children ?? [])];
    const from = rows.indexOf(tr);
    const to = { ArrowUp: from - 1, ArrowDown: from + 1, Home: 0, End: rows.length - 1 }[event.key];
    if (from < 0 || to === undefined) return;
    event.preventDefault();
    void this.#move(from, to, true);
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.closest('tr')?.dataset['fieldId'];
    const store = this.#store.value;
    if (!store || !id) return;
    const { checked, name } = input;
    if (name === 'displayed') {
      // Hiding a field that conditions read changes what they decide: said, not done in silence.
      const notice = checked ? undefined : hiddenFieldNotice(setDisplayed(store.config, id, false), id, store.locale);
      if (store.edit((config) => setDisplayed(config, id, checked)) === undefined && notice) store.announce(notice);
    }
    else if (name === 'required') store.edit((config) => setRequired(config, id, checked));
  }

  #onClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const tr = button?.closest('tr');
    const store = this.#store.value;
    if (!button || !tr || !store) return;
    const action = button.dataset['action'];
    const id = tr.dataset['fieldId'];
    const before = tr.dataset['step'];
    if (action === 'condition' && id) void this.renderRoot.querySelector('ffc-condition-dialog')?.open(id, button);
    else if (action === 'edit-step' && before) void this.renderRoot.querySelector('ffc-step-editor')?.edit(before, button);
    else if (action === 'remove-step' && before) void this.#removeStep(store, before);
  }

  async #removeStep(store: EditorStore, before: string): Promise<void> {
    const step = rowsOf(store.config).find((row) => row.kind === 'step' && row.before === before);
    if (step?.kind !== 'step' || store.edit((config) => removeStepBreak(config, before)) !== undefined) return;
    store.announce(format(store.t.stepRemoved, { title: localize(step.title, store.locale) }));
    await this.updateComplete;
    // Its row is gone: the field it started at takes the focus.
    this.renderRoot.querySelector<HTMLElement>(`tr[data-field-id="${CSS.escape(before)}"] [part~='handle']`)?.focus();
  }

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    const { t, config } = store;
    const label = labeller(config, store.locale);
    const rows = rowsOf(config);
    const entries = new Map(config.fields.map((entry) => [entry.id, entry]));
    const steps = rows.filter((row) => row.kind === 'step');
    // Steps are numbered as the form shows them: fields above the first break make step 1.
    const first = rows[0]?.kind === 'step' ? 1 : 2;
    return html`<h2 id="title">${t.fields}</h2>
      <p id="hint" part="help">${t.fieldsHint}</p>
      <p id="steps-hint" part="help">${t.stepsHint}</p>
      <table part="table" aria-labelledby="title">
        <thead>
          <tr>
            <th scope="col"><span class="vh">${t.order}</span></th>
            <th scope="col">${t.field}</th>
            <th scope="col">${t.displayed}</th>
            <th scope="col">${t.required}</th>
            <th scope="col" class="condition">${t.conditionColumn}</th>
          </tr>
        </thead>
        <tbody @change=${this.#onChange} @keydown=${this.#onKeydown} @click=${this.#onClick}>
          ${repeat(
            rows,
            // A break keeps its key while it moves (breaks never pass each other): its row, and focus, stay.
            (row) => (row.kind === 'field' ? `f:${row.id}` : `s:${steps.indexOf(row)}`),
            (row) => {
              if (row.kind === 'step') return stepRow(store, row.before, row.title, steps.indexOf(row) + first);
              const entry = entries.get(row.id);
              return entry ? fieldRow(store, label, entry) : nothing;
            },
          )}
        </tbody>
      </table>
      <ffc-step-editor exportparts="step-form, primary, error"></ffc-step-editor>
      <ffc-condition-dialog exportparts="dialog, primary, help, error"></ffc-condition-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ffc-field-rows': FfcFieldRows;
  }
}
