import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { createClient, dependentFields, handlerUrl, HONEYPOT_FIELD, isSafeRedirectUrl, localize, preparePlurals, resolveConfirmation, resolveFields, validateField, validateSubmission } from '@account-request/sdk';
import type { AccountRequestClient, FieldError, FormConfig, ResolvedField, SubmissionEnctype, SubmissionFailureReason, SubmissionValues } from '@account-request/sdk';
import { ConfigLoader } from '../controllers/config-loader.js';
import type { ConfigState } from '../controllers/config-loader.js';
import { DRAFT_KEY_PREFIX, DraftController } from '../controllers/draft.js';
import type { DraftMode } from '../controllers/draft.js';
import { FeedbackController } from '../controllers/feedback.js';
import { FirstScreens } from '../controllers/first-screens.js';
import { LocaleController } from '../controllers/locale.js';
import { SubmissionController } from '../controllers/submission.js';
import { BotCheckController } from '../controllers/bot-check.js';
import { AdaptiveController, fileFingerprint } from '../controllers/adaptive.js';
import { LOOKUP_FIELDS, LookupsController } from '../controllers/lookups.js';
import { whenIdle } from '../controllers/when-idle.js';
import { AccountRequestConfigErrorEvent } from '../events/config-error.js';
import { AccountRequestErrorEvent } from '../events/error.js';
import { AccountRequestSubmitEvent } from '../events/submit.js';
import { AccountRequestSuccessEvent } from '../events/success.js';
import { renderHoneypot } from '../fields/honeypot.js';
import { fieldIds, renderField } from '../fields/index.js';
import type { FieldValue } from '../fields/index.js';
import { duration, failureText, formStrings } from '../i18n.js';
import type { FormStrings } from '../i18n.js';
import { adoptLightDomStyles, shadowStyles } from './account-request-form.styles.js';
import { FieldValues, readControl, staysInGroup, unreadableIds } from './form-values.js';
import type { PrefillValues } from './form-values.js';

let instances = 0;
const CONFIRMED = 'confirmed';

