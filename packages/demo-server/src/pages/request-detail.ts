import { countryName, fieldLabel, formatDate, formatFileSize, getCatalogField, isCatalogFieldId, localize, type FormConfig } from '@account-request/sdk';
import { formatDay, STATUS_TRANSITIONS, type HistoryChange, type PublicRecord, type RequestStatus } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { actorName, decisionFields, entryDetails, type DecisionValues } from './decision-fields.js';
import { privacySection } from './personal-data.js';
import { format, pageText, sharedText, type PageLocale } from './text.js';
import { checksSection } from './checks.js';

type PageWords = ReturnType<typeof pageText>;

/** What the detail page shows. */
export interface RequestDetailOptions {
  readonly locale: PageLocale;
  readonly record: PublicRecord;
  /** A message after a change (saved, activation link sent). */
  readonly notice?: string;
  /** An error to show above the forms (stale version, refused change); it takes the focus. */
  readonly error?: string;
  /** What the admin posted in a refused form, shown again instead of the stored values: nothing typed is lost. */
  readonly typed?: { readonly status?: string; readonly inAccount?: boolean; readonly note?: string };
  /** The form's config: the labels of its custom fields and options; without it, custom fields show their id. */
  readonly config?: FormConfig;
  /** Whether the VAT check will be tried again by itself (its job is still pending); unknown without a check store. */
  readonly vatRetrying?: boolean;
}

/** The error of a refused form: announced, and focused so the keyboard and screen reader start there. */
export function errorNotice(error: string | undefined): SafeHtml | '' {
  return error ? html`<p class="notice error" role="alert" tabindex="-1" autofocus>${error}</p>` : '';
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? '✓' : '✗') : '');

// A field's label in the page's language: the catalog's words, else the config's custom field, else its id.
function labelOf(id: string, locale: PageLocale, config: FormConfig | undefined): string {
  if (isCatalogFieldId(id)) return sharedText(locale).fields[id].label;
  return config ? fieldLabel(config, id, locale) : id;
}

// A value as the applicant chose it: a country's name, an option's label (the catalog's words,
// else the config's), else the value itself.
function valueOf(id: string, value: unknown, locale: PageLocale, config: FormConfig | undefined): string {
  const shown = str(value);
  if (typeof value !== 'string') return shown;
  const field = getCatalogField(id) ?? config?.customFields.find((custom) => custom.id === id);
  if (field?.type === 'country') return countryName(value, locale);
  if (field?.type === 'date') return formatDay(value, locale);
  const option = field?.options?.find((candidate) => candidate.value === value);
  if (!option) return shown;
  const words: Readonly<Record<string, string>> | undefined = isCatalogFieldId(id) ? (sharedText(locale).fields[id] as { options?: Readonly<Record<string, string>> }).options : undefined;
  return (words && Object.hasOwn(words, value) ? words[value] : undefined) ?? (localize(option.label, locale) || shown);
}

function describeChange(change: HistoryChange, t: PageWords, lang: PageLocale, config: FormConfig | undefined): string {
  const value = (v: string | boolean | null): string => {
    if (v === null || v === '') return '—';
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    return change.field === 'status' && v in t.status ? t.status[v as RequestStatus] : v;
  };
  if (change.field === 'activation') return t.activationChange;
  if (change.field === 'erasure') return t.decisions.erasureChange;
  // An applicant's correction: the field's label, what it held and what it holds.
  if (change.field === 'value') {
    const key = change.key ?? '';
    const shown = (v: string | boolean | null): string => (typeof v === 'string' && v !== '' ? valueOf(key, v, lang, config) : value(v));
    return format(t.change, { field: labelOf(key, lang, config), from: shown(change.from), to: shown(change.to) });
  }
  const field = change.field === 'status' ? t.statusLabel : change.field === 'inAccount' ? t.inAccountLabel : t.note;
  return format(t.change, { field, from: value(change.from), to: value(change.to) });
}

