import { formatDate, formatNumber, registerLocale, texts } from '@account-request/sdk';
import { webhooks as de } from '@account-request/sdk/locales/de/webhooks';
import { webhooks as en } from '@account-request/sdk/locales/en/webhooks';
import { webhooks as es } from '@account-request/sdk/locales/es/webhooks';
import { webhooks as fr } from '@account-request/sdk/locales/fr/webhooks';
import { webhooks as it } from '@account-request/sdk/locales/it/webhooks';
import { webhooks as nl } from '@account-request/sdk/locales/nl/webhooks';
import { webhooks as pt } from '@account-request/sdk/locales/pt/webhooks';
import { readDeliveryError, type WebhookDelivery, type WebhookEndpoint, type WebhookEndpointProblem } from '@account-request/sdk/server';
import { html } from './html.js';
import { layout } from './layout.js';
import { format, hiddenName, pageText, type PageLocale } from './text.js';
import { paging } from './paging.js';

for (const [tag, webhooks] of Object.entries({ en, fr, de, es, it, nl, pt })) registerLocale(tag, { webhooks });

/** The words of the webhook pages in `locale` (the `webhooks` namespace, registered above). */
export function webhooksText(locale: string): ReturnType<typeof texts<'webhooks'>> {
  return texts('webhooks', locale);
}

/** A delivery's last error in the page's language; a network failure's own text and an HTTP status stay as they are. */
export function deliveryErrorText(error: string, locale: string): string {
  const w = webhooksText(locale);
  const read = readDeliveryError(error);
  if (read.kind === 'refused') return format(w.deliveryErrors.refused, { reason: w.problems[read.problem] });
  if (read.kind === 'timeout') return format(w.deliveryErrors.timeout, { seconds: formatNumber(read.ms / 1000, locale) });
  if (read.kind === 'http' || read.kind === 'other') return error;
  return w.deliveryErrors[read.kind];
}