/**
 * An embeddable B2B account-request form: fields, order and required flags come from a
 * config; validation, messages and the network go through `@account-request/sdk`.
 *
 * A long form (more than 48 displayed fields) renders its first 24 fields, lets the browser
 * paint them, then renders the rest in the next task; `updateComplete` resolves once every
 * field is in the DOM, and `reportValidity()` or a submit shows the rest at once.
 *
 * What is checked and sent is what the controls hold: a value an autofill or a script put in a
 * control without an `input` event is taken in by `checkValidity()`, `reportValidity()` and a
 * submit, and kept on screen.
 *
 * @tagname account-request-form
 * @summary The account-request form a customer fills in to ask for a professional account.
 *
 * @slot success - Replaces the default confirmation shown after a successful request.
 * @slot disabled - Shown instead of the form when the config has `enabled: false`; without it, the sentence "Account requests are closed for now." in the form's language (part `closed`).
 *
 * @event {AccountRequestSubmitEvent} account-request-submit - Cancelable; `detail.values` are the validated values about to be posted.
 * @event {AccountRequestSuccessEvent} account-request-success - The server accepted the request; `detail.response` is `{ id, status, access }`.
 * @event {AccountRequestErrorEvent} account-request-error - A submission failed; `detail` is `{ error, kind: 'validation' | 'network' | 'server' }`.
 * @event {AccountRequestConfigErrorEvent} account-request-config-error - The config could not be loaded or is invalid; `detail.error` says why.
 *
 * @csspart base - The wrapper of the loading and config-error states.
 * @csspart loading - The loading placeholder (reserves height, `aria-busy`).
 * @csspart config-error - The message shown when the config cannot be used.
 * @csspart form - The `<form>`.
 * @csspart required-legend - The line explaining the required marker.
 * @csspart field - Each field wrapper (a `<fieldset>` for radio groups, which also get `group`).
 * @csspart group - Radio-group fieldsets.
 * @csspart label - Each field label (the `<legend>` of a radio group).
 * @csspart marker - The visible required marker.
 * @csspart input - Each native control (`input`, `select`, `textarea`).
 * @csspart option-label - The label of one radio option.
 * @csspart help - Help texts.
 * @csspart error - Error messages.
 * @csspart confirm - The wrapper of the "I confirm the information above" checkbox.
 * @csspart bot-check - The anti-robot check's widget, when the config switches it on (`settings.botCheck`) and an `action` names the handler to ask.
 * @csspart lookup - After the SIRET field, when the server has a company directory: the polite live region offering the company found.
 * @csspart lookup-accept - The offer's "Fill in" button (also `lookup-decline`, and `lookup-replace` / `lookup-keep` of the second question).
 * @csspart vat-offer - The VAT number derived from the SIRET, offered while the VAT field is empty (its button: `vat-accept`).
 * @csspart warning - A note that never blocks the request: a closed establishment, a VAT number of another company.
 * @csspart suggestions - The listbox of address suggestions under the street field (each option: `suggestion`).
 * @csspart step-heading - In a form in steps: the `<h2>` of the current step, focused on Next and Back (holds `progress` and `step-title`).
 * @csspart progress - "Step 2 of 3".
 * @csspart step-title - The current step's title.
 * @csspart summary - On the last step: the answers of the earlier steps (each row: `answer`; its button: `change`).
 * @csspart answer - One answer of the summary (a question, the answer, a `change` button).
 * @csspart change - The "Change" button of an answer: goes back to its step and field.
 * @csspart back - The Back button of a form in steps.
 * @csspart next - The Next button of a form in steps (the submit button on the last step).
 * @csspart file-hint - Under a file field: the kinds, size and number of files it takes.
 * @csspart file-again - After a reload: the files to choose again (a draft keeps no file).
 * @csspart file-list - The list of the files chosen for a file field (each: `file`).
 * @csspart file - One chosen file: its name, its size and its `remove` button.
 * @csspart remove - The button that takes a file off the list.
 * @csspart actions - The row holding the buttons.
 * @csspart submit - The submit button.
 * @csspart retry - The retry button shown after a network or server failure.
 * @csspart status - The polite live region (sending, failures, error summary).
 * @csspart confirmation - The confirmation shown after success.
 * @csspart closed - The sentence shown instead of the form when the config has `enabled: false` and the page slotted nothing.
 *
 * @cssproperty --arf-font - Font family (default: inherited).
 * @cssproperty --arf-font-size - Base font size (default `1rem`).
 * @cssproperty --arf-color-text - Text color (default `#1f2328`).
 * @cssproperty --arf-color-muted - Help and legend text color (default `#57606a`).
 * @cssproperty --arf-color-background - Control background (default `#fff`).
 * @cssproperty --arf-color-border - Control border color (default `#6e7781`).
 * @cssproperty --arf-color-accent - Buttons and checked controls (default `#1d4ed8`).
 * @cssproperty --arf-color-accent-text - Text on the accent color (default `#fff`).
 * @cssproperty --arf-color-error - Errors and required markers (default `#b3261e`).
 * @cssproperty --arf-color-warning - Warnings that do not block the request (default `#7a4100`).
 * @cssproperty --arf-radius - Corner radius of controls and buttons (default `0.375rem`).
 * @cssproperty --arf-spacing - Space between fields (default `1rem`).
 * @cssproperty --arf-focus-ring - Outline of focused controls (default `3px solid #1d4ed8`).
 * @cssproperty --arf-input-max-width - Maximum inline size of controls (default `36rem`).
 * @cssproperty --arf-loading-min-height - Height reserved while the config loads (default `24rem`).
 */
export class AccountRequestForm extends LitElement {
  static override styles = shadowStyles;

  static override properties = {
    config: { attribute: false },
    configSrc: { attribute: 'config-src' },
    action: {},
    enctype: {},
    lang: { reflect: true },
    draft: {},
    lightDom: { type: Boolean, attribute: 'light-dom', reflect: true },
    values: { attribute: false },
    readonlyFields: { attribute: 'readonly-fields' },
    client: { attribute: false },
  };