/** `/admin/requests/{id}`: the values, the status change (to a confirmation step), the account flag and note, the history. */
export function requestDetailPage(options: RequestDetailOptions): string {
  const { record, locale: lang } = options;
  const t = pageText(lang);
  const date = { format: (value: string) => formatDate(value, lang, { dateStyle: 'medium', timeStyle: 'short' }) };
  const { received } = sharedText(lang).labels;
  const company = str(record.values['companyName']);
  // An individual's request has no company: it is named after the person.
  const person = [str(record.values['firstName']), str(record.values['lastName'])].filter(Boolean).join(' ');
  // An erased request has no name left, and takes no text about the person again (the handler
  // refuses a note, a message, a request for information, an activation e-mail): none is offered.
  const erased = record.erasedAt !== undefined;
  const title = erased ? t.decisions.erasureChange : record.values['customerType'] === 'individual' ? format(t.individualTitle, { name: person }) : format(t.detailTitle, { company });
  const next = STATUS_TRANSITIONS[record.status].filter((status) => !erased || status !== 'info-requested');
  const typed = options.typed ?? {};
  // The move the admin had chosen, when it is still allowed; else the first one.
  const chosen = next.find((status) => status === typed.status) ?? next[0];
  const note = typed.note ?? record.note;
  const inAccount = typed.inAccount ?? record.inAccount;
  const base = `/admin/requests/${record.id}`;
  const values = Object.entries(record.values).filter(([, value]) => str(value) !== '');
  const statusForm: SafeHtml = next.length === 0
    ? html`<p>${t.noMove}</p>`
    : html`<form method="get" action="${base}/status">
  <input type="hidden" name="lang" value="${lang}">
  <input type="hidden" name="version" value="${record.version}">
  <fieldset><legend>${t.newStatus}</legend>${next.map((status) => html`
    <p><input type="radio" id="to-${status}" name="status" value="${status}"${status === chosen ? html` checked` : ''}> <label for="to-${status}">${t.moveTo[status]} (${t.status[status]})</label></p>`)}
  </fieldset>
  <p><button type="submit">${t.continue}</button></p>
</form>`;
  const main = html`<p><a href="/admin/requests/?lang=${lang}">← ${t.backToList}</a></p>
<h1>${title}</h1>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}${errorNotice(options.error)}
<p class="request-state"><span class="status status-${record.status}">${t.status[record.status]}</span> · ${received} <time datetime="${record.createdAt}">${date.format(record.createdAt)}</time> · ${record.activatedAt ? html`${t.activated} <time datetime="${record.activatedAt}">${date.format(record.activatedAt)}</time>` : t.notActivated}</p>
<section aria-labelledby="values-title"><h2 id="values-title">${t.values}</h2>
<dl class="values">${values.map(([id, value]) => html`<dt>${labelOf(id, lang, options.config)}</dt><dd>${valueOf(id, value, lang, options.config)}</dd>`)}</dl></section>
${filesSection(record, base, lang, t, options.config)}
${checksSection(record, lang, `${base}/checks?lang=${lang}`, options.vatRetrying)}
<section aria-labelledby="status-title"><h2 id="status-title">${t.changeStatus}</h2>
${statusForm}
${record.status === 'accepted' && !record.activatedAt && !erased ? html`<form method="post" action="${base}/activation-email?lang=${lang}"><p><button type="submit">${t.resend}</button></p></form>` : ''}</section>
<section aria-labelledby="account-title"><h2 id="account-title">${t.account}</h2>
<form method="post" action="${base}?lang=${lang}">
  <input type="hidden" name="version" value="${record.version}">
  <input type="hidden" name="seenInAccount" value="${String(record.inAccount)}">${erased ? '' : html`
  <input type="hidden" name="seenNote" value="${record.note}">`}
  <p><input type="checkbox" id="in-account" name="inAccount" value="true"${inAccount ? html` checked` : ''} aria-describedby="in-account-help"> <label for="in-account">${t.inAccountLabel}</label>
  <span id="in-account-help" class="help">${t.inAccountHelp}</span></p>
${erased ? '' : html`  <p><label for="note">${t.note}</label><br>
  <textarea id="note" name="note" rows="4" cols="60" maxlength="2000" aria-describedby="note-help${note !== record.note ? ' note-saved' : ''}">${note}</textarea>
  <span id="note-help" class="help">${t.noteHelp}</span>${note !== record.note ? html`
  <span id="note-saved" class="help saved-note">${format(t.savedNote, { note: record.note || '—' })}</span>` : ''}</p>`}
  <p><button type="submit">${t.save}</button></p>
</form></section>
<section aria-labelledby="history-title"><h2 id="history-title">${t.history}</h2>
${record.history.length === 0 ? html`<p>${t.noHistory}</p>` : html`<ol class="history">${[...record.history].reverse().map((entry) => html`
  <li><time datetime="${entry.at}">${date.format(entry.at)}</time> · ${actorName(entry.actor, lang)}<ul>${entry.changes.map((change) => html`<li>${describeChange(change, t, lang, options.config)}</li>`)}${entryDetails(entry, lang)}</ul></li>`)}
</ol>`}
<p><a href="/admin/outbox/?lang=${lang}&amp;requestId=${record.id}">${t.outboxTitle}</a></p></section>
${privacySection(record, lang)}`;
  return layout({ locale: lang, title, path: base, main, variant: 'admin' });
}

// The files sent with the request: each a download (always an attachment, see the SDK's file route) with its size and kind.
function filesSection(record: PublicRecord, base: string, lang: PageLocale, t: PageWords, config: FormConfig | undefined): SafeHtml | '' {
  const files = record.files ?? [];
  if (files.length === 0) return '';
  return html`<section aria-labelledby="files-title"><h2 id="files-title">${t.filesTitle}</h2>
<ul class="files">${files.map((file) => html`<li><a href="${base}/files/${encodeURIComponent(file.id)}" download>${file.name}</a> · ${labelOf(file.field, lang, config)} · ${formatFileSize(file.size, lang)} · ${file.type.split('/')[1]?.toUpperCase() ?? ''}</li>`)}</ul></section>`;
}

/** The confirmation step of a status change: says what will happen and posts the change only when confirmed. */
export function statusConfirmPage(options: {
  readonly locale: PageLocale;
  readonly record: PublicRecord;
  readonly to: RequestStatus;
  /** What the admin typed, when the change was refused and the step is shown again, with the error. */
  readonly values?: DecisionValues;
  readonly error?: string;
}): string {
  const { record, locale: lang, to } = options;
  const t = pageText(lang);
  const base = `/admin/requests/${record.id}`;
  const company = str(record.values['companyName']);
  const main = html`<h1>${t.confirmTitle}</h1>
${errorNotice(options.error)}
<form method="post" action="${base}/status/confirm?lang=${lang}" aria-describedby="confirm-text">
  <p id="confirm-text">${format(t.confirmText, { from: t.status[record.status], to: t.status[to], company })}${to === 'accepted' ? html` ${t.confirmAccept}` : to === 'info-requested' ? html` ${t.decisions.confirmInfo}` : to === 'rejected' ? html` ${t.decisions.confirmReject}` : ''}</p>
  <input type="hidden" name="version" value="${record.version}">
  <input type="hidden" name="status" value="${to}">
  ${decisionFields(to, lang, 'decision', options.values ?? {})}
  <p><button type="submit">${t.confirm}</button> <a href="${base}?lang=${lang}">${t.cancel}</a></p>
</form>`;
  return layout({ locale: lang, title: t.confirmTitle, path: base, main, variant: 'admin' });
}
