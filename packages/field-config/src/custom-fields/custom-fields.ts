import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import {
  addCustomField,
  CONFIG_LIMITS,
  CUSTOM_FIELD_FORMATS,
  CUSTOM_FIELD_TYPES,
  deriveCustomFieldId,
  format,
  isConfigError,
  localize,
  removeCustomField,
  setVisibleWhen,
  takesOptions,
  takesTextRules,
  updateCustomField,
} from '@account-request/sdk';
import type { CustomField, FileKind } from '@account-request/sdk';
import { editorContext, type EditorStore } from '../context.js';
import { editFormStyles, sharedStyles } from '../shared.styles.js';
import { customFieldsStyles } from './custom-fields.styles.js';
import { controlOf, draftOf, fieldOf, patchOf, type FieldDraft, type OptionDraft } from './draft.js';
import { fileLimits } from './file-limits.js';
import { issueMessage, labeller } from '../labels.js';

type TextControl = 'labelFr' | 'labelEn' | 'id' | 'helpFr' | 'helpEn' | 'minLength' | 'maxLength' | 'maxBytes' | 'maxFiles';
// Controls in DOM order: the first one with an error gets the focus.
const ORDER = ['general', 'type', 'labelFr', 'labelEn', 'id', 'helpFr', 'helpEn', 'options', 'format', 'minLength', 'maxLength', 'accept', 'maxBytes', 'maxFiles'];

/**
 * Internal: the custom fields of `<form-field-config>`: a list with edit and remove (after a
 * confirmation in a modal `<dialog>`), and one form to add or edit a field. The form is
 * checked by the SDK edit itself; its issues are shown beside the controls they concern.
 */
