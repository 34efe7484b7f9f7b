import type { AccountRequestRecord } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { pageText, type PageLocale } from './text.js';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The latest requests as a table for the admin page; every value is escaped by {@link html}. */
export function requestsTable(records: readonly AccountRequestRecord[], locale: PageLocale): SafeHtml {
  const t = pageText(locale).requests;
  if (records.length === 0) return html`<p>${t.empty}</p>`;
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  return html`<div class="table-scroll"><table class="requests">
  <caption>${t.caption(records.length)}</caption>
  <thead><tr><th scope="col">${t.date}</th><th scope="col">${t.company}</th><th scope="col">${t.contact}</th><th scope="col">${t.email}</th><th scope="col">${t.phone}</th><th scope="col">${t.city}</th></tr></thead>
  <tbody>${records.map(
    (record) => html`
    <tr><td><time datetime="${record.createdAt}">${date.format(new Date(record.createdAt))}</time></td><td>${text(record.values['companyName'])}</td><td>${[text(record.values['firstName']), text(record.values['lastName'])].filter(Boolean).join(' ')}</td><td>${text(record.values['email'])}</td><td>${text(record.values['phone'])}</td><td>${[text(record.values['postalCode']), text(record.values['city'])].filter(Boolean).join(' ')}</td></tr>`,
  )}
  </tbody>
</table></div>`;
}
