import type { NotificationRecord } from '@account-request/sdk/server';
import { formatDate } from '@account-request/sdk';
import { html } from './html.js';
import { layout } from './layout.js';
import { format, labelled, pageText, type PageLocale } from './text.js';
import { paging } from './paging.js';

/** What the outbox page shows. */
export interface OutboxPageOptions {
  readonly locale: PageLocale;
  readonly items: readonly NotificationRecord[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly requestId?: string;
}

/** `/admin/outbox/`: every recorded e-mail, newest first, with its delivery state and last error. */
export function outboxPage(options: OutboxPageOptions): string {
  const t = pageText(options.locale);
  const lang = options.locale;
  const date = (value: string) => formatDate(value, lang, { dateStyle: 'short', timeStyle: 'medium' });
  const filter = options.requestId ? `&requestId=${encodeURIComponent(options.requestId)}` : '';
  const page = (offset: number): string => `/admin/outbox/?lang=${lang}${filter}&offset=${offset}`;
  const last = options.offset + options.items.length;
  const lastOffset = Math.max(0, Math.floor((options.total - 1) / options.limit) * options.limit);
  const pastEnd = options.items.length === 0 && options.total > 0 && options.offset > 0;
  const main = html`<section class="admin-intro">
  <h1>${t.outboxTitle}</h1>
  <p>${t.outboxIntro}</p>
  <p class="admin-links"><a href="/admin/requests/?lang=${lang}">${t.backToList}</a></p>
</section>
${options.items.length === 0 ? (pastEnd ? html`<p>${t.pastEnd} <a href="${page(lastOffset)}">${t.lastPage}</a></p>` : html`<p>${t.outboxNone}</p>`) : html`<div class="table-scroll"><table class="outbox">
  <caption>${format(t.outboxCaption, { first: options.offset + 1, last, total: options.total })}</caption>
  <thead><tr><th scope="col">${t.outboxColumns.date}</th><th scope="col">${t.outboxColumns.kind}</th><th scope="col">${t.outboxColumns.to}</th><th scope="col">${t.outboxColumns.subject}</th><th scope="col">${t.outboxColumns.state}</th><th scope="col">${t.outboxColumns.attempts}</th><th scope="col">${t.outboxColumns.error}</th></tr></thead>
  <tbody>${options.items.map((n) => html`
    <tr data-notification-id="${n.id}" data-kind="${n.kind}"><td><time datetime="${n.createdAt}">${date(n.createdAt)}</time></td><td>${t.kinds[n.kind]}</td><td>${n.to}</td><td><a href="/admin/outbox/${n.id}?lang=${lang}">${n.subject}</a></td><td><span class="state state-${n.state}">${t.states[n.state]}</span></td><td>${n.attempts}</td><td>${n.lastError ?? ''}</td></tr>`)}
  </tbody>
</table></div>`}
${paging(t.outboxTitle, options.offset > 0 && !pastEnd ? page(Math.max(0, options.offset - options.limit)) : undefined, options.items.length > 0 && last < options.total ? page(options.offset + options.limit) : undefined, lang)}`;
  return layout({ locale: lang, title: t.outboxTitle, path: '/admin/outbox/', main, variant: 'admin' });
}

/** `/admin/outbox/{id}`: one message's delivery state and its `.eml` file as text (escaped, never rendered). */
export function messagePage(options: { readonly locale: PageLocale; readonly notification: NotificationRecord; readonly eml: string | undefined }): string {
  const t = pageText(options.locale);
  const n = options.notification;
  const lang = options.locale;
  const main = html`<p><a href="/admin/outbox/?lang=${lang}">← ${t.outboxTitle}</a></p>
<h1>${labelled(lang, t.messageTitle, n.subject)}</h1>
<dl class="values">
  <dt>${t.outboxColumns.kind}</dt><dd>${t.kinds[n.kind]}</dd>
  <dt>${t.outboxColumns.to}</dt><dd>${n.to}</dd>
  <dt>${t.outboxColumns.state}</dt><dd>${t.states[n.state]}</dd>
  <dt>${t.outboxColumns.attempts}</dt><dd>${n.attempts}</dd>${n.lastError ? html`
  <dt>${t.outboxColumns.error}</dt><dd>${n.lastError}</dd>` : ''}
  <dt>${t.columns.open}</dt><dd>${n.kind === 'invitation'
    ? html`<a href="/admin/invitations/?lang=${lang}">${t.decisions.invitations}</a>`
    : html`<a href="/admin/requests/${n.requestId}?lang=${lang}">${n.requestId}</a>`}</dd>
</dl>
${options.eml === undefined ? html`<p>${t.noFile}</p>` : html`<pre class="eml" tabindex="0">${options.eml}</pre>`}`;
  return layout({ locale: lang, title: n.subject, path: `/admin/outbox/${n.id}`, main, variant: 'admin' });
}