export class FfcCustomFields extends LitElement {
  static override styles = [sharedStyles, editFormStyles, customFieldsStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });
  #draftValue: FieldDraft | undefined;
  #errorsValue: Readonly<Record<string, string>> = {};
  #removingValue: CustomField | undefined;
  // A removal the SDK refused because another field's condition reads this one (field_in_use).
  #inUse: { readonly by: string; readonly message: string } | undefined;

  // Private state: each change re-renders.
  get #draft(): FieldDraft | undefined {
    return this.#draftValue;
  }

  set #draft(value: FieldDraft | undefined) {
    this.#draftValue = value;
    this.requestUpdate();
  }

  get #errors(): Readonly<Record<string, string>> {
    return this.#errorsValue;
  }

  set #errors(value: Readonly<Record<string, string>>) {
    this.#errorsValue = value;
    this.requestUpdate();
  }

  get #removing(): CustomField | undefined {
    return this.#removingValue;
  }

  set #removing(value: CustomField | undefined) {
    this.#removingValue = value;
    this.requestUpdate();
  }

  async #open(field?: CustomField): Promise<void> {
    this.#draft = draftOf(field);
    this.#errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#type')?.focus();
  }

  // Back to the button that opened the form: the field's Edit, or Add a field.
  async #close(): Promise<void> {
    const editing = this.#draft?.editing;
    this.#draft = undefined;
    this.#errors = {};
    await this.updateComplete;
    const edit = editing === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`li[data-custom-id="${CSS.escape(editing)}"] button`);
    (edit ?? this.renderRoot.querySelector<HTMLElement>('#add'))?.focus();
  }

  #onInput(event: Event): void {
    const store = this.#store.value;
    const draft = this.#draft;
    const target = event.target as HTMLInputElement;
    if (!store || !draft) return;
    const option = target.dataset['option'];
    if (option !== undefined) {
      const row = draft.options[Number(option)];
      if (row) row[target.name as keyof OptionDraft] = target.value;
      return;
    }
    if (target.name === 'accept') {
      const kind = target.value as FileKind;
      draft.accept = target.checked ? [...draft.accept, kind] : draft.accept.filter((item) => item !== kind);
      return;
    }
    if (target.name === 'type') draft.type = target.value as FieldDraft['type'];
    else if (target.name === 'format') draft.format = target.value as FieldDraft['format'];
    else draft[target.name as TextControl] = target.value;
    if (target.name === 'id') draft.idEdited = true;
    // The label in the UI's language names the id (the registry's fallback: then English, then French).
    const label = localize({ fr: draft.labelFr, en: draft.labelEn }, store.locale);
    if (!draft.editing && !draft.idEdited && target.name.startsWith('label')) draft.id = label.trim() ? deriveCustomFieldId(label, store.config) : '';
    if (target.name === 'type' && takesOptions(draft.type) && draft.options.length === 0) draft.options.push({ value: '', fr: '', en: '' });
    this.requestUpdate();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.#draft;
    const store = this.#store.value;
    if (!draft || !store) return;
    const { editing } = draft;
    const error = store.edit((config) => (editing ? updateCustomField(config, editing, patchOf(draft)) : addCustomField(config, fieldOf(draft))));
    if (error === undefined) return this.#close();
    this.#errors = this.#describe(store, error);
    await this.updateComplete;
    const first = ORDER.find((name) => this.#errors[name]);
    this.renderRoot.querySelector<HTMLElement>(first === 'options' ? '#options input, #add-option' : first === 'accept' ? '#accept input' : `#${first}`)?.focus();
  }

  // The SDK's issues, keyed by the form control their path points at, worded by the SDK for their code.
  #describe({ config, locale }: EditorStore, error: unknown): Record<string, string> {
    if (!isConfigError(error)) return { general: String(error) };
    const errors: Record<string, string> = {};
    for (const issue of error.issues) errors[controlOf(issue)] ??= issueMessage(issue, config, locale);
    return errors;
  }

  async #confirmRemove(field: CustomField): Promise<void> {
    this.#removing = field;
    // A field another field's condition reads: the dialog says so from the start, not after Remove.
    const store = this.#store.value;
    if (store) {
      try {
        removeCustomField(store.config, field.id);
      } catch (error) {
        this.#setInUse(store, error);
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  // True when `error` is the SDK's field_in_use: the dialog then offers to remove that condition first.
  #setInUse(store: EditorStore, error: unknown): boolean {
    const inUse = isConfigError(error) ? error.issues.find((issue) => issue.code === 'field_in_use') : undefined;
    if (!inUse) return false;
    this.#inUse = { by: String(inUse.params?.['by'] ?? ''), message: issueMessage(inUse, store.config, store.locale) };
    this.requestUpdate();
    return true;
  }

  #onRemoveClose(confirmed: boolean): void {
    const field = this.#removing;
    const store = this.#store.value;
    const error = confirmed && field ? store?.edit((config) => removeCustomField(config, field.id)) : undefined;
    // Another field's condition reads it: the dialog stays, saying so and offering to remove that condition first.
    if (store && this.#setInUse(store, error)) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('dialog [part~="primary"]')?.focus());
      return;
    }
    this.renderRoot.querySelector('dialog')?.close();
    this.#removing = undefined;
    this.#inUse = undefined;
    if (!confirmed || !field) return;
    if (this.#draft?.editing === field.id) this.#draft = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add')?.focus());
  }

  // After field_in_use: removes the condition that reads the field, then asks again to remove the field.
  #removeConditionFirst(): void {
    const store = this.#store.value;
    const by = this.#inUse?.by;
    if (!store || !by) return;
    if (store.edit((config) => setVisibleWhen(config, by, undefined)) === undefined) {
      store.announce(format(store.t.conditionRemoved, { label: labeller(store.config, store.locale)(by) }));
    }
    this.#inUse = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('dialog [part~="primary"]')?.focus());
  }

  #control(name: TextControl, label: string, options: { help?: string; readonly?: boolean; inputmode?: string } = {}) {
    const value = this.#draft?.[name] ?? '';
    const error = this.#errors[name];
    const describedBy = [options.help ? `${name}-help` : '', error ? `${name}-error` : ''].join(' ').trim();
    return html`<div class="control">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        autocomplete="off"
        inputmode=${options.inputmode ?? nothing}
        .value=${live(value)}
        ?readonly=${options.readonly}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
      />
      ${options.help ? html`<p id=${`${name}-help`} part="help">${options.help}</p>` : nothing} ${this.#error(name)}
    </div>`;
  }

  #error(name: string) {
    const error = this.#errors[name];
    return error ? html`<p id=${`${name}-error`} part="error"><span class="vh">${this.#store.value?.t.errorPrefix}</span> ${error}</p>` : nothing;
  }

  // One place up or down, said, the focus on the same button of the option moved (or its other one at an end).
  async #moveOption(draft: FieldDraft, store: EditorStore, from: number, to: number, direction: 'up' | 'down'): Promise<void> {
    const [moved] = draft.options.splice(from, 1);
    if (!moved) return;
    draft.options.splice(to, 0, moved);
    this.requestUpdate();
    store.announce(format(store.t.optionMoved, { n: from + 1, to: to + 1 }));
    await this.updateComplete;
    const row = this.renderRoot.querySelectorAll<HTMLElement>('#options .option')[to];
    (row?.querySelector<HTMLElement>(`[data-move="${direction}"]`) ?? row?.querySelector<HTMLElement>('[data-move]'))?.focus();
  }

  #options(draft: FieldDraft, store: EditorStore) {
    const { t } = store;
    const input = (i: number, key: keyof OptionDraft, label: string) =>
      html`<label class="vh" for=${`o${i}-${key}`}>${label}</label>
        <input id=${`o${i}-${key}`} name=${key} data-option=${i} autocomplete="off" .value=${live(draft.options[i]?.[key] ?? '')} />`;
    return html`<fieldset id="options" aria-describedby=${this.#errors['options'] ? 'options-error' : nothing}>
      <legend>${t.options}</legend>
      ${draft.options.map(
        (_, i) => html`<div class="option">
          ${input(i, 'value', t.optionValue(i + 1))} ${input(i, 'fr', t.optionFr(i + 1))} ${input(i, 'en', t.optionEn(i + 1))}
          <span class="option-actions">
            ${i > 0 ? html`<button type="button" data-move="up" aria-label=${format(t.moveOptionUp, { n: i + 1 })} @click=${() => this.#moveOption(draft, store, i, i - 1, 'up')}>↑</button>` : nothing}
            ${i < draft.options.length - 1 ? html`<button type="button" data-move="down" aria-label=${format(t.moveOptionDown, { n: i + 1 })} @click=${() => this.#moveOption(draft, store, i, i + 1, 'down')}>↓</button>` : nothing}
            <button type="button" aria-label=${t.removeOption(i + 1)} @click=${() => (draft.options.splice(i, 1), this.requestUpdate())}>×</button>
          </span>
        </div>`,
      )}
      <button type="button" id="add-option" @click=${() => (draft.options.push({ value: '', fr: '', en: '' }), this.requestUpdate())}>${t.addOption}</button>
      ${this.#error('options')}
    </fieldset>`;
  }

  #form(draft: FieldDraft, store: EditorStore) {
    const { t } = store;
    // Text boxes, not number inputs: those hand over '' for any text they cannot read (Firefox
    // takes "10 car", Chromium "2e"), and the field was created without its limit, unsaid. What
    // is typed reaches the SDK, which refuses what is not a whole number beside the box.
    const numeric = { inputmode: 'numeric' };
    const textual = takesTextRules(draft.type);
    const title = draft.original ? t.editField(localize(draft.original.label, store.locale)) : t.newField;
    return html`<form part="custom-field-form" novalidate aria-label=${title} @input=${this.#onInput} @submit=${this.#onSubmit}>
      <h3>${title}</h3>
      ${this.#error('general')}
      <div class="control">
        <label for="type">${t.type}</label>
        <select id="type" name="type">
          ${CUSTOM_FIELD_TYPES.map((type) => html`<option value=${type} ?selected=${draft.type === type}>${t.types[type]}</option>`)}
        </select>
        ${this.#error('type')}
      </div>
      <div class="pair">${this.#control('labelFr', t.labelFr)} ${this.#control('labelEn', t.labelEn)}</div>
      ${this.#control('id', t.id, { help: t.idHelp, readonly: draft.editing !== undefined })}
      <div class="pair">${this.#control('helpFr', t.helpFr)} ${this.#control('helpEn', t.helpEn)}</div>
      ${takesOptions(draft.type) ? this.#options(draft, store) : nothing}
      ${textual
        ? html`<div class="control">
              <label for="format">${t.format}</label>
              <select id="format" name="format">
                <option value="" ?selected=${!draft.format}>${t.anyFormat}</option>
                ${CUSTOM_FIELD_FORMATS.map((format) => html`<option value=${format} ?selected=${draft.format === format}>${t.formats[format]}</option>`)}
              </select>
              ${this.#error('format')}
            </div>
            <div class="pair">${this.#control('minLength', t.minLength, numeric)} ${this.#control('maxLength', t.maxLength, numeric)}</div>`
        : nothing}
      ${draft.type === 'file'
        ? fileLimits(store, draft, { control: (name, label, options) => this.#control(name, label, options), error: (name) => this.#error(name), errors: this.#errors })
        : nothing}
      <div class="actions">
        <button type="submit" part="primary">${draft.editing ? t.apply : t.create}</button>
        <button type="button" @click=${() => this.#close()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    const { t, config, locale } = store;
    const full = config.fields.length >= CONFIG_LIMITS.maxFields;
    const removing = this.#removing ? localize(this.#removing.label, locale) : '';
    return html`<h2>${t.customFields}</h2>
      ${config.customFields.length
        ? html`<ul part="custom-list">
            ${config.customFields.map((field) => {
              const label = localize(field.label, locale);
              return html`<li data-custom-id=${field.id}>
                <span class="name">${label}</span>
                <span part="help">${t.types[field.type]} · ${field.id}</span>
                <button type="button" aria-label=${t.editField(label)} @click=${() => this.#open(field)}>${t.edit}</button>
                <button type="button" aria-label=${t.removeField(label)} @click=${() => this.#confirmRemove(field)}>${t.remove}</button>
              </li>`;
            })}
          </ul>`
        : html`<p part="help">${t.noCustomFields}</p>`}
      ${this.#draft
        ? this.#form(this.#draft, store)
        : html`<button type="button" id="add" ?disabled=${full} @click=${() => this.#open()}>${t.addField}</button>`}
      <dialog part="dialog" aria-labelledby="confirm-text" @close=${() => ((this.#removing = undefined), (this.#inUse = undefined))}>
        <p id="confirm-text">${this.#inUse ? this.#inUse.message : this.#removing ? t.confirmRemove(removing) : ''}</p>
        <div class="actions">
          ${this.#inUse
            ? html`<button type="button" part="primary" @click=${() => this.#removeConditionFirst()}>
                ${format(t.removeConditionOf, { label: labeller(config, locale)(this.#inUse.by) })}
              </button>`
            : html`<button type="button" part="primary" @click=${() => this.#onRemoveClose(true)}>${t.remove}</button>`}
          <button type="button" autofocus @click=${() => this.#onRemoveClose(false)}>${t.cancel}</button>
        </div>
      </dialog>`;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'ffc-custom-fields': FfcCustomFields;
  }
}
