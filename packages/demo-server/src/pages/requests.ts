import type { AccountRequestRecord } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { formatDate } from '@account-request/sdk';
import { format, pageText, sharedText, type PageLocale } from './text.js';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The latest requests as a table for the admin page; every value is escaped by {@link html}. */
export function requestsTable(records: readonly AccountRequestRecord[], locale: PageLocale): SafeHtml {
  const t = pageText(locale).requests;
  const { fields, labels } = sharedText(locale);
  if (records.length === 0) return html`<p>${t.empty}</p>`;
  // Nothing in the table takes the focus: the scroll box itself does, named by the caption, so the keyboard can scroll it.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="latest-caption"><table class="requests">
  <caption id="latest-caption">${format(t.caption, { count: records.length }, locale)}</caption>
  <thead><tr><th scope="col">${labels.received}</th><th scope="col">${fields.companyName.label}</th><th scope="col">${labels.contact}</th><th scope="col">${fields.email.label}</th><th scope="col">${fields.phone.label}</th><th scope="col">${fields.city.label}</th></tr></thead>
  <tbody>${records.map(
    (record) => html`
    <tr><td><time datetime="${record.createdAt}">${formatDate(record.createdAt, locale, { dateStyle: 'short', timeStyle: 'short' })}</time></td><td>${text(record.values['companyName'])}</td><td>${[text(record.values['firstName']), text(record.values['lastName'])].filter(Boolean).join(' ')}</td><td>${text(record.values['email'])}</td><td>${text(record.values['phone'])}</td><td>${[text(record.values['postalCode']), text(record.values['city'])].filter(Boolean).join(' ')}</td></tr>`,
  )}
  </tbody>
</table></div>`;
}
