import { html, LitElement, nothing, svg } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContextConsumer } from '@lit/context';
import { isCatalogFieldId, isLocked, moveField, setDisplayed, setRequired } from '@account-request/sdk';
import { editorContext, type EditorStore } from '../context.js';
import { SortableController } from '../controllers/sortable.js';
import { labeller } from '../labels.js';
import { sharedStyles } from '../shared.styles.js';
import { fieldRowsStyles } from './field-rows.styles.js';

const grip = svg`<svg viewBox="0 0 10 16" aria-hidden="true" focusable="false"><circle cx="2.5" cy="2.5" r="1.5"/><circle cx="7.5" cy="2.5" r="1.5"/><circle cx="2.5" cy="8" r="1.5"/><circle cx="7.5" cy="8" r="1.5"/><circle cx="2.5" cy="13.5" r="1.5"/><circle cx="7.5" cy="13.5" r="1.5"/></svg>`;

/**
 * Internal: the "field list" table of `<form-field-config>`, one row per field in display
 * order, reordered by drag and drop (sortablejs) or by the arrow keys on a row's handle.
 * Reads and edits the draft through the editor context.
 */
export class FfcFieldRows extends LitElement {
  static override styles = [sharedStyles, fieldRowsStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });

  constructor() {
    super();
    new SortableController(this, {
      container: () => this.renderRoot.querySelector('tbody'),
      onMove: (from, to) => void this.#move(from, to, false),
    });
  }

  /** Moves the row at `from` to `to`, announces it, and refocuses its handle when asked. */
  async #move(from: number, to: number, focus: boolean): Promise<void> {
    const store = this.#store.value;
    const id = store?.config.fields[from]?.id;
    if (!store || id === undefined || to < 0 || to >= store.config.fields.length || to === from) return;
    if (store.edit((config) => moveField(config, from, to)) !== undefined) return;
    store.announce(store.t.moved(labeller(store.config, store.locale)(id), to + 1, store.config.fields.length));
    if (!focus) return;
    await this.updateComplete;
    // The row's nodes were moved by the render: focus was lost, so find the handle again.
    this.renderRoot.querySelector<HTMLElement>(`tr[data-field-id="${CSS.escape(id)}"] [part~='handle']`)?.focus();
  }

  #onKeydown(event: KeyboardEvent): void {
    const store = this.#store.value;
    const handle = (event.target as Element).closest("[part~='handle']");
    const id = handle?.closest('tr')?.dataset['fieldId'];
    if (!store || !id || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const from = store.config.fields.findIndex((entry) => entry.id === id);
    const last = store.config.fields.length - 1;
    const to = { ArrowUp: from - 1, ArrowDown: from + 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    void this.#move(from, to, true);
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.closest('tr')?.dataset['fieldId'];
    const store = this.#store.value;
    if (!store || !id) return;
    const { checked, name } = input;
    if (name === 'displayed') store.edit((config) => setDisplayed(config, id, checked));
    else if (name === 'required') store.edit((config) => setRequired(config, id, checked));
  }

  #row(store: EditorStore, label: (id: string) => string, id: string, displayed: boolean, required: boolean) {
    const { t } = store;
    const name = label(id);
    const locked = isLocked(id);
    const reason = locked ? `why-${id}` : undefined;
    return html`<tr data-field-id=${id} part=${locked ? 'row locked' : 'row'}>
      <td>
        <button type="button" part="handle" aria-label=${t.move(name)} aria-describedby="hint">${grip}</button>
      </td>
      <th scope="row" part="label">
        ${name}${isCatalogFieldId(id) ? nothing : html`<span part="badge">${t.custom}</span>`}
        ${reason ? html`<span part="reason" id=${reason}>${t.locked}</span>` : nothing}
      </th>
      <td>
        <input type="checkbox" id=${`d-${id}`} name="displayed" .checked=${live(displayed)} ?disabled=${locked} aria-describedby=${reason ?? nothing} />
        <label class="vh" for=${`d-${id}`}>${t.displayedFor(name)}</label>
      </td>
      <td>
        <input type="checkbox" id=${`r-${id}`} name="required" .checked=${live(required)} ?disabled=${locked} aria-describedby=${reason ?? nothing} />
        <label class="vh" for=${`r-${id}`}>${t.requiredFor(name)}</label>
      </td>
    </tr>`;
  }

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    const { t, config } = store;
    const label = labeller(config, store.locale);
    return html`<h2 id="title">${t.fields}</h2>
      <p id="hint" part="help">${t.fieldsHint}</p>
      <table part="table" aria-labelledby="title">
        <thead>
          <tr>
            <th scope="col"><span class="vh">${t.order}</span></th>
            <th scope="col">${t.field}</th>
            <th scope="col">${t.displayed}</th>
            <th scope="col">${t.required}</th>
          </tr>
        </thead>
        <tbody @change=${this.#onChange} @keydown=${this.#onKeydown}>
          ${repeat(
            config.fields,
            (entry) => entry.id,
            (entry) => this.#row(store, label, entry.id, entry.displayed, entry.required),
          )}
        </tbody>
      </table>`;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'ffc-field-rows': FfcFieldRows;
  }
}
