import { BULK_MAX_IDS, MAX_SEARCH_LENGTH, type ProblemFieldError, type PublicRecord } from '@account-request/sdk/server';
import { formatDate, messages } from '@account-request/sdk';
import { PAGE_TIME_ZONE } from './time-zone.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { webhooksText } from './webhooks.js';
import { checkText, format, hiddenName, pageText, sharedText, type PageLocale } from './text.js';
import { paging } from './paging.js';
import { checkBadges } from './checks.js';
import { bulkConfirmDialog, bulkDecisionForm, selectCell, type BulkView } from './bulk-decisions.js';
import { fieldMessage } from './problems.js';
import { REQUEST_STATUSES } from '@account-request/sdk/server';
import { VAT_CHECK_STATES } from '@account-request/sdk/server';

/** The list filters, as the query string carries them. */
export type ListFilters = Readonly<Partial<Record<'status' | 'inAccount' | 'vatCheck' | 'q' | 'from' | 'to' | 'sort' | 'order', string>>>;

/** What the list page shows. */
export interface RequestsListOptions {
  readonly locale: PageLocale;
  readonly items: readonly PublicRecord[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly filters: ListFilters;
  /** The API's CSV export URL for the same filters. */
  readonly exportHref: string;
  /** A message after an action (bulk activation), or a filter error. */
  readonly notice?: string;
  readonly error?: string;
  /** The selection and, once asked, the confirmation of a bulk decision. */
  readonly bulk?: BulkView;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A query string of the filters (and extra parameters), empty values left out. */
export function filterQuery(filters: ListFilters, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The label of each filter of the list, as its form shows it. */
function filterLabels(locale: PageLocale): Readonly<Record<keyof ListFilters, string>> {
  const t = pageText(locale);
  return { status: t.statusLabel, inAccount: t.inAccountLabel, vatCheck: checkText(locale).vatFilter, q: t.search, from: t.from, to: t.to, sort: t.sort, order: t.order };
}

/**
 * What the page says when the list route refused a filter (a hand-edited URL, a pasted search):
 * the filter's label and the SDK's message for the problem's code, in the page's language.
 * `undefined` for a problem that names no filter of this page.
 */
export function filterErrorText(locale: PageLocale, error: Pick<ProblemFieldError, 'field' | 'code'> | undefined): string | undefined {
  // A code the SDK words (its field error codes), whatever the answer holds.
  if (!error || !Object.hasOwn(messages(locale).errors, error.code)) return undefined;
  const labels = filterLabels(locale);
  if (!Object.hasOwn(labels, error.field)) return undefined;
  return format(pageText(locale).filterError, { filter: labels[error.field as keyof ListFilters], message: fieldMessage(locale, error) });
}

function option(value: string, label: string, current: string | undefined): SafeHtml {
  return html`<option value="${value}"${(current ?? '') === value ? html` selected` : ''}>${label}</option>`;
}

/** `/admin/requests/`: the filters, one page of requests, paging, the CSV export and the bulk activation form. */
export function requestsListPage(options: RequestsListOptions): string {
  const t = pageText(options.locale);
  const { fields, labels } = sharedText(options.locale);
  const f = options.filters;
  const lang = options.locale;
  const label = filterLabels(lang);
  const page = (offset: number): string => `/admin/requests/${filterQuery(f, { lang, offset: String(offset) })}`;
  const last = options.offset + options.items.length;
  const caption = format(t.caption, { first: options.offset + 1, last, total: options.total });
  // A page past the end (a stale link, a hand-edited offset) says so and leads to the last page.
  const lastOffset = Math.max(0, Math.floor((options.total - 1) / options.limit) * options.limit);
  const pastEnd = options.items.length === 0 && options.total > 0 && options.offset > 0;
  const table = options.items.length === 0
    ? (pastEnd ? html`<p>${t.pastEnd} <a href="${page(lastOffset)}">${t.lastPage}</a></p>` : html`<p>${t.none}</p>`)
    : html`<div class="table-scroll"><table class="requests">
  <caption>${caption}</caption>
  <thead><tr><th scope="col">${t.decisions.select}</th><th scope="col">${labels.received} (${PAGE_TIME_ZONE})</th><th scope="col">${fields.companyName.label}</th><th scope="col">${fields.email.label}</th><th scope="col">${t.statusLabel}</th><th scope="col">${t.columns.inAccount}</th><th scope="col">${checkText(lang).vatFilter}</th><th scope="col">${t.columns.open}</th></tr></thead>
  <tbody>${options.items.map((record) => html`
    <tr data-request-id="${record.id}">${selectCell(record, lang, options.bulk?.selected ?? [])}<td><time datetime="${record.createdAt}">${formatDate(record.createdAt, lang, { dateStyle: 'short', timeStyle: 'short' })}</time></td><td>${text(record.values['companyName'])}</td><td>${text(record.values['email'])}</td><td><span class="status status-${record.status}">${t.status[record.status]}</span></td><td>${record.inAccount ? t.yes : t.no}</td><td>${checkBadges(record, lang)}</td><td><a href="/admin/requests/${record.id}?lang=${lang}">${hiddenName(lang, t.columns.open, text(record.values['companyName']))}</a></td></tr>`)}
  </tbody>
</table></div>`;
  const main = html`<section class="admin-intro">
  <h1>${t.listTitle}</h1>
  <p>${t.listIntro}</p>
  <p class="admin-links"><a href="/admin/?lang=${lang}">← ${t.adminLink}</a> · <a href="/admin/outbox/?lang=${lang}">${t.outboxTitle}</a> · <a href="/admin/invitations/?lang=${lang}">${t.decisions.invitations}</a> · <a href="/admin/webhooks/?lang=${lang}">${webhooksText(lang).link}</a></p>
</section>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}${options.error ? html`<p class="notice error" role="alert">${options.error}</p>` : ''}
<form class="filters" method="get" action="/admin/requests/">
  <fieldset><legend>${t.filters}</legend>
  <input type="hidden" name="lang" value="${lang}">
  <p><label for="f-status">${label.status}</label>
  <select id="f-status" name="status">${option('', t.any, f.status)}${REQUEST_STATUSES.map((s) => option(s, t.status[s], f.status))}</select></p>
  <p><label for="f-account">${label.inAccount}</label>
  <select id="f-account" name="inAccount">${option('', t.any, f.inAccount)}${option('true', t.yes, f.inAccount)}${option('false', t.no, f.inAccount)}</select></p>
  <p><label for="f-vat">${label.vatCheck}</label>
  <select id="f-vat" name="vatCheck">${option('', t.any, f.vatCheck)}${VAT_CHECK_STATES.map((s) => option(s, checkText(lang).vat[s], f.vatCheck))}</select></p>
  <p><label for="f-q">${label.q}</label>
  <input id="f-q" name="q" type="search" value="${f.q ?? ''}" maxlength="${String(MAX_SEARCH_LENGTH)}" aria-describedby="f-q-help">
  <span id="f-q-help" class="help">${t.searchHelp}</span></p>
  <p><label for="f-from">${label.from}</label> <input id="f-from" name="from" type="date" value="${f.from ?? ''}"></p>
  <p><label for="f-to">${label.to}</label> <input id="f-to" name="to" type="date" value="${f.to ?? ''}"></p>
  <p><label for="f-sort">${label.sort}</label>
  <select id="f-sort" name="sort">${([['createdAt', t.sortDate], ['companyName', fields.companyName.label], ['status', t.statusLabel]] as const).map(([s, label]) => option(s, label, f.sort ?? 'createdAt'))}</select></p>
  <p><label for="f-order">${label.order}</label>
  <select id="f-order" name="order">${option('desc', t.desc, f.order ?? 'desc')}${option('asc', t.asc, f.order ?? 'desc')}</select></p>
  <p><button type="submit">${t.apply}</button> <a href="/admin/requests/?lang=${lang}">${t.reset}</a></p>
  </fieldset>
</form>
<p><a class="export" href="${options.exportHref}" download>${t.export}</a></p>
${table}
${paging(caption, options.offset > 0 && !pastEnd ? page(Math.max(0, options.offset - options.limit)) : undefined, options.items.length > 0 && last < options.total ? page(options.offset + options.limit) : undefined, lang)}
${bulkDecisionForm(lang, f, options.bulk ?? { selected: [] }, options.offset, options.total > options.items.length && options.total <= BULK_MAX_IDS ? options.total : 0)}
${options.bulk?.dialog ? bulkConfirmDialog(lang, f, options.bulk.dialog, options.offset) : ''}
<form class="bulk" method="post" action="/admin/requests/activation-emails?lang=${lang}">
  <h2>${t.bulkTitle}</h2>
  <p id="bulk-help">${t.bulkHelp}</p>
  <p><label for="bulk-date">${t.bulkDate}</label> <input id="bulk-date" name="createdAfter" type="date" required aria-describedby="bulk-help"></p>
  <p><button type="submit">${t.bulkSend}</button></p>
</form>`;
  return layout({ locale: lang, title: t.listTitle, path: '/admin/requests/', main, variant: 'admin', ...(options.bulk?.dialog ? { scripts: ['/assets/bulk-dialog.js'] } : {}) });
}
