import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import { EU_MEMBER_STATES, format, isConfigError, setVisibleWhen, texts } from '@account-request/sdk';
import { describeCondition } from '@account-request/sdk/editing';
import type { Condition, ConfigIssue } from '@account-request/sdk';
import { editorContext, type EditorStore } from '../context.js';
import { issueMessage, labeller } from '../labels.js';
import { sharedStyles } from '../shared.styles.js';
import { conditionDialogStyles } from './condition-dialog.styles.js';
import { conditionOfDraft, draftOfCondition, emptyTest, readableFields, testOfIssue, testsValues, typeOf, valueChoices, type ConditionDraft, type TestDraft, type TestOperator } from './condition-draft.js';

const own = (entry: object): Condition | undefined => (Object.hasOwn(entry, 'visibleWhen') ? (entry as { visibleWhen?: Condition }).visibleWhen : undefined);

/**
 * Internal: the "Show only when…" dialog of a field-list row. A modal `<dialog>` (focus kept
 * inside, Escape closes, focus back on the row's button): pick a field, then how its answer
 * is tested: the values to tick for a select, radio or country field (never free text), an
 * answer or none for any other; several tests join with "all" or "any". Applying is the SDK's
 * `setVisibleWhen`, whose refusals are shown on the test they concern.
 */
