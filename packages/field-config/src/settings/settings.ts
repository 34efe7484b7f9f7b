import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { ContextConsumer } from '@lit/context';
import { exactText, isConfigError, updateSettings } from '@account-request/sdk';
import { configIssueMessage } from '@account-request/sdk/editing';
import type { FormConfig, SettingsPatch, UnvalidatedAccounts } from '@account-request/sdk';
import { editorContext } from '../context.js';
import { sharedStyles } from '../shared.styles.js';
import { renderLookupStatus } from './lookup-status.js';
import { settingsStyles } from './settings.styles.js';

type TextKey = 'alertEmail' | 'redirectUrl' | 'retentionDays';
const ACCESS: readonly UnvalidatedAccounts[] = ['none', 'block-purchase', 'block-login'];
// The bot check is an optional setting: switched off, it leaves the config (and its ETag) as if never set.
const onOff = (name: 'enabled' | 'quickRegistration' | 'botCheck' | 'autoAccept', checked: boolean): boolean | undefined => ((name === 'botCheck' || name === 'autoAccept') && !checked ? undefined : checked);

/**
 * Internal: the "settings" section of `<form-field-config>`: module enabled, access of
 * accounts not yet validated, alert e-mail, quick registration, default account state and
 * what follows a request. Each change is one `updateSettings` edit; text is committed on
 * `change`: when the SDK refuses it, the draft is unchanged and the text stays in its box with
 * the SDK's wording of the issue beside it.
 */
