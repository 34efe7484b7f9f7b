import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { HONEYPOT_FIELD } from '@account-request/sdk';
import type { FormStrings } from '../i18n.js';

/**
 * The anti-spam trap: an ordinary-looking input that people never see or reach (moved off
 * screen by a class, out of the tab order, hidden from assistive technologies) and bots fill.
 * A password manager that filled it would have a real request dropped in silence, so it carries
 * the markers the common ones skip a field by (1Password, LastPass, Bitwarden, Dashlane).
 */
export function renderHoneypot(id: string, strings: FormStrings): TemplateResult {
  return html`<div class="arf-hp" aria-hidden="true">
    <label for=${id}>${strings.honeypot}</label>
    <input id=${id} name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other" />
  </div>`;
}