/** A message after an action: its key in the `webhooks` namespace's notices, and the values it names. */
export interface WebhookNotice {
  readonly key: keyof typeof en.notices;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** What `/admin/webhooks/` shows. */
export interface WebhooksPageOptions {
  readonly locale: PageLocale;
  readonly endpoints: readonly WebhookEndpoint[];
  /** The id of the endpoint kept in step with WEBHOOK_URL: its secret lives in the environment, not shown here. */
  readonly environmentId: string;
  readonly notice?: WebhookNotice;
  /** Why the endpoint typed in the form was refused, and what was typed. */
  readonly refused?: { readonly problem: WebhookEndpointProblem; readonly url: string };
  readonly now: string;
}

const stateOf = (endpoint: WebhookEndpoint): 'active' | 'admin' | 'gone' => (endpoint.disabledAt === undefined ? 'active' : (endpoint.disabledReason ?? 'admin'));

function notice(locale: PageLocale, value: WebhookNotice | undefined) {
  if (!value) return '';
  const w = texts('webhooks', locale);
  return html`<p class="notice" role="status">${format(w.notices[value.key], value.values ?? {})}</p>`;
}

// One button per action: a small form posting to this origin (the CSRF check of /admin/* applies).
// The repeated labels get their row's subject, for screen readers, so that each button has its own name.
const action = (path: string, label: string, lang: string, context: string) =>
  html`<form method="post" action="${path}?lang=${lang}"><button type="submit">${hiddenName(lang, label, context)}</button></form>`;

/** `/admin/webhooks/`: the endpoints with their state, secret and actions, and the form adding one. */
export function webhooksPage(options: WebhooksPageOptions): string {
  const w = texts('webhooks', options.locale);
  const t = pageText(options.locale);
  const lang = options.locale;
  const date = (value: string) => formatDate(value, lang, { dateStyle: 'short', timeStyle: 'short' });
  const rows = options.endpoints.map((endpoint) => {
    const state = stateOf(endpoint);
    const base = `/admin/webhooks/${encodeURIComponent(endpoint.id)}`;
    const previous = endpoint.secrets[1];
    const secret = endpoint.id === options.environmentId
      ? html`<span class="help">${w.fromEnvironment}</span>`
      : html`<details><summary>${w.showSecret}</summary><code class="secret">${endpoint.secrets[0]?.secret ?? ''}</code></details>${previous?.expiresAt && previous.expiresAt > options.now ? html`<span class="help">${format(w.previousSecret, { date: date(previous.expiresAt) })}</span>` : ''}`;
    return html`
    <tr data-endpoint-id="${endpoint.id}"><td><code>${endpoint.url}</code></td><td><span class="state state-${state}">${w.states[state]}</span></td><td>${secret}</td>
      <td class="actions">${action(`${base}/test`, w.test, lang, endpoint.url)}${state === 'active' ? action(`${base}/disable`, w.disable, lang, endpoint.url) : action(`${base}/enable`, w.enable, lang, endpoint.url)}${endpoint.id === options.environmentId ? '' : action(`${base}/rotate`, w.rotate, lang, endpoint.url)}<a href="${base}?lang=${lang}">${hiddenName(lang, w.deliveries, endpoint.url)}</a></td></tr>`;
  });
  const refused = options.refused;
  const main = html`<section class="admin-intro">
  <h1>${w.title}</h1>
  <p>${w.intro}</p>
  <p class="admin-links"><a href="/admin/requests/?lang=${lang}">← ${t.backToList}</a></p>
</section>
${notice(lang, options.notice)}
<h2>${w.endpoints}</h2>
${rows.length === 0 ? html`<p>${w.none}</p>` : html`<div class="table-scroll"><table class="outbox webhooks">
  <caption>${format(w.endpointsCaption, { count: rows.length }, lang)}</caption>
  <thead><tr><th scope="col">${w.columns.url}</th><th scope="col">${w.columns.state}</th><th scope="col">${w.columns.secret}</th><th scope="col">${w.columns.actions}</th></tr></thead>
  <tbody>${rows}
  </tbody>
</table></div>`}
<form class="bulk" method="post" action="/admin/webhooks/?lang=${lang}" novalidate>
  <h2>${w.addTitle}</h2>
  <p><label for="webhook-url">${w.urlLabel}</label>
  <input id="webhook-url" name="url" type="url" inputmode="url" autocomplete="url" required maxlength="2000" size="60" value="${refused?.url ?? ''}" aria-describedby="webhook-url-help${refused ? ' webhook-url-error' : ''}"${refused ? html` aria-invalid="true" autofocus` : ''}>
  <span id="webhook-url-help" class="help">${w.urlHelp}</span>
  ${refused ? html`<span id="webhook-url-error" class="error" role="alert">${w.problems[refused.problem]}</span>` : ''}</p>
  <p><button type="submit">${w.add}</button></p>
</form>`;
  return layout({ locale: lang, title: w.title, path: '/admin/webhooks/', main, variant: 'admin' });
}

/** What `/admin/webhooks/{id}` shows. */
export interface DeliveriesPageOptions {
  readonly locale: PageLocale;
  readonly endpoint: WebhookEndpoint;
  readonly items: readonly WebhookDelivery[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly notice?: WebhookNotice;
}

const EVENTS = {
  'account-request.created': 'created',
  'account-request.updated': 'updated',
  'account-request.information-provided': 'informationProvided',
  'account-request.activated': 'activated',
  'account-request.erased': 'erased',
  'webhook.ping': 'ping',
} as const;

/** `/admin/webhooks/{id}`: the deliveries of one endpoint, newest first: state, attempts, last status and answer, with "send again". */
export function deliveriesPage(options: DeliveriesPageOptions): string {
  const w = texts('webhooks', options.locale);
  const t = pageText(options.locale);
  const lang = options.locale;
  const date = (value: string) => formatDate(value, lang, { dateStyle: 'short', timeStyle: 'medium' });
  const base = `/admin/webhooks/${encodeURIComponent(options.endpoint.id)}`;
  const page = (offset: number): string => `${base}?lang=${lang}&offset=${offset}`;
  const last = options.offset + options.items.length;
  const title = format(w.deliveriesTitle, { url: options.endpoint.url });
  const main = html`<p><a href="/admin/webhooks/?lang=${lang}">← ${w.back}</a></p>
<h1>${title}</h1>
${notice(lang, options.notice)}
${options.items.length === 0 ? html`<p>${w.noDeliveries}</p>` : html`<div class="table-scroll"><table class="outbox deliveries">
  <caption>${format(w.caption, { first: options.offset + 1, last, total: options.total })}</caption>
  <thead><tr><th scope="col">${w.deliveryColumns.date}</th><th scope="col">${w.deliveryColumns.event}</th><th scope="col">${w.deliveryColumns.state}</th><th scope="col">${w.deliveryColumns.attempts}</th><th scope="col">${w.deliveryColumns.status}</th><th scope="col">${w.deliveryColumns.answer}</th><th scope="col">${w.deliveryColumns.next}</th><th scope="col"><span class="visually-hidden">${w.columns.actions}</span></th></tr></thead>
  <tbody>${options.items.map((d) => html`
    <tr data-delivery-id="${d.id}" data-state="${d.state}"><td><time datetime="${d.createdAt}">${date(d.createdAt)}</time><br><code class="help">${d.id}</code></td><td>${w.events[EVENTS[d.type]]}${d.requestId ? html`<br><a href="/admin/requests/${d.requestId}?lang=${lang}">${t.columns.open}</a>` : ''}</td>
      <td><span class="state state-${d.state}">${w.deliveryStates[d.state]}</span></td><td>${d.attempts}</td><td>${d.lastStatus ?? ''}</td><td>${d.lastError ? deliveryErrorText(d.lastError, lang) : ''}${d.lastError && d.lastResponse ? html`<br>` : ''}${d.lastResponse ? html`<q>${d.lastResponse}</q>` : ''}</td>
      <td>${d.state === 'pending' ? html`<time datetime="${d.nextAttemptAt}">${date(d.nextAttemptAt)}</time>` : ''}</td>
      <td>${action(`${base}/deliveries/${encodeURIComponent(d.id)}/resend`, w.resend, lang, d.id)}</td></tr>`)}
  </tbody>
</table></div>`}
${paging(title, options.offset > 0 ? page(Math.max(0, options.offset - options.limit)) : undefined, options.items.length > 0 && last < options.total ? page(options.offset + options.limit) : undefined, lang)}`;
  return layout({ locale: lang, title, path: base, main, variant: 'admin' });
}