export class FfcSettings extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });
  /** Text typed but refused, with its error, per control. */
  #pending: Partial<Record<TextKey, { value: string; error: string }>> = {};
  /** The admin picked "go to a page" before typing an address. */
  #redirectMode = false;
  /** The draft the two above were set against: once another (undo, revert, reload…) replaces it, they go. */
  #basis: FormConfig | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const config = this.#store.value?.config;
    if (config === this.#basis) return;
    this.#basis = config;
    this.#pending = {};
    this.#redirectMode = false;
  }

  #edit(patch: SettingsPatch, key?: TextKey, value = ''): void {
    const store = this.#store.value;
    // This section's own edits keep what it shows.
    const error = store?.edit((config) => (this.#basis = updateSettings(config, patch)));
    if (!key || !store) return;
    const issue = isConfigError(error) ? error.issues[0] : undefined;
    this.#setPending(key, error === undefined ? undefined : { value, error: issue ? configIssueMessage(issue, store.locale) : String(error) });
  }

  #setPending(key: TextKey, entry: { value: string; error: string } | undefined): void {
    const pending = { ...this.#pending };
    if (entry) pending[key] = entry;
    else delete pending[key];
    this.#pending = pending;
    this.requestUpdate();
  }

  /**
   * Focuses the first box whose text the draft refused (its error is beside it): Save must not
   * say "Saved." while a box still shows a value that is not in the draft. False when none.
   */
  focusInvalid(): boolean {
    const key = (['alertEmail', 'redirectUrl', 'retentionDays'] as const).find((candidate) => this.#pending[candidate]);
    this.renderRoot.querySelector<HTMLInputElement>(`#${key}`)?.focus();
    return key !== undefined;
  }

  #onText(key: TextKey, event: Event): void {
    const store = this.#store.value;
    if (!store) return;
    const input = event.target as HTMLInputElement;
    const value = input.value.trim();
    if (key === 'retentionDays' && !Number.isInteger(Number(value))) {
      // "1e", "-", "12.5", "30 jours": no number of days, never "off". The box is a text box: as a
      // number input, text it could not read left its value '' (Firefox takes any text), so an
      // empty box fired no change, showed no error, and Save said "Saved.".
      this.#setPending(key, { value, error: store.t.retentionWholeDays });
    } else if (key === 'alertEmail') {
      this.#edit({ alertEmail: value || undefined }, key, value);
    } else if (key === 'retentionDays') {
      // Empty: off (the key goes). A number the SDK refuses keeps its text and shows the SDK's issue.
      this.#edit({ retentionDays: value === '' ? undefined : Number(value) }, key, value);
    } else {
      const { message } = store.config.settings.confirmation;
      this.#edit({ confirmation: value ? { redirectUrl: value, ...(message ? { message } : {}) } : message ? { message } : {} }, key, value);
    }
  }

  #onMessage(locale: 'fr' | 'en', event: Event): void {
    const store = this.#store.value;
    if (!store) return;
    const { message } = store.config.settings.confirmation;
    const text: Record<string, string> = { ...(typeof message === 'string' ? { en: message, fr: message } : message) };
    text[locale] = (event.target as HTMLTextAreaElement).value.trim();
    for (const [tag, value] of Object.entries(text)) if (!value) delete text[tag];
    this.#edit({ confirmation: Object.keys(text).length ? { message: text } : {} });
  }

  #onMode(redirect: boolean): void {
    this.#redirectMode = redirect;
    this.requestUpdate();
    const store = this.#store.value;
    const { message, redirectUrl } = store?.config.settings.confirmation ?? {};
    if (!redirect && redirectUrl !== undefined) this.#edit({ confirmation: message ? { message } : {} });
    if (!redirect) this.#setPending('redirectUrl', undefined);
  }

  #text(key: TextKey, label: string, help: string, current: string | undefined, type: string, inputmode?: string) {
    const pending = this.#pending[key];
    return html`<div class="control">
      <label for=${key}>${label}</label>
      <input
        id=${key}
        name=${key}
        type=${type}
        inputmode=${inputmode ?? nothing}
        autocomplete="off"
        .value=${live(pending?.value ?? current ?? '')}
        aria-invalid=${pending ? 'true' : nothing}
        aria-describedby=${pending ? `${key}-help ${key}-error` : `${key}-help`}
        @change=${(event: Event) => this.#onText(key, event)}
      />
      <p id=${`${key}-help`} part="help">${help}</p>
      ${pending ? html`<p id=${`${key}-error`} part="error"><span class="vh">${this.#store.value?.t.errorPrefix}</span> ${pending.error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    const { t, config } = store;
    const { settings } = config;
    const { redirectUrl, message: confirmationMessage } = settings.confirmation;
    const redirect = this.#redirectMode || redirectUrl !== undefined;
    const message = (locale: 'fr' | 'en') => exactText(confirmationMessage, locale);
    // The SDK leaves `settings` a plain object, its one optional key an absent property (callers
    // test its presence), so it is read as an own property: never from a polluted Object.prototype.
    const alertEmail = Object.hasOwn(settings, 'alertEmail') ? settings.alertEmail : undefined;
    const check = (name: 'enabled' | 'quickRegistration' | 'botCheck' | 'autoAccept', checked: boolean, label: string, help: string) =>
      html`<div class="check">
        <input type="checkbox" id=${name} name=${name} .checked=${live(checked)} aria-describedby=${`${name}-help`} @change=${(event: Event) => this.#edit({ [name]: onOff(name, (event.target as HTMLInputElement).checked) })} />
        <label for=${name}>${label}</label>
        <p id=${`${name}-help`} part="help">${help}</p>
      </div>`;
    const radio = (name: string, value: string, checked: boolean, label: string, onChange: () => void, help?: string) =>
      html`<div class="check">
        <input type="radio" id=${`${name}-${value}`} name=${name} value=${value} .checked=${live(checked)} aria-describedby=${help ? `${name}-${value}-help` : nothing} @change=${onChange} />
        <label for=${`${name}-${value}`}>${label}</label>
        ${help ? html`<p id=${`${name}-${value}-help`} part="help">${help}</p>` : nothing}
      </div>`;
    return html`<h2>${t.settings}</h2>
      ${check('enabled', config.enabled, t.enabled, t.enabledHelp)}
      <fieldset>
        <legend>${t.unvalidated}</legend>
        ${ACCESS.map((value) => radio('unvalidatedAccounts', value, settings.unvalidatedAccounts === value, t.access[value][0], () => this.#edit({ unvalidatedAccounts: value }), t.access[value][1]))}
      </fieldset>
      ${this.#text('alertEmail', t.alertEmail, t.alertEmailHelp, alertEmail, 'email')}
      ${check('quickRegistration', settings.quickRegistration, t.quickRegistration, t.quickRegistrationHelp)}
      ${check('botCheck', Object.hasOwn(settings, 'botCheck') && settings.botCheck === true, t.botCheck.setting, t.botCheck.settingHelp)}
      ${check('autoAccept', Object.hasOwn(settings, 'autoAccept') && settings.autoAccept === true, t.autoAccept, t.autoAcceptHelp)}
      ${this.#text('retentionDays', t.retentionDays, t.retentionDaysHelp, Object.hasOwn(settings, 'retentionDays') ? String(settings.retentionDays) : undefined, 'text', 'numeric')}
      <fieldset>
        <legend>${t.accountState}</legend>
        ${(['active', 'inactive'] as const).map((value) => radio('defaultAccountState', value, settings.defaultAccountState === value, t[value], () => this.#edit({ defaultAccountState: value })))}
      </fieldset>
      <fieldset>
        <legend>${t.confirmation}</legend>
        ${radio('confirmationMode', 'message', !redirect, t.showMessage, () => this.#onMode(false))}
        ${radio('confirmationMode', 'redirect', redirect, t.redirect, () => this.#onMode(true))}
        ${redirect
          ? this.#text('redirectUrl', t.redirectUrl, t.redirectHelp, redirectUrl, 'text')
          : (['fr', 'en'] as const).map(
              (locale) => html`<div class="control">
                <label for=${`message-${locale}`}>${{ fr: t.messageFr, en: t.messageEn }[locale]}</label>
                <textarea id=${`message-${locale}`} name=${`message-${locale}`} rows="2" .value=${live(message(locale))} @change=${(event: Event) => this.#onMessage(locale, event)}></textarea>
              </div>`,
            )}
      </fieldset>
      ${renderLookupStatus(t, store.lookups)}`;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'ffc-settings': FfcSettings;
  }
}
