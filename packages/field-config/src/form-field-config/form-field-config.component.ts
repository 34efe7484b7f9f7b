import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { LocaleController } from '@account-request/form/locale.js';
import { createClient, defaultConfig } from '@account-request/sdk';
import type { AccountRequestClient, ConfigIssue, FormConfig } from '@account-request/sdk';
import { editorContext, type Edit, type EditorStore } from '../context.js';
import { ConfigSyncController } from '../controllers/config-sync.js';
import { HistoryController } from '../controllers/history.js';
import { LookupCapabilitiesController } from '../controllers/lookup-capabilities.js';
import { FieldConfigChangeEvent } from '../events/field-config-change.js';
import { FieldConfigErrorEvent } from '../events/field-config-error.js';
import { FieldConfigSaveEvent } from '../events/field-config-save.js';
import { strings } from '../i18n.js';
import { sharedStyles } from '../shared.styles.js';
import { defineInternalElements } from '../internal-elements.js';
import { loadPreviewForm } from '../preview/load-form.js';
import { formFieldConfigStyles } from './form-field-config.styles.js';
import { issueMessage } from '../labels.js';
import type { FfcSettings } from '../settings/settings.js';

// Keys typed in these go to the control (its own undo), not to the editor's history.
function isTextEntry(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/**
 * The admin editor of the B2B account-request form: the field list (shown, required, order by
 * drag and drop or keyboard), custom fields, settings, and an optional live preview. Every
 * change is one of the SDK's pure edits, so the config's rules hold while editing.
 *
 * @summary Drag-and-drop editor of the account-request form's fields and settings.
 *
 * @attr lang - UI locale (`fr`, `en`…); default: the nearest ancestor's `lang`, then the document's, then `en`.
 *
 * @event field-config-change - After every edit of the draft (also undo, redo, revert); detail `{ config }`.
 * @event field-config-save - After a successful save; detail `{ config }`, the config as stored.
 * @event field-config-error - When loading or saving failed (the draft is kept); detail `{ error }`.
 *
 * @csspart toolbar - The bar with undo, redo, discard and save.
 * @csspart undo - The undo button.
 * @csspart redo - The redo button.
 * @csspart revert - The button that discards unsaved changes.
 * @csspart save - The save button.
 * @csspart primary - Main buttons (save, add, confirm).
 * @csspart status - The save status ("Unsaved changes", "Saved.").
 * @csspart alert - Errors of loading and saving, and the conflict choice.
 * @csspart conflict - The conflict panel shown after a 412.
 * @csspart layout - The grid holding the editor and the preview.
 * @csspart editor - The column of field list, custom fields and settings.
 * @csspart table - The field list table.
 * @csspart row - One row of the field list (`data-field-id` names the field).
 * @csspart locked - A row that is always displayed and required (with `row`).
 * @csspart step - A step break's row (with `row`): a new step of the form starts at the field below it.
 * @csspart handle - The drag handle of a row, a button that also moves it with the arrow keys.
 * @csspart label - The cell naming a row's field.
 * @csspart badge - The "custom" marker of a custom field's row.
 * @csspart reason - Why a locked row cannot change (and what displaying the customer type does).
 * @csspart condition - When a field is shown, in words ("Shown only when Country is France"), under its name.
 * @csspart step-form - The form that adds a step break or edits one (titles, the field it starts at).
 * @csspart help - Help texts.
 * @csspart error - Error messages.
 * @csspart custom-list - The list of custom fields.
 * @csspart custom-field-form - The form that adds or edits a custom field.
 * @csspart dialog - The modal dialogs: the confirmation of a removal, and a field's "Show only when…" condition.
 * @csspart preview - The preview pane.
 * @csspart preview-form - The `<account-request-form>` of the preview.
 *
 * @cssproperty --ffc-accent-color - Focus rings, primary buttons, checkboxes. Default `#1d4ed8`.
 * @cssproperty --ffc-accent-contrast - Text on primary buttons. Default `#fff`.
 * @cssproperty --ffc-surface - Background of buttons and inputs. Default `#fff`.
 * @cssproperty --ffc-border-color - Borders of controls. Default `#767b85`.
 * @cssproperty --ffc-row-border-color - Lines between rows. Default `#dde0e5`.
 * @cssproperty --ffc-muted-color - Help texts and locked rows. Default `#575c66`.
 * @cssproperty --ffc-locked-background - Background of locked rows. Default `#eef0f3`.
 * @cssproperty --ffc-drop-background - The row being dragged, at its drop place. Default `#dbe6ff`.
 * @cssproperty --ffc-badge-background - Background of the "custom" marker. Default `#e3e8f4`.
 * @cssproperty --ffc-badge-color - Text of the "custom" marker. Default `#243a73`.
 * @cssproperty --ffc-error-color - Error messages and invalid inputs. Default `#b3261e`.
 * @cssproperty --ffc-radius - Corner radius of controls. Default `6px`.
 * @cssproperty --ffc-gap - Space between sections. Default `1rem`.
 * @cssproperty --ffc-preview-width - Width of the preview column. Default `26rem`.
 */
export class FormFieldConfig extends LitElement {
  static override properties = {
    configSrc: { attribute: 'config-src' },
    lang: {},
    preview: { type: Boolean, reflect: true },
    config: { attribute: false, noAccessor: true },
    client: { attribute: false },
  };

  static override styles = [sharedStyles, formFieldConfigStyles];

  /** URL to GET the config from and PUT it back to (with `If-Match`), e.g. `/api/account-requests/config`. */
  declare configSrc: string | undefined;
  /** Shows a live `<account-request-form>` fed with the draft beside the editor. */
  declare preview: boolean;
  /**
   * An SDK client to load and save the config with, used as is (timeouts, retries, headers such
   * as `Authorization`, `fetch`); it GETs and PUTs its own `configUrl`, so give it the URL of
   * `config-src`, which still decides that the editor loads and saves. Default:
   * `createClient({ base: '', configUrl: configSrc })` (the SDK's 15 s timeout).
   */
  declare client: AccountRequestClient | undefined;

  #draft: FormConfig | undefined;
  #announcement = '';
  #explicit = false;
  #guarding = false;
  /** The status says the other version was loaded, until the next edit. */
  #reloaded = false;
  #defaultClient?: { readonly src: string; readonly api: AccountRequestClient };
  readonly #history = new HistoryController<FormConfig>(this);
  readonly #provider = new ContextProvider(this, { context: editorContext });
  readonly #lang = new LocaleController(this);
  readonly #lookups = new LookupCapabilitiesController(this, () => this.configSrc);
  readonly #sync = new ConfigSyncController(this, () => this.#api(), {
    loaded: (config) => {
      this.#draft = config;
      this.#history.clear();
      this.#publish();
    },
    stored: (sent, stored) => {
      // The server returns the config normalized; edits made while saving stay a draft.
      if (this.#draft === sent) this.#draft = stored;
      this.#publish();
      this.#emit(new FieldConfigSaveEvent({ config: stored }));
    },
    reloaded: (config) => {
      // Recorded, so that undo brings one's own draft back.
      if (this.#draft) this.#history.record(this.#draft);
      this.#setDraft(config);
    },
    failed: (error) => this.#emit(new FieldConfigErrorEvent({ error })),
  });

  constructor() {
    super();
    defineInternalElements();
    this.configSrc = undefined;
    this.preview = false;
    this.client = undefined;
    this.addEventListener('keydown', this.#onKeydown);
  }

  /** The draft config (every edit replaces it). Setting it loads that config: it wins over `config-src`. */
  get config(): FormConfig | undefined {
    return this.#draft;
  }

  set config(value: FormConfig | undefined) {
    this.#explicit = value !== undefined;
    if (value !== undefined) this.#sync.take(value);
  }

  /** True while the draft differs from the last config loaded or saved. */
  get dirty(): boolean {
    return this.#draft !== this.#sync.saved;
  }

  /** True when {@link undo} has a step to take back. */
  get canUndo(): boolean {
    return this.#history.canUndo;
  }

  /** True when {@link redo} has a step to take again. */
  get canRedo(): boolean {
    return this.#history.canRedo;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#guard();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    this.#guarding = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('configSrc') && this.configSrc && !this.#explicit) void this.#sync.load();
    else if (!this.#draft && !this.configSrc && !this.#explicit && this.#sync.status === 'idle') this.#sync.take(defaultConfig());
    // The preview's form is fetched while the config loads, not once the editor shows the pane
    // (which says so itself if the fetch failed, and tries again).
    if (changed.has('preview') && this.preview) loadPreviewForm().catch(() => undefined);
    this.#publish();
  }

  protected override updated(): void {
    this.#guard();
  }

  // The tag as inherited: the registry resolves it (a language a page registered counts too).
  get #locale(): string {
    return this.#lang.lang;
  }

  #api(): AccountRequestClient {
    if (this.client) return this.client;
    const src = this.configSrc ?? '';
    // config-src names the config URL itself; only loadConfig and saveConfig are used, not the base.
    if (this.#defaultClient?.src !== src) this.#defaultClient = { src, api: createClient({ base: '', configUrl: src }) };
    return this.#defaultClient.api;
  }

  /** Shares the current state with the internal elements, when it changed. */
  #publish(): void {
    const [draft, { saved, etag }, locale, lookups] = [this.#draft, this.#sync, this.#locale, this.#lookups.status];
    // A new Strings object when the words change (another language, or its chunk arrived).
    const t = strings(locale);
    const current = this.#provider.value;
    if (!draft || !saved || (current?.config === draft && current.saved === saved && current.etag === etag && current.locale === locale && current.t === t && current.lookups === lookups)) return;
    const store: EditorStore = { config: draft, saved, etag, locale, t, edit: this.#edit, announce: this.#announce, lookups };
    this.#provider.setValue(store);
  }

  #setDraft(next: FormConfig): void {
    this.#draft = next;
    this.#reloaded = false;
    this.#settingsInvalid = false;
    this.#sync.edited();
    this.#publish();
    this.requestUpdate();
    this.#emit(new FieldConfigChangeEvent({ config: next }));
  }

  readonly #edit = (edit: Edit): unknown => {
    const current = this.#draft;
    if (!current) return new Error('No config loaded');
    let next: FormConfig;
    try {
      next = edit(current);
    } catch (error) {
      return error;
    }
    if (next !== current) {
      this.#history.record(current);
      this.#setDraft(next);
    }
    return undefined;
  };

  readonly #announce = (message: string): void => {
    // The same text twice in a row would not be read again: make it differ.
    this.#announcement = this.#announcement === message ? `${message}\u00a0` : message;
    this.requestUpdate();
  };

  // One place that dispatches: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named `arg`.
  #emit(event: Event): void {
    this.dispatchEvent(event);
  }

  #guard(): void {
    const dirty = this.isConnected && this.dirty;
    if (dirty === this.#guarding) return;
    this.#guarding = dirty;
    if (dirty) window.addEventListener('beforeunload', this.#onBeforeUnload);
    else window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    const key = event.key.toLowerCase();
    if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return;
    const path = event.composedPath();
    // A modal dialog holds the focus: the draft behind it does not change.
    if (isTextEntry(path[0]) || path.some((node) => node instanceof HTMLDialogElement && node.open)) return;
    event.preventDefault();
    const redo = key === 'y' || event.shiftKey;
    if (redo) this.redo();
    else this.undo();
    void this.#keepFocus(path[0], redo ? 'redo' : 'undo');
  };

  // The rows an undo or redo moves or takes away lose the focus with them (a moved node is
  // blurred): it goes back to the same control of the same row, or to the toolbar's button.
  async #keepFocus(target: EventTarget | undefined, fallback: 'undo' | 'redo'): Promise<void> {
    if (!(target instanceof HTMLElement)) return;
    const row = target.closest('tr');
    const id = row?.dataset['fieldId'];
    const step = row?.dataset['step'];
    const control = target.getAttribute('part')?.split(' ')[0] ?? '';
    const rows = this.renderRoot.querySelector('ffc-field-rows');
    await this.updateComplete;
    await (rows as LitElement | null)?.updateComplete;
    const focused = (root: DocumentOrShadowRoot | null | undefined) => root?.activeElement;
    if (target.isConnected && (focused(rows?.shadowRoot) === target || focused(target.getRootNode() as ShadowRoot) === target)) return;
    const selector = id !== undefined ? `tr[data-field-id="${CSS.escape(id)}"]` : step !== undefined ? `tr[data-step="${CSS.escape(step)}"]` : undefined;
    const again = selector && control ? rows?.shadowRoot?.querySelector<HTMLElement>(`${selector} [part~="${CSS.escape(control)}"]`) : undefined;
    (again ?? this.renderRoot.querySelector<HTMLElement>(`[part~="${fallback}"]`))?.focus();
  }

  /**
   * Saves the draft: PUT to `config-src` with `If-Match`, or, without `config-src`, takes the
   * draft as saved and lets the page store it from `field-config-save`. Resolves to `true` on
   * success; on failure the draft is kept, the reason shown and `field-config-error` fired.
   */
  save(): Promise<boolean> {
    const draft = this.#draft;
    if (!draft) return Promise.resolve(false);
    if (this.configSrc) return this.#sync.save(draft);
    this.#sync.saveLocally(draft);
    return Promise.resolve(true);
  }

  // The toolbar's buttons say they cannot act (aria-disabled) rather than being disabled: one
  // that disabled itself as it acted (Save while saving, Undo at the first step) dropped the
  // focus to the page. A second press of Save while saving does nothing.
  #onSave = (): void => {
    if (this.#sync.status === 'saving') return;
    this.#settingsInvalid = this.renderRoot.querySelector<FfcSettings>('ffc-settings')?.focusInvalid() === true;
    if (this.#settingsInvalid) this.requestUpdate();
    else void this.save();
  };
  #settingsInvalid = false;

  /** Goes back to the last config loaded or saved (itself a step that undo takes back). */
  revert(): void {
    const { saved } = this.#sync;
    if (this.#draft && saved && this.dirty) this.#edit(() => saved);
  }

  /** Takes back the last edit. */
  undo(): void {
    const previous = this.#draft && this.#history.undo(this.#draft);
    if (previous) this.#setDraft(previous);
  }

  /** Takes again the last edit undone. */
  redo(): void {
    const next = this.#draft && this.#history.redo(this.#draft);
    if (next) this.#setDraft(next);
  }

  #alert() {
    const t = strings(this.#locale);
    if (this.#settingsInvalid) return html`<p>${t.settingsInvalid}</p>`;
    switch (this.#sync.status) {
      case 'load-error':
        return html`<p>${t.loadFailed}</p>${this.#issueList()}`;
      case 'conflict':
        return html`<div part="conflict">
          <p>${t.conflict}</p>
          <button type="button" @click=${() => this.#resolve(this.#sync.reloadTheirs(), true)}>${t.reloadTheirs}</button>
          <button type="button" part="primary" @click=${() => this.#draft && this.#resolve(this.#sync.overwrite(this.#draft))}>${t.overwrite}</button>
        </div>`;
      case 'invalid':
        return html`<p>${t.invalid}</p>${this.#issueList()}`;
      case 'network':
        return html`<p>${t.network}</p>`;
      case 'too-large':
        return html`<p>${t.tooLarge}</p>`;
      case 'denied':
        return html`<p>${t.denied}</p>`;
      case 'failed':
        return html`<p>${t.failed}</p>`;
      default:
        return nothing;
    }
  }

  // The conflict panel (and the focused button) goes: focus moves to the status, which says what happened.
  async #resolve(done: Promise<void>, reload = false): Promise<void> {
    await done;
    this.#reloaded = reload && this.#sync.status === 'idle';
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="status"]')?.focus();
  }

  #issueList() {
    const locale = this.#locale;
    const config = this.#draft ?? defaultConfig();
    // A server that names no rule (`invalid`) gets its own words shown.
    const say = (issue: ConfigIssue) => (issue.code === 'invalid' ? issue.message : issueMessage(issue, config, locale));
    const { issues } = this.#sync;
    return issues.length ? html`<ul>${issues.map((issue) => html`<li>${issue.path.join('.')}: ${say(issue)}</li>`)}</ul>` : nothing;
  }

  override render() {
    const t = strings(this.#locale);
    const { status } = this.#sync;
    const said = status === 'saving' ? t.saving : status === 'saved' ? t.saved : this.#reloaded ? t.reloaded : this.dirty ? t.unsaved : status === 'loading' ? t.loading : '';
    return html`${this.#draft
        ? html`<div part="toolbar">
            <button type="button" part="undo" aria-keyshortcuts="Control+Z Meta+Z" aria-disabled=${String(!this.canUndo)} @click=${this.undo}>${t.undo}</button>
            <button type="button" part="redo" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y" aria-disabled=${String(!this.canRedo)} @click=${this.redo}>${t.redo}</button>
            <button type="button" part="revert" aria-disabled=${String(!this.dirty)} @click=${this.revert}>${t.revert}</button>
            <button type="button" part="save primary" aria-disabled=${String(status === 'saving')} @click=${this.#onSave}>${t.save}</button>
          </div>`
        : nothing}
      <p part="status" role="status" tabindex="-1">${said}</p>
      <div part="alert" role="alert">${this.#alert()}</div>
      ${this.#draft
        ? html`<div part="layout">
            <div part="editor">
              <ffc-field-rows exportparts="table, row, locked, step, handle, label, badge, reason, condition, step-form, dialog, primary, help, error"></ffc-field-rows>
              <ffc-custom-fields exportparts="custom-list, custom-field-form, dialog, primary, help, error"></ffc-custom-fields>
              <ffc-settings exportparts="help, error"></ffc-settings>
            </div>
            ${this.preview ? html`<ffc-preview part="preview" exportparts="form: preview-form"></ffc-preview>` : nothing}
          </div>`
        : nothing}
      <p class="vh" aria-live="polite">${this.#announcement}</p>`;
  }
}
