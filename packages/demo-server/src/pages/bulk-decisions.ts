import { formatDate } from '@account-request/sdk';
import type { PublicRecord } from '@account-request/sdk/server';
import { decisionFields, type DecisionValues } from './decision-fields.js';
import { html, type SafeHtml } from './html.js';
import type { ListFilters } from './requests-list.js';
import { format, pageText, type PageLocale } from './text.js';

/** What the admin asked for, once the server has counted what it would do (the SDK's dry run). */
export interface BulkDialog {
  readonly status: 'accepted' | 'rejected';
  readonly ids: readonly string[];
  /** Requests that would change, e-mails that would go out, requests left as they are. */
  readonly count: number;
  readonly emails: number;
  readonly skipped: number;
  readonly values: DecisionValues;
}

/** The bulk part of the list page: what the selection is, the form, and the confirmation dialog once asked. */
export interface BulkView {
  readonly selected: readonly string[];
  readonly dialog?: BulkDialog;
  readonly error?: string;
  /** What the admin chose in the form (decision, reason, message, e-mail box), shown again after a refusal or behind the dialog. */
  readonly status?: 'accepted' | 'rejected';
  readonly values?: DecisionValues;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The selection box of one row, tied to the bulk form (`form` attribute) and named for screen
 * readers: the company and when the request came (to the second), so that two requests of one
 * company get two names.
 */
export function selectCell(record: PublicRecord, lang: PageLocale, selected: readonly string[]): SafeHtml {
  const t = pageText(lang).decisions;
  const id = `select-${record.id}`;
  const date = formatDate(record.createdAt, lang, { dateStyle: 'short', timeStyle: 'medium' });
  return html`<td><input type="checkbox" id="${id}" name="ids" value="${record.id}" form="bulk-decisions"${selected.includes(record.id) ? html` checked` : ''}><label for="${id}" class="visually-hidden">${format(t.selectRequest, { company: text(record.values['companyName']), date })}</label></td>`;
}

// The page of the list the decision is made from travels in the action, so the dialog, a
// refusal and the result show that page (with the ticked rows), not the first one.
const bulkAction = (lang: PageLocale, offset: number): string => `/admin/bulk-decisions?lang=${lang}${offset > 0 ? `&offset=${offset}` : ''}`;

const hiddenFilters = (filters: ListFilters): SafeHtml[] =>
  Object.entries(filters).filter(([, value]) => value).map(([name, value]) => html`<input type="hidden" name="filter-${name}" value="${value}">`);

/**
 * The form that accepts or rejects the ticked rows (they join it through their `form`
 * attribute): posted first without `confirm`, so the server counts the e-mails and answers with
 * the dialog below. With `matching` (more requests match the filters than the page shows, at
 * most what one decision takes), a second button decides for all of them.
 */
export function bulkDecisionForm(lang: PageLocale, filters: ListFilters, view: BulkView, offset = 0, matching = 0): SafeHtml {
  const t = pageText(lang);
  const d = t.decisions;
  const status = view.dialog?.status ?? view.status ?? 'accepted';
  return html`<form id="bulk-decisions" class="bulk" method="post" action="${bulkAction(lang, offset)}" aria-labelledby="bulk-decisions-title" aria-describedby="bulk-decisions-help">
  <h2 id="bulk-decisions-title">${d.bulkTitle}</h2>
  <p id="bulk-decisions-help">${d.bulkHelp}</p>
  ${view.error ? html`<p class="notice error" role="alert">${view.error}</p>` : ''}
  ${hiddenFilters(filters)}
  <fieldset><legend>${d.bulkDecision}</legend>${(['accepted', 'rejected'] as const).map((value) => html`
    <p><input type="radio" id="bulk-${value}" name="status" value="${value}"${status === value ? html` checked` : ''}> <label for="bulk-${value}">${t.moveTo[value]}</label></p>`)}
  </fieldset>
  <fieldset><legend>${t.moveTo.rejected}</legend>
  ${decisionFields('rejected', lang, 'bulk', view.values ?? view.dialog?.values ?? {}, false)}
  </fieldset>
  <p><button type="submit">${d.bulkContinue}</button>${matching > 0 ? html` <button type="submit" name="scope" value="matching">${format(d.bulkMatching, { count: matching }, lang)}</button>` : ''}</p>
</form>`;
}

/**
 * The confirmation: how many requests change and how many e-mails go out, in a native
 * `<dialog>`. It is rendered open, so it works without JavaScript (Cancel closes it, a
 * `method="dialog"` form); bulk-dialog.js turns it modal (focus kept inside, Escape closes,
 * focus back on the bulk form's button).
 */
export function bulkConfirmDialog(lang: PageLocale, filters: ListFilters, dialog: BulkDialog, offset = 0): SafeHtml {
  const t = pageText(lang);
  const d = t.decisions;
  const question = format(dialog.status === 'accepted' ? d.bulkAccept : d.bulkReject, { count: dialog.count }, lang);
  const emails = dialog.emails > 0 ? format(d.bulkEmails, { count: dialog.emails }, lang) : d.bulkNoEmail;
  const skipped = dialog.skipped > 0 ? format(d.bulkSkipped, { count: dialog.skipped }, lang) : '';
  const values = dialog.values;
  return html`<dialog id="bulk-confirm" class="confirm" open aria-labelledby="bulk-confirm-title" aria-describedby="bulk-confirm-text">
  <h2 id="bulk-confirm-title">${d.bulkConfirmTitle}</h2>
  <div id="bulk-confirm-text"><p>${question}</p><p>${emails}</p>${skipped ? html`<p>${skipped}</p>` : ''}</div>
  <form method="post" action="${bulkAction(lang, offset)}">
    <input type="hidden" name="confirm" value="1">
    <input type="hidden" name="status" value="${dialog.status}">
    ${dialog.ids.map((id) => html`<input type="hidden" name="ids" value="${id}">`)}
    ${dialog.status === 'rejected' && values.reason ? html`<input type="hidden" name="reason" value="${values.reason}">` : ''}
    ${dialog.status === 'rejected' && values.message ? html`<input type="hidden" name="message" value="${values.message}">` : ''}
    ${dialog.status === 'rejected' && values.notify ? html`<input type="hidden" name="notify" value="true">` : ''}
    ${hiddenFilters(filters)}
    <p class="dialog-actions"><button type="submit" autofocus>${d.bulkConfirm}</button></p>
  </form>
  <form method="dialog"><p class="dialog-actions"><button type="submit" value="cancel">${t.cancel}</button></p></form>
</dialog>`;
}
