import { formatDate } from '@account-request/sdk';
import { vatNameMismatch, viesRefusedRequester, type PublicRecord } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { checkText, format, type PageLocale } from './text.js';

/** The badges of a request's checks, for a list row: the VAT check, and a closed establishment. */
export function checkBadges(record: PublicRecord, locale: PageLocale): SafeHtml | string {
  const c = checkText(locale);
  const vat = record.vatCheck ? html`<span class="check check-${record.vatCheck.state}">${c.vat[record.vatCheck.state]}</span>` : '—';
  return record.siretCheck?.state === 'closed' ? html`${vat} <span class="check check-closed">${c.siret.closed}</span>` : vat;
}

/**
 * The checks of a request on its page: the VIES check (badge, date, registered name and
 * address, consultation number), the register check, the warnings (a VIES name that is not the
 * company name entered, a closed establishment) and "check again". Nothing when the request has
 * no check (the server runs none, or it predates them).
 */
export function checksSection(record: PublicRecord, locale: PageLocale, action: string, vatRetrying?: boolean): SafeHtml | string {
  const { vatCheck, siretCheck } = record;
  if (!vatCheck && !siretCheck) return '';
  const c = checkText(locale);
  const when = (at: string | undefined): SafeHtml | string =>
    at ? html` · <time datetime="${at}">${format(c.checkedAt, { date: formatDate(at, locale, { dateStyle: 'medium', timeStyle: 'short' }) })}</time>` : '';
  const detail = (label: string, value: string | undefined): SafeHtml | string => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  const mismatch = vatNameMismatch(vatCheck, record.values['companyName']);
  return html`<section aria-labelledby="checks-title"><h2 id="checks-title">${c.title}</h2>
<dl class="checks">${vatCheck ? html`
  <dt>${c.vatTitle}</dt><dd><span class="check check-${vatCheck.state}">${c.vat[vatCheck.state]}</span>${when(vatCheck.checkedAt)}${vatCheck.state === 'unavailable' ? html`<span class="help">${viesRefusedRequester(vatCheck.reason) ? c.requesterRefused : vatRetrying === false ? c.retriesOver : c.retrying}</span>` : ''}</dd>
  ${detail(c.registeredName, vatCheck.name)}${detail(c.registeredAddress, vatCheck.address)}${detail(c.consultationNumber, vatCheck.consultationNumber)}` : ''}${siretCheck ? html`
  <dt>${c.siretTitle}</dt><dd><span class="check check-${siretCheck.state}">${c.siret[siretCheck.state]}</span>${when(siretCheck.checkedAt)}</dd>
  ${detail(c.registerName, siretCheck.name)}` : ''}
</dl>
${mismatch && vatCheck?.name ? html`<p class="notice warning">${format(c.nameMismatch, { name: vatCheck.name })}</p>` : ''}${siretCheck?.state === 'closed' ? html`<p class="notice warning">${c.closedWarning}</p>` : ''}
<form method="post" action="${action}"><p><button type="submit">${c.checkAgain}</button></p></form></section>`;
}
