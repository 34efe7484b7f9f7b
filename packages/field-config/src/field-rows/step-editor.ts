import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import { addStepBreak, exactText, format, isConfigError, localize, moveStepBreak, setStepTitle } from '@account-request/sdk';
import type { LocalizedText, StepBreak } from '@account-request/sdk';
import { editorContext, type EditorStore } from '../context.js';
import { text } from '../custom-fields/draft.js';
import { issueMessage, labeller } from '../labels.js';
import { editFormStyles, sharedStyles } from '../shared.styles.js';
import { stepEditorStyles } from './step-editor.styles.js';

interface StepDraft {
  /** The field the break being edited starts at; undefined for a new break. */
  readonly editing: string | undefined;
  readonly original: LocalizedText | undefined;
  titleFr: string;
  titleEn: string;
  start: string;
}

const stepsOf = (store: EditorStore): readonly StepBreak[] => (Object.hasOwn(store.config, 'steps') ? (store.config.steps ?? []) : []);

/**
 * Internal: adds and edits the step breaks of the field list: a title in French and in
 * English (other languages of an existing title are kept) and the field the step starts at.
 * The SDK's `addStepBreak`, `moveStepBreak` and `setStepTitle` do the edit; their refusals
 * show beside the control they concern. The rows themselves are moved in the list.
 */
export class FfcStepEditor extends LitElement {
  static override styles = [sharedStyles, editFormStyles, stepEditorStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });
  #draft: StepDraft | undefined;
  #errors: Readonly<Record<string, string>> = {};
  #opener: HTMLElement | undefined;

  /** Opens the form for the break starting at field `before`, or for a new one. */
  async edit(before?: string, opener?: HTMLElement): Promise<void> {
    const store = this.#store.value;
    if (!store) return;
    const step = before ? stepsOf(store).find((candidate) => candidate.before === before) : undefined;
    const fields = store.config.fields;
    // A new step starts, by default, at the last displayed field that does not start one (a
    // hidden one would make a step the form never shows).
    const free = [...fields].reverse().find((entry) => entry.displayed && !stepsOf(store).some((candidate) => candidate.before === entry.id));
    this.#draft = {
      editing: step?.before,
      original: step?.title,
      titleFr: exactText(step?.title, 'fr'),
      titleEn: exactText(step?.title, 'en'),
      start: step?.before ?? free?.id ?? fields[0]?.id ?? '',
    };
    this.#errors = {};
    this.#opener = opener ?? this.renderRoot.querySelector<HTMLElement>('#add-step') ?? undefined;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#titleFr')?.focus();
  }

  async #close(focus?: () => HTMLElement | null | undefined): Promise<void> {
    this.#draft = undefined;
    this.#errors = {};
    this.requestUpdate();
    await this.updateComplete;
    const rows = (this.getRootNode() as ShadowRoot).host as LitElement | undefined;
    await rows?.updateComplete;
    (focus?.() ?? this.#opener ?? this.renderRoot.querySelector<HTMLElement>('#add-step'))?.focus();
  }

  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const draft = this.#draft;
    if (!draft) return;
    if (target.name === 'titleFr' || target.name === 'titleEn' || target.name === 'start') draft[target.name] = target.value;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.#store.value;
    const draft = this.#draft;
    if (!store || !draft) return;
    const title = text(draft.titleFr, draft.titleEn, draft.original) ?? '';
    const { editing, start } = draft;
    const error = store.edit((config) => {
      if (!editing) return addStepBreak(config, start, title);
      const moved = start === editing ? config : moveStepBreak(config, editing, start);
      return setStepTitle(moved, start, title);
    });
    if (error === undefined) {
      const label = labeller(store.config, store.locale)(start);
      if (!editing) store.announce(format(store.t.stepAdded, { title: localize(title, store.locale), label }));
      else if (editing !== start) store.announce(format(store.t.stepMoved, { title: localize(title, store.locale), label }));
      // Focus goes to the handle of the step's row, in the field list around this form.
      const list = this.getRootNode() as ParentNode;
      return this.#close(() => list.querySelector<HTMLElement>(`tr[data-step="${CSS.escape(start)}"] [part~='handle']`));
    }
    const errors: Record<string, string> = {};
    const issues = isConfigError(error) ? error.issues : [];
    for (const issue of issues) errors[issue.code === 'missing_step_title' ? 'titleFr' : 'start'] ??= issueMessage(issue, store.config, store.locale);
    if (!issues.length) errors['start'] = String(error);
    this.#errors = errors;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(errors['titleFr'] ? '#titleFr' : '#start')?.focus();
  }

  #error(name: string) {
    const error = this.#errors[name];
    return error ? html`<p id=${`${name}-error`} part="error"><span class="vh">${this.#store.value?.t.errorPrefix}</span> ${error}</p>` : nothing;
  }

  #control(name: 'titleFr' | 'titleEn', label: string, value: string) {
    const error = this.#errors[name];
    return html`<div class="control">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} autocomplete="off" .value=${live(value)} aria-invalid=${error ? 'true' : nothing} aria-describedby=${error ? `${name}-error` : nothing} />
      ${this.#error(name)}
    </div>`;
  }

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    const { t, config, locale } = store;
    const draft = this.#draft;
    if (!draft) return html`<button type="button" id="add-step" @click=${(event: Event) => this.edit(undefined, event.currentTarget as HTMLElement)}>${t.addStep}</button>`;
    const label = labeller(config, locale);
    const title = draft.editing ? format(t.editStep, { title: localize(draft.original, locale) }) : t.newStep;
    const error = this.#errors['start'];
    return html`<form part="step-form" novalidate aria-labelledby="step-form-title" @input=${this.#onInput} @change=${this.#onInput} @submit=${this.#onSubmit}>
      <h3 id="step-form-title">${title}</h3>
      <div class="pair">${this.#control('titleFr', t.titleFr, draft.titleFr)} ${this.#control('titleEn', t.titleEn, draft.titleEn)}</div>
      <div class="control">
        <label for="start">${t.stepStart}</label>
        <select id="start" name="start" aria-invalid=${error ? 'true' : nothing} aria-describedby=${error ? 'start-error' : nothing}>
          ${config.fields.map((entry) => html`<option value=${entry.id} ?selected=${entry.id === draft.start}>${label(entry.id)}</option>`)}
        </select>
        ${this.#error('start')}
      </div>
      <div class="actions">
        <button type="submit" part="primary">${draft.editing ? t.apply : t.addStep}</button>
        <button type="button" @click=${() => this.#close()}>${t.cancel}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ffc-step-editor': FfcStepEditor;
  }
}