export class FfcConditionDialog extends LitElement {
  static override styles = [sharedStyles, conditionDialogStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });
  #field: string | undefined;
  #draft: ConditionDraft = draftOfCondition(undefined);
  #errors: { readonly general: string[]; readonly tests: ReadonlyMap<number, string> } = { general: [], tests: new Map() };
  #opener: HTMLElement | undefined;

  /** Opens the dialog for field `id`; focus goes back to `opener` when it closes. */
  async open(id: string, opener?: HTMLElement): Promise<void> {
    const config = this.#store.value?.config;
    const entry = config?.fields.find((candidate) => candidate.id === id);
    if (!entry) return;
    this.#field = id;
    this.#opener = opener;
    this.#draft = draftOfCondition(own(entry));
    this.#errors = { general: [], tests: new Map() };
    this.requestUpdate();
    await this.updateComplete;
    this.#dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('select, input')?.focus();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #close(): void {
    this.#dialog?.close();
  }

  #onClose(): void {
    this.#field = undefined;
    this.requestUpdate();
    this.#opener?.focus();
  }

  #test(event: Event): TestDraft | undefined {
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('[data-test]')?.dataset['test']);
    return this.#draft.tests[index];
  }

  #onChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const store = this.#store.value;
    if (!store) return;
    if (target.name === 'join') this.#draft.join = target.value as ConditionDraft['join'];
    const test = this.#test(event);
    if (test && target.name === 'field') {
      test.field = target.value;
      test.operator = testsValues(store.config, test.field) ? 'in' : 'filled';
      test.values = [];
    } else if (test && target.name === 'operator') test.operator = target.value as TestOperator;
    else if (test && target.name === 'value' && target instanceof HTMLInputElement) {
      test.values = target.checked ? [...test.values, target.value] : test.values.filter((value) => value !== target.value);
    }
    // A test changed since Apply: its error no longer says what is on screen.
    if (test && this.#errors.tests.size > 0) {
      const tests = new Map(this.#errors.tests);
      tests.delete(this.#draft.tests.indexOf(test));
      this.#errors = { ...this.#errors, tests };
    }
    this.requestUpdate();
  }

  async #apply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.#store.value;
    const id = this.#field;
    if (!store || !id) return;
    const built = conditionOfDraft(this.#draft);
    const error = 'issues' in built ? built.issues : store.edit((config) => setVisibleWhen(config, id, built.condition));
    if (error === undefined && 'condition' in built) {
      const label = labeller(store.config, store.locale)(id);
      store.announce(format(store.t.conditionSaved, { label, condition: describeCondition(built.condition, store.config, store.locale) }));
      return this.#close();
    }
    this.#showErrors(store, Array.isArray(error) ? error : isConfigError(error) ? error.issues : [], error);
    await this.updateComplete;
    // The first error in the dialog's order: a general one (focusable, so read) or a test's control.
    const first = ['.general', '[aria-invalid="true"]', 'fieldset.values[aria-describedby] input', 'fieldset[aria-describedby] input'].map((selector) => this.renderRoot.querySelector<HTMLElement>(selector));
    first.find(Boolean)?.focus();
  }

  #showErrors(store: EditorStore, issues: readonly ConfigIssue[], error: unknown): void {
    const general: string[] = [];
    const tests = new Map<number, string>();
    // A loop is reported once per field on it: one message, naming this field when it is on the loop.
    const cycles = issues.filter((issue) => issue.code === 'condition_cycle');
    const cycle = cycles.find((issue) => issue.params?.['id'] === this.#field) ?? cycles[0];
    for (const issue of issues) {
      if (issue.code === 'condition_cycle' && issue !== cycle) continue;
      const index = this.#draft.tests.length > 0 ? testOfIssue(issue) : undefined;
      const message = issueMessage(issue, store.config, store.locale);
      if (index === undefined || tests.has(index)) general.push(message);
      else tests.set(index, message);
    }
    if (!issues.length) general.push(String(error));
    this.#errors = { general, tests };
    this.requestUpdate();
  }

  #remove(): void {
    const store = this.#store.value;
    const id = this.#field;
    if (!store || !id) return;
    if (store.edit((config) => setVisibleWhen(config, id, undefined)) === undefined) {
      store.announce(format(store.t.conditionRemoved, { label: labeller(store.config, store.locale)(id) }));
    }
    this.#close();
  }

  #renderTest(store: EditorStore, test: TestDraft, index: number, fields: readonly string[], label: (id: string) => string) {
    const { t } = store;
    const prefix = `t${index}`;
    const error = this.#errors.tests.get(index);
    const several = this.#draft.tests.length > 1;
    return html`<fieldset class="test" data-test=${index} aria-describedby=${error ? `${prefix}-error` : nothing}>
      <legend>${format(t.test, { n: index + 1 })}</legend>
      <div class="control">
        <label for=${`${prefix}-field`}>${t.field}</label>
        <select id=${`${prefix}-field`} name="field" aria-invalid=${error && !test.field ? 'true' : nothing} aria-describedby=${error && !test.field ? `${prefix}-error` : nothing}>
          <option value="" ?selected=${!test.field}>${t.chooseField}</option>
          ${fields.map((id) => html`<option value=${id} ?selected=${id === test.field}>${label(id)}</option>`)}
        </select>
      </div>
      ${test.field ? this.#renderAnswer(store, test, prefix, label(test.field)) : nothing}
      ${error ? html`<p id=${`${prefix}-error`} part="error"><span class="vh">${t.errorPrefix}</span> ${error}</p>` : nothing}
      ${several
        ? html`<button type="button" class="remove-test" @click=${() => (this.#draft.tests.splice(index, 1), this.requestUpdate())}>${format(t.removeTest, { n: index + 1 })}</button>`
        : nothing}
    </fieldset>`;
  }

  #renderAnswer(store: EditorStore, test: TestDraft, prefix: string, fieldLabel: string) {
    const { t, config, locale } = store;
    const radio = (operator: TestOperator, text: string) => html`<div class="check">
      <input type="radio" id=${`${prefix}-${operator}`} name="operator" value=${operator} .checked=${live(test.operator === operator)} />
      <label for=${`${prefix}-${operator}`}>${text}</label>
    </div>`;
    if (!testsValues(config, test.field)) {
      const words = texts('conditions', locale);
      const type = typeOf(config, test.field);
      const [yes, no] = type === 'checkbox' ? [words.ticked, words.notTicked] : type === 'file' ? [words.hasFile, words.noFile] : [words.filled, words.empty];
      return html`<fieldset class="radios">
        <legend>${t.operator}</legend>
        ${radio('filled', format(yes, { field: fieldLabel }))} ${radio('empty', format(no, { field: fieldLabel }))}
      </fieldset>`;
    }
    const choices = valueChoices(config, test.field, locale);
    const country = typeOf(config, test.field) === 'country';
    return html`<fieldset class="radios">
        <legend>${t.operator}</legend>
        ${radio('in', t.isOneOf)} ${radio('notIn', t.isNoneOf)}
      </fieldset>
      <fieldset class=${country ? 'values long' : 'values'} aria-describedby=${this.#errors.tests.has(Number(prefix.slice(1))) && test.values.length === 0 ? `${prefix}-error` : nothing}>
        <legend>${t.values}</legend>
        ${country
          ? html`<button type="button" class="eu" @click=${() => ((test.values = [...new Set([...test.values, ...EU_MEMBER_STATES])]), this.requestUpdate())}>${t.euMembers}</button>`
          : nothing}
        <div class="choices">
          ${choices.map(
            (choice, i) => html`<div class="check">
              <input type="checkbox" id=${`${prefix}-v${i}`} name="value" value=${choice.value} .checked=${live(test.values.includes(choice.value))} />
              <label for=${`${prefix}-v${i}`}>${choice.label}</label>
            </div>`,
          )}
        </div>
      </fieldset>`;
  }

  override render() {
    const store = this.#store.value;
    const id = this.#field;
    if (!store) return nothing;
    const { t, config, locale } = store;
    const label = labeller(config, locale);
    const entry = id ? config.fields.find((candidate) => candidate.id === id) : undefined;
    const current = entry ? own(entry) : undefined;
    const fields = id ? readableFields(config, id, this.#draft) : [];
    return html`<dialog part="dialog" aria-labelledby="condition-title" @close=${this.#onClose}>
      ${id
        ? html`<form novalidate @change=${this.#onChange} @submit=${this.#apply}>
            <h3 id="condition-title">${format(t.conditionTitle, { label: label(id) })}</h3>
            ${this.#draft.nested && current ? html`<p part="help">${t.nestedCondition}</p><p class="current">${describeCondition(current, config, locale)}</p>` : nothing}
            ${this.#errors.general.map((message) => html`<p part="error" class="general" tabindex="-1"><span class="vh">${t.errorPrefix}</span> ${message}</p>`)}
            ${this.#draft.tests.length > 1
              ? html`<fieldset class="radios">
                  <legend>${t.conditionJoin}</legend>
                  ${(['all', 'any'] as const).map(
                    (join) => html`<div class="check">
                      <input type="radio" id=${`join-${join}`} name="join" value=${join} .checked=${live(this.#draft.join === join)} />
                      <label for=${`join-${join}`}>${join === 'all' ? t.joinAll : t.joinAny}</label>
                    </div>`,
                  )}
                </fieldset>`
              : nothing}
            ${this.#draft.tests.map((test, index) => this.#renderTest(store, test, index, fields, label))}
            <button type="button" class="add-test" @click=${() => (this.#draft.tests.push(emptyTest()), this.requestUpdate())}>${t.addTest}</button>
            <div class="actions">
              <button type="submit" part="primary">${t.apply}</button>
              ${current ? html`<button type="button" class="remove" @click=${() => this.#remove()}>${t.removeCondition}</button>` : nothing}
              <button type="button" @click=${() => this.#close()}>${t.cancel}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ffc-condition-dialog': FfcConditionDialog;
  }
}
