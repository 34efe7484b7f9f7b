import { REJECTION_REASONS, type HistoryEntry, type RequestStatus } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { format, pageText, sharedText, type PageLocale } from './text.js';

/** Whether the e-mail box is ticked when a form shows again (ticked unless the admin unticked it). */
export interface DecisionValues {
  readonly reason?: string;
  readonly message?: string;
  readonly notify?: boolean;
}

/**
 * What a move to `rejected` (a reason among the SDK's, an optional message, e-mail or not) or to
 * `info-requested` (the message, required) asks for; nothing for other moves. `prefix` keeps the
 * ids apart when two such forms share a page. `required`: the browser asks for the reason (not
 * where the same form may also accept, like the bulk form: its server checks instead).
 */
export function decisionFields(to: RequestStatus, lang: PageLocale, prefix = 'decision', values: DecisionValues = {}, required = true): SafeHtml | '' {
  if (to !== 'rejected' && to !== 'info-requested') return '';
  const t = pageText(lang).decisions;
  const reasons = sharedText(lang).reasons;
  const notify = html`<p><input type="checkbox" id="${prefix}-notify" name="notify" value="true"${values.notify === false ? '' : html` checked`} aria-describedby="${prefix}-notify-help"> <label for="${prefix}-notify">${t.notify}</label>
  <span id="${prefix}-notify-help" class="help">${t.notifyHelp}</span></p>`;
  if (to === 'info-requested') {
    return html`<p><label for="${prefix}-message">${t.infoMessage}</label><br>
  <textarea id="${prefix}-message" name="message" rows="4" cols="60" maxlength="2000" required aria-describedby="${prefix}-message-help">${values.message ?? ''}</textarea>
  <span id="${prefix}-message-help" class="help">${t.infoMessageHelp}</span></p>`;
  }
  return html`<p><label for="${prefix}-reason">${t.reason}</label><br>
  <select id="${prefix}-reason" name="reason"${required ? html` required` : ''} aria-describedby="${prefix}-reason-help">
    <option value="">${t.chooseReason}</option>${REJECTION_REASONS.map((reason) => html`
    <option value="${reason}"${values.reason === reason ? html` selected` : ''}>${reasons[reason]}</option>`)}
  </select>
  <span id="${prefix}-reason-help" class="help">${t.reasonHelp}</span></p>
  <p><label for="${prefix}-message">${t.rejectMessage}</label><br>
  <textarea id="${prefix}-message" name="message" rows="3" cols="60" maxlength="2000" aria-describedby="${prefix}-message-help">${values.message ?? ''}</textarea>
  <span id="${prefix}-message-help" class="help">${t.rejectMessageHelp}</span></p>
  ${notify}`;
}

/** The decision members of a posted form, as the SDK's PATCH and bulk routes take them (only with a move that takes them). */
export function decisionBody(to: string, form: URLSearchParams): Record<string, unknown> {
  const message = (form.get('message') ?? '').trim();
  const reason = form.get('reason') ?? '';
  if (to === 'info-requested') return { message };
  if (to !== 'rejected') return {};
  return { ...(reason ? { reason } : {}), ...(message ? { message } : {}), notify: form.get('notify') === 'true' };
}

/** The lines a history entry adds under its changes: the reason, the message, whether the applicant was told. */
export function entryDetails(entry: HistoryEntry, lang: PageLocale): SafeHtml[] {
  const t = pageText(lang).decisions;
  const reasons: Readonly<Record<string, string>> = sharedText(lang).reasons;
  const lines: SafeHtml[] = [];
  if (entry.reason !== undefined) lines.push(html`<li>${format(t.reasonShown, { reason: Object.hasOwn(reasons, entry.reason) ? (reasons[entry.reason] ?? entry.reason) : entry.reason })}</li>`);
  if (entry.message !== undefined) lines.push(html`<li class="message">${format(t.messageShown, { message: entry.message })}</li>`);
  if (entry.notified !== undefined) lines.push(html`<li>${entry.notified ? t.notified : t.notNotified}</li>`);
  return lines;
}

/** Who made a change, in words: the applicant, the automatic acceptance, the retention period, or the admin's name. */
export function actorName(actor: string, lang: PageLocale): string {
  const actors: Readonly<Record<string, string>> = pageText(lang).decisions.actors;
  return Object.hasOwn(actors, actor) ? (actors[actor] ?? actor) : actor;
}