  readonly #prefix = `arf${++instances}`;
  readonly #loader = new ConfigLoader(this, (state) => this.#configSettled(state));
  readonly #submission = new SubmissionController(this, () => this.#announceFailure());
  readonly #draftStore = new DraftController(this, () => ({ mode: this.#draftMode, key: this.#draftKey }));
  readonly #feedback = new FeedbackController(this, (id) => this.#check(id));
  readonly #lang = new LocaleController(this);
  readonly #botCheck = new BotCheckController(this);
  readonly #firstScreens = new FirstScreens(this);
  // Company and address lookups (issue 14), only with a server to ask: an action or a client.
  readonly #lookups = new LookupsController({
    element: this,
    prefix: this.#prefix,
    root: () => this.renderRoot,
    locale: () => this.#locale,
    fields: () => this.#fields(),
    fillable: (id) => !this.#fixed.has(id) && this.#adaptive.shown().some((field) => field.id === id),
    value: (id) => this.#values.get(id),
    fill: (values) => this.#fill(values),
    client: () => this.client ?? (this.action ? this.#actionUrl : undefined),
  });
  readonly #values = new FieldValues();
  // Conditional fields, steps and file fields (issue 13): the last two load as chunks on demand.
  readonly #adaptive = new AdaptiveController({
    element: this,
    prefix: this.#prefix,
    root: () => this.renderRoot,
    config: () => this.#config,
    fields: () => this.#fields(),
    values: () => this.#values.all,
    locale: () => this.#locale,
    strings: () => this.#strings,
    check: (ids) => this.#checkFields(ids),
    focusField: (id) => void ((this.#focus = id), this.requestUpdate()),
    chooseFiles: (id, files) => this.#chooseFiles(id, files),
    again: (id) => this.#values.again(id),
    error: (id) => this.#feedback.message(id),
    fixed: (id) => this.#fixed.has(id),
    announce: (text) => this.#announce(text),
  });
  // `elsewhere`: an error summary (the server's messages for no field shown), reworded on each
  // render from the errors shown (their count, the language) and cleared once none is left.
  #status: { text: string; error: boolean; seq: number; elsewhere?: readonly string[] } = { text: '', error: false, seq: 0 };
  #focus: string | undefined;
  // Keyed by the words (FormStrings change when the locale or the registry's tables do).
  #fieldsMemo: { config: FormConfig; strings: FormStrings; fields: ResolvedField[] } | undefined;
  #renderedStrings: FormStrings | undefined;
  #pluralsFor: string | undefined;

  /** A config object (raw JSON or normalized); wins over `config-src` and the inline script. Always passed through the SDK's `parseConfig`. */
  declare config: FormConfig | Readonly<Record<string, unknown>> | undefined;
  /** URL of the config JSON (loaded through the SDK client when no `.config` is set). */
  declare configSrc: string | undefined;
  /** Submission URL: the base of the account-request handler. Also keys the draft, and the bot check asks `{action}/challenge` (none shows without it). */
  declare action: string;
  /** How the values are posted: `application/json` (default), `application/x-www-form-urlencoded` or `multipart/form-data`. */
  declare enctype: SubmissionEnctype;
  /** Where typed values wait until a request succeeds: `local` (default), `session` or `off`. */
  declare draft: DraftMode;
  /** Render without a shadow root, so page CSS applies and password managers see the inputs. Read once, when the element first connects. */
  declare lightDom: boolean;
  /** Prefill values by field id. A restored draft wins for the fields the person typed; checkboxes and the password are never prefilled. */
  declare values: PrefillValues | undefined;
  /**
   * Ids of one-line fields (space- or comma-separated) shown with the `readonly` attribute: their
   * value is the prefill from `.values`, which the person can read and send but not change (an
   * invitation fixes the e-mail address this way). A server must still check such a value.
   */
  declare readonlyFields: string | undefined;
  /** An SDK client to submit with, used as is (timeouts, retries, headers, `fetch`). Default: `createClient({ base: action, retry: 0 })`; the element then retries network failures, timeouts and 502-504 twice itself, saying so, and leaves a 429 to the person once `Retry-After` has passed. */
  declare client: AccountRequestClient | undefined;
  /** Locale of the texts: a built-in language (`fr`, `en`, `de`, `es`, `it`, `nl`, `pt`) or one registered with `registerLocale`; other tags fall back to `en`. Default: the nearest ancestor's `lang` (across shadow roots), then the document's, then `en`. */
  declare lang: string;

  constructor() {
    super();
    this.action = '';
    this.enctype = 'application/json';
    this.draft = 'local';
    this.lightDom = false;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.hasAttribute('light-dom') ? this : super.createRenderRoot();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // In light DOM, its rules go to the tree it is in: moved into a shadow root, they follow.
    if (this.renderRoot === this) adoptLightDomStyles(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.#loader.stale || changed.has('config') || changed.has('configSrc')) this.#loader.load({ config: this.config, src: this.configSrc });
    this.#adaptive.sync();
    // The widget's chunk is fetched only for a config that asks for the bot check.
    this.#botCheck.sync(this.#botChecked);
    // A field fixed at run time (an invitation read after the draft came back) shows the host's value.
    if ((changed.has('values') || changed.has('readonlyFields')) && this.hasUpdated) this.#values.prefill(this.#fields(), this.values, this.#fixed);
    const strings = this.#strings;
    // Shown messages were worded in the previous language (or before its chunk arrived).
    if (this.#renderedStrings !== undefined && this.#renderedStrings !== strings) this.#feedback.recheck();
    this.#renderedStrings = strings;
    const status = this.#status;
    if (status.elsewhere) {
      const count = this.#feedback.invalidIn(this.#order()).length;
      const text = [count ? strings.summary(count) : '', ...status.elsewhere].join(' ').trim();
      this.#status = text ? { ...status, text } : { text, error: false, seq: status.seq };
    }
  }

  // Resolves once every field is in the DOM, those a long form renders after its first screens included.
  protected override async getUpdateComplete(): Promise<boolean> {
    const rest = this.#firstScreens.rest;
    if (rest) await rest;
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    this.dataset['state'] = this.#viewState();
    const target = this.#focus;
    this.#focus = undefined;
    if (target === 'confirmation') this.#confirmationTarget()?.focus();
    else if (target) this.#control(target)?.focus();
    // The error summary is a plural: its rules load while the person reads, not on their first submit.
    const locale = this.#locale;
    if (this.#config && this.#pluralsFor !== locale) {
      this.#pluralsFor = locale;
      whenIdle(() => preparePlurals(locale));
    }
  }

  // The tag as inherited: the registry resolves it (a language a page registered counts too).
  get #locale(): string {
    return this.#lang.lang;
  }

  get #strings(): FormStrings {
    return formStrings(this.#locale);
  }

  get #config(): FormConfig | undefined {
    const state = this.#loader.state;
    return state.status === 'ready' ? state.config : undefined;
  }

  get #fixed(): ReadonlySet<string> {
    return new Set((this.readonlyFields ?? '').split(/[\s,]+/).filter(Boolean));
  }

  get #draftMode(): DraftMode {
    return this.draft === 'session' || this.draft === 'off' ? this.draft : 'local';
  }

  get #actionUrl(): string {
    return new URL(this.action || '', document.baseURI).href;
  }

  // The bot check asks the handler beside `action` for its challenges: without one (the editor's
  // preview, which sends nothing) there is none to ask, and the widget would only fail.
  get #botChecked(): boolean {
    return this.#config?.settings.botCheck === true && !!this.action;
  }

  // The handler's challenge route, beside the submission URL.
  get #challengeUrl(): string {
    return handlerUrl(this.#actionUrl, '/challenge');
  }

  // Two forms posting to one handler on a page keep apart when they have ids.
  get #draftKey(): string {
    return DRAFT_KEY_PREFIX + this.#actionUrl + (this.id ? `#${this.id}` : '');
  }

  // The ids a submission checks, in display order: the fields, then the box.
  #order(): string[] {
    return [...this.#fields().map((field) => field.id), CONFIRMED];
  }

  #fields(): ResolvedField[] {
    const config = this.#config;
    if (!config) return [];
    const strings = this.#strings;
    if (this.#fieldsMemo?.config !== config || this.#fieldsMemo.strings !== strings) {
      // The SDK's resolved fields read an absent optional key (help, options…) as absent, even from a polluted Object.prototype.
      this.#fieldsMemo = { config, strings, fields: resolveFields(config, { locale: this.#locale }) };
    }
    return this.#fieldsMemo.fields;
  }

  #configSettled(state: ConfigState): void {
    if (state.status === 'error') {
      this.#emit(new AccountRequestConfigErrorEvent({ error: state.error }));
    } else if (state.status === 'ready') {
      const draft = this.#draftStore.load();
      if (draft) this.#submission.restoreKey(draft.idempotencyKey);
      this.#values.adopt(this.#fields(), draft, this.values, this.#fixed);
    }
  }

  #check(id: string): FieldError | undefined {
    const config = this.#config;
    if (!config) return undefined;
    const value = id === CONFIRMED ? this.#values.confirmed : this.#values.get(id);
    return validateField(config, id, value, { locale: this.#locale, values: this.#values.all, unreadable: unreadableIds([this.#control(id)]) });
  }

  #onInput = (event: Event): void => {
    const control = readControl(event.target);
    if (control) this.#took(control);
  };

  // What the controls hold, taken in before everything is checked: an autofill or a script may
  // fill a control without an input event, and what the person sees is what is checked and sent
  // (else the next render would put the old value back).
  #takeControls(): void {
    const ids = new Set(this.#order());
    for (const element of this.renderRoot.querySelector('form')?.elements ?? []) {
      const control = readControl(element);
      // Only the fields' own controls: not the bot check's hidden input, for one.
      if (control && ids.has(control.id) && control.value !== (control.id === CONFIRMED ? this.#values.confirmed : this.#values.get(control.id))) this.#took(control);
    }
  }

  #took(control: { id: string; value: FieldValue }): void {
    if (control.id === CONFIRMED) this.#values.confirmed = control.value === true;
    else {
      this.#values.input(control.id, control.value);
      this.#saveDraft();
      this.#adaptive.answered();
    }
    this.#feedback.input(control.id);
    // Fields checked against this one (a postal code against the country) are checked again.
    const config = this.#config;
    if (config) for (const id of dependentFields(config, control.id)) this.#feedback.input(id);
    this.requestUpdate();
  }

  // Values the person accepted from a lookup, kept as if typed (draft, feedback, dependent checks).
  #fill(values: Readonly<Record<string, string>>): void {
    const config = this.#config;
    for (const [id, value] of Object.entries(values)) {
      this.#values.input(id, value);
      this.#feedback.input(id);
      if (config) for (const dependent of dependentFields(config, id)) this.#feedback.input(dependent);
    }
    this.#saveDraft();
    this.#adaptive.answered();
    this.requestUpdate();
  }

  #saveDraft(): void {
    const fields = this.#fields();
    this.#draftStore.save({ idempotencyKey: this.#submission.idempotencyKey, values: this.#values.draftValues(fields), files: this.#values.draftFiles(fields) });
  }

  // Files chosen or removed: checked at once (type, size and count said before anything is sent).
  #chooseFiles(id: string, files: readonly File[]): void {
    this.#values.input(id, files);
    this.#saveDraft();
    this.#feedback.blurred(id);
    this.#adaptive.answered();
    this.requestUpdate();
  }

  // Next on a step: checks its fields only, showing their errors like a submit does.
  #checkFields(ids: readonly string[]): boolean {
    this.#takeControls();
    const errors = ids.map((id) => this.#check(id)).filter((error): error is FieldError => error !== undefined);
    if (errors.length) this.#showErrors(errors);
    return errors.length === 0;
  }

  #resetting = false;
  #onFocusOut = (event: FocusEvent): void => {
    const name = event.target instanceof HTMLInputElement ? event.target.name : readControl(event.target)?.id;
    if (!name || name === HONEYPOT_FIELD || staysInGroup(event) || this.#resetting) return;
    if (this.#pressed) this.#pressed.push(name);
    else this.#feedback.blurred(name);
    this.#draftStore.flush();
  };

  // A press on a button (Send, Next, a lookup's) takes the focus from a field: its error, shown
  // at once, would push the button away under the pointer and the click would miss it. The
  // errors of the fields left wait for the release, after the click.
  #pressed: string[] | undefined;
  #onPointerDown = (event: PointerEvent): void => {
    if (!(event.target instanceof Element && event.target.closest('button'))) return;
    const held: string[] = (this.#pressed = []);
    const release = (): void => {
      removeEventListener('pointerup', release);
      removeEventListener('pointercancel', release);
      setTimeout(() => {
        if (this.#pressed === held) this.#pressed = undefined;
        for (const id of held) this.#feedback.blurred(id);
      });
    };
    addEventListener('pointerup', release);
    addEventListener('pointercancel', release);
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Before the last step, Enter and Next go to the next step.
    if (!this.#adaptive.next()) void this.#submit();
  };

  /** Validates everything; when `report`, shows the errors, focuses the first and announces a summary. */
  #validateAll(report: boolean): SubmissionValues | undefined {
    const config = this.#config;
    if (!config) return undefined;
    this.#takeControls();
    const unreadable = unreadableIds(this.renderRoot.querySelector('form')?.elements ?? []);
    const result = validateSubmission(config, this.#values.body(this.#fields(), this.#locale), { locale: this.#locale, unreadable });
    if (result.success) return result.data.values;
    if (report) this.#showErrors(result.errors);
    return undefined;
  }

  #showErrors(errors: readonly FieldError[]): void {
    const order = this.#order();
    const elsewhere = errors.filter((error) => !order.includes(error.field)).map((error) => error.message);
    this.#feedback.showAll(errors.filter((error) => order.includes(error.field)));
    const invalid = this.#feedback.invalidIn(order);
    // The field to focus may be among those a long form renders after its first screens.
    this.#firstScreens.all();
    this.#focus = invalid[0];
    if (this.#focus) this.#adaptive.reveal(this.#focus);
    // Worded in willUpdate, a new node so that it is announced again.
    this.#status = { text: '', error: true, seq: this.#status.seq + 1, elsewhere };
  }

  /** Puts `text` in the live region; a new node each time, so a repeated message is announced again. */
  #announce(text: string, error = false): void {
    this.#status = { text, error, seq: this.#status.seq + 1 };
    this.requestUpdate();
  }

  async #submit(): Promise<void> {
    const status = this.#submission.status;
    if (!this.#config || status === 'submitting' || status === 'succeeded') return;
    // Still inside a Retry-After wait: say how long is left rather than send.
    if (status === 'failed-retryable' && !this.#submission.canRetry) return this.#announceFailure();
    const values = this.#validateAll(true);
    if (!values || !this.#emit(new AccountRequestSubmitEvent({ values }))) return;
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>(`input[name="${HONEYPOT_FIELD}"]`)?.value;
    // The chosen files go with the values: the SDK client then posts multipart/form-data.
    const body = { ...(honeypot ? { ...values, [HONEYPOT_FIELD]: honeypot } : values), ...this.#adaptive.files() };
    const locale = this.#locale;
    const strings = this.#strings;
    // The element's own client leaves retries to the element, which shows them.
    const client = this.client ?? createClient({ base: this.#actionUrl, retry: 0 });
    const onRetry = this.client
      ? undefined
      : (reason: Exclude<SubmissionFailureReason, 'validation'>, seconds: number) => this.#announce(failureText(strings, reason, '', strings.retrying(seconds ? duration(seconds, locale) : '')));
    this.#announce(strings.sending);
    const sent = JSON.stringify(body, fileFingerprint);
    const outcome = await this.#submission.run(sent, async (idempotencyKey) => client.submit(body, { idempotencyKey, locale, enctype: this.enctype, ...(await this.#botCheckSolution()) }), onRetry);
    if (outcome === 'succeeded') this.#succeeded();
    else if (outcome) this.#failed();
  }

  #succeeded(): void {
    this.#draftStore.clear();
    this.#values.settle();
    this.#feedback.clear();
    this.#announce('');
    const response = this.#submission.result;
    if (response) this.#emit(new AccountRequestSuccessEvent({ response }));
    const url = this.#config?.settings.confirmation.redirectUrl;
    // The config was checked when parsed; checked again right before leaving the page.
    if (url && isSafeRedirectUrl(url)) this.navigate(url);
    this.#focus = 'confirmation';
  }

  // The bot check's solution for the request, when the config asks for one (waited for while the widget works).
  async #botCheckSolution(): Promise<{ botCheck?: string }> {
    if (!this.#botChecked) return {};
    const solution = await this.#botCheck.solution(this.renderRoot);
    return solution ? { botCheck: solution } : {};
  }

  #failed(): void {
    const failure = this.#submission.failure;
    if (!failure) return;
    this.#emit(new AccountRequestErrorEvent({ error: failure.error, kind: failure.kind }));
    // The key may have been renewed for edited values: keep the stored draft's key in step.
    this.#saveDraft();
    // A refused solution: the widget solves a new challenge at once, ready for the retry.
    if (failure.reason === 'bot-check') this.#botCheck.redo(this.renderRoot);
    if (failure.reason === 'validation') this.#showErrors(failure.errors);
    else this.#announceFailure();
  }

  /** What went wrong, that the values are kept, and when a retry is possible. */
  #announceFailure(): void {
    const failure = this.#submission.failure;
    if (!failure || failure.reason === 'validation') return;
    const strings = this.#strings;
    const wait = this.#submission.waitSeconds;
    const next = wait > 0 ? strings.retryIn(duration(wait, this.#locale)) : strings.canRetry;
    const detail = failure.reason === 'bot-check' ? (this.#botCheck.refusedText(this.#locale) ?? failure.error.message) : failure.error.message;
    this.#announce(failureText(strings, failure.reason, detail, next, failure.refusal), true);
  }

  // One dispatch point: the events are documented on the class (the manifest reads those).
  #emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  #control(id: string): HTMLElement | null {
    const controls = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(id)}"]`)];
    return controls.find((control) => control.checked) ?? controls[0] ?? null;
  }

  // In light-DOM mode there is no slot: a page's own child stands in for the element's content.
  #slotted(name: 'success' | 'disabled'): HTMLElement | null {
    return this.lightDom ? this.querySelector<HTMLElement>(`:scope > [slot="${name}"]`) : null;
  }

  #confirmationTarget(): HTMLElement | null {
    const slotted = this.#slotted('success');
    if (slotted && !slotted.hasAttribute('tabindex')) slotted.tabIndex = -1;
    return slotted ?? this.renderRoot.querySelector<HTMLElement>('.arf-confirmation');
  }

  #viewState(): string {
    const state = this.#loader.state;
    if (state.status !== 'ready') return state.status;
    if (this.#adaptive.pending) return 'loading';
    return state.config.enabled ? this.#submission.status : 'disabled';
  }

  /** Sends the browser to the confirmation page; a method so that a host (or a test) can replace it. */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  /** Validates and sends, exactly like the submit button. Resolves when the attempt is over. */
  submit(): Promise<void> {
    return this.#submit();
  }

  /** Empties the form (back to the prefill), forgets the draft and its idempotency key, and shows the form again after a success. */
  reset(): void {
    this.#draftStore.clear();
    this.#lookups.reset();
    this.#values.reset(this.#fields(), this.values);
    this.#adaptive.reset();
    this.#feedback.clear();
    this.#submission.reset();
    this.#announce('');
    // The render that follows may take the focused control away (fields an answer showed go):
    // the focusout that makes is not the person leaving a field, and must not show its error.
    this.#resetting = true;
    void this.updateComplete.then(() => (this.#resetting = false));
  }

  /** True when the current values would be accepted; shows nothing. The values are what the controls hold, including what an autofill or a script put there without an `input` event (a submit takes them in too). */
  checkValidity(): boolean {
    return this.#validateAll(false) !== undefined;
  }

  /** Like `checkValidity()`, but shows the errors, focuses the first invalid field and announces a summary. */
  reportValidity(): boolean {
    return this.#validateAll(true) !== undefined;
  }

  protected override render(): TemplateResult | typeof nothing {
    const state = this.#loader.state;
    const strings = this.#strings;
    if (state.status === 'loading' || (state.status === 'ready' && this.#adaptive.pending)) {
      return html`<div part="base loading" class="arf-root arf-loading" aria-busy="true"><p>${strings.loading}</p></div>`;
    }
    if (state.status === 'error' || this.#adaptive.failed) {
      return html`<div part="base" class="arf-root"><p part="config-error" class="arf-config-error" role="alert">${strings.configError}</p></div>`;
    }
    // A page that says nothing itself still tells the person why there is no form.
    if (!state.config.enabled) {
      const closed = html`<p part="closed" class="arf-root">${strings.refusals.closed}</p>`;
      if (!this.lightDom) return html`<slot name="disabled">${closed}</slot>`;
      return this.#slotted('disabled') ? nothing : closed;
    }
    if (this.#submission.status === 'succeeded') return this.#renderConfirmation(state.config, strings);
    return this.#renderForm(strings);
  }

  #renderConfirmation(config: FormConfig, strings: FormStrings): TemplateResult {
    const text = localize(config.settings.confirmation.message, this.#locale) || strings.thanks;
    return html`<div part="confirmation" class="arf-root arf-confirmation" tabindex="-1" ?hidden=${Boolean(this.#slotted('success'))}>
      ${this.lightDom ? text : html`<slot name="success">${text}</slot>`}
    </div>`;
  }

  #renderField(field: ResolvedField, value: FieldValue | undefined, strings: FormStrings, wrapperPart?: string): TemplateResult {
    if (field.type === 'file') return this.#adaptive.renderFile(field);
    const error = this.#feedback.message(field.id);
    const ids = fieldIds(this.#prefix, field.id);
    // Always set, so that an absent one is not read from Object.prototype.
    const rendered = renderField({ field, ids, value, error, strings, wrapperPart: wrapperPart ?? '', readOnly: this.#fixed.has(field.id), ...this.#lookups.field(field.id) }, this.#locale);
    // The slot after a field only where a lookup can fill it: one template instance less per
    // other field. Decided by the id alone, so a field's template never changes (its control
    // keeps the focus when an offer appears).
    return LOOKUP_FIELDS.has(field.id) ? html`${rendered}${this.#lookups.after(field.id)}` : rendered;
  }

  #renderForm(strings: FormStrings): TemplateResult {
    const submitting = this.#submission.status === 'submitting';
    const confirm = resolveConfirmation(this.#locale);
    // One page, or the current step: the box, the summary and submit come on the last one.
    const view = this.#adaptive.view();
    // A long form's first screens now, the rest after they are painted (FirstScreens).
    const fields = this.#firstScreens.split(view.fields, this.#fields().length);
    const render = (field: ResolvedField) => this.#renderField(field, this.#values.get(field.id), strings);
    return html`<form
      part="form"
      class="arf-root arf-form"
      novalidate
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onInput}
      @focusout=${this.#onFocusOut}
      @pointerdown=${this.#onPointerDown}
    >
      ${view.heading}
      <p part="required-legend" class="arf-legend">${strings.requiredLegend}</p>
      ${fields.head.map(render)}${fields.tail ? html`${fields.tail.map(render)}` : nothing} ${view.summary}
      ${renderHoneypot(`${this.#prefix}-hp`, strings)} ${view.last ? this.#renderField(confirm, this.#values.confirmed, strings, 'confirm') : nothing}
      ${this.#botChecked ? this.#botCheck.render(this.#locale, this.#challengeUrl) : nothing}
      <div part="actions" class="arf-actions">
        ${view.buttons}
        ${view.last
          ? html`<button part="submit" class="arf-button" type="submit" aria-disabled=${submitting ? 'true' : nothing} aria-busy=${submitting ? 'true' : nothing}>
              ${strings.submit}
            </button>`
          : nothing}
        ${this.#submission.status === 'failed-retryable'
          ? html`<button part="retry" class="arf-button arf-secondary" type="button" aria-disabled=${this.#submission.canRetry ? nothing : 'true'} @click=${() => void this.#submit()}>
              ${strings.retry}
            </button>`
          : nothing}
      </div>
      <div part="status" class="arf-status" role="status" aria-live="polite" data-tone=${this.#status.error ? 'error' : 'info'}>${keyed(
        this.#status.seq,
        this.#status.text ? html`<span>${this.#status.text}</span>` : nothing,
      )}</div>
    </form>`;
  }
}
