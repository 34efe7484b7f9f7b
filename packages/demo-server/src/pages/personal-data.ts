import { formatDate } from '@account-request/sdk';
import type { PublicRecord } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { format, pageText, type PageLocale } from './text.js';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The personal-data part of a request's page: the consents with their wording and time, where
 * the request came from, the download of everything held, and the way to erasure; once erased,
 * only when it was.
 */
export function privacySection(record: PublicRecord, lang: PageLocale): SafeHtml {
  const t = pageText(lang).decisions;
  const base = `/admin/requests/${record.id}`;
  const date = (value: string): string => formatDate(value, lang, { dateStyle: 'medium', timeStyle: 'short' });
  if (record.erasedAt !== undefined) {
    return html`<section aria-labelledby="privacy-title"><h2 id="privacy-title">${t.privacy}</h2>
<p>${format(t.erased, { date: date(record.erasedAt) })}</p></section>`;
  }
  const consents = record.consents ?? [];
  return html`<section aria-labelledby="privacy-title"><h2 id="privacy-title">${t.privacy}</h2>
${record.invitationId ? html`<p>${t.invited}</p>` : ''}
<h3>${t.consents}</h3>
${consents.length === 0 ? html`<p>${t.noConsent}</p>` : html`<ul class="consents">${consents.map((consent) => html`
  <li><q lang="${consent.locale}">${consent.wording}</q> · ${consent.granted ? t.consentGiven : t.consentRefused} · <time datetime="${consent.at}">${date(consent.at)}</time></li>`)}
</ul>`}
<p><a href="${base}/personal-data?lang=${lang}" download>${t.download}</a></p>
<form method="get" action="${base}/erasure"><input type="hidden" name="lang" value="${lang}"><p><button type="submit" class="danger">${t.erase}</button></p></form></section>`;
}

/** The confirmation step of an erasure: what goes, that it cannot be undone; the erasure is posted only from here. */
export function erasureConfirmPage(options: { readonly locale: PageLocale; readonly record: PublicRecord }): string {
  const { record, locale: lang } = options;
  const t = pageText(lang).decisions;
  const base = `/admin/requests/${record.id}`;
  const main = html`<h1>${t.eraseTitle}</h1>
<form method="post" action="${base}/erasure/confirm?lang=${lang}" aria-describedby="erase-text erase-warning">
  <p id="erase-text">${format(t.eraseText, { company: str(record.values['companyName']) })}</p>
  <p id="erase-warning" class="notice warning"><strong>${t.eraseWarning}</strong></p>
  <input type="hidden" name="version" value="${record.version}">
  <p><button type="submit" class="danger">${t.eraseConfirm}</button> <a href="${base}?lang=${lang}">${pageText(lang).cancel}</a></p>
</form>`;
  return layout({ locale: lang, title: t.eraseTitle, path: `${base}/erasure`, main, variant: 'admin' });
}
