import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebhookDelivery, WebhookEndpoint } from '@account-request/sdk/server';
import { englishIn, OTHER_LANGUAGES, segmentsOfHtml } from '../../../../test/test-helpers/english-fallback.js';
import type { PageLocale } from './text.js';
import { deliveriesPage, webhooksPage, type WebhookNotice } from './webhooks.js';

const NOW = '2026-03-02T09:00:00.000Z';
const secret = (value: string, expiresAt?: string) => ({ secret: `whsec_${value}`, createdAt: NOW, ...(expiresAt ? { expiresAt } : {}) });
const endpoints: WebhookEndpoint[] = [
  { id: 'env', url: 'https://erp.example/hooks', secrets: [secret('ZW52')], createdAt: NOW },
  { id: 'ep1', url: 'https://crm.example/in?x=<b>', secrets: [secret('bmV3'), secret('b2xk', '2026-03-03T09:00:00.000Z')], createdAt: NOW },
  { id: 'ep2', url: 'https://old.example/', secrets: [secret('Z29uZQ')], createdAt: NOW, disabledAt: NOW, disabledReason: 'gone' },
  { id: 'ep3', url: 'https://off.example/', secrets: [secret('b2Zm')], createdAt: NOW, disabledAt: NOW, disabledReason: 'admin' },
];
const delivery = (state: WebhookDelivery['state'], type: WebhookDelivery['type'], extra: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id: `msg_${state}`, endpointId: 'ep1', type, requestId: 'r1', body: '{}', state, attempts: 2, createdAt: NOW, nextAttemptAt: NOW, ...extra,
});
const deliveries = [
  delivery('pending', 'account-request.created', { lastStatus: 500, lastResponse: 'refused <script>', lastError: 'HTTP 500' }),
  delivery('delivered', 'account-request.updated', { lastStatus: 204 }),
  delivery('failed', 'account-request.activated', { lastError: 'Timed out after 10000 ms' }),
  { ...delivery('cancelled', 'webhook.ping'), requestId: undefined } as unknown as WebhookDelivery,
];
const NOTICES: WebhookNotice[] = [
  { key: 'added' }, { key: 'rotated' }, { key: 'disabled' }, { key: 'enabled' }, { key: 'delivered', values: { status: 200 } },
  { key: 'notDelivered', values: { error: 'HTTP 503' } }, { key: 'resent' }, { key: 'busy' },
];

function everyPage(locale: PageLocale): Record<string, string> {
  const pages: Record<string, string> = {
    list: webhooksPage({ locale, endpoints, environmentId: 'env', now: NOW }),
    empty: webhooksPage({ locale, endpoints: [], environmentId: 'env', now: NOW }),
    deliveries: deliveriesPage({ locale, endpoint: endpoints[1]!, items: deliveries, total: 45, limit: 20, offset: 20 }),
    noDeliveries: deliveriesPage({ locale, endpoint: endpoints[1]!, items: [], total: 0, limit: 20, offset: 0 }),
  };
  for (const problem of ['invalid_url', 'insecure_scheme', 'credentials', 'private_address', 'unresolvable', 'invalid_secret'] as const) {
    pages[`refused-${problem}`] = webhooksPage({ locale, endpoints, environmentId: 'env', now: NOW, refused: { problem, url: 'ftp://x' } });
  }
  for (const notice of NOTICES) pages[`notice-${notice.key}`] = webhooksPage({ locale, endpoints, environmentId: 'env', now: NOW, notice });
  return pages;
}

describe('webhook pages', () => {
  it('render every state, notice and refusal in each of the seven languages, with no English and nothing missing', () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      for (const [name, html] of Object.entries(everyPage(language))) {
        assert.match(html, new RegExp(`<html lang="${language}">`), `${language} ${name}`);
        const found = englishIn(segmentsOfHtml(html), language).filter((problem) => language !== 'en' || problem.startsWith('missing'));
        assert.deepEqual(found, [], `${language} ${name}`);
      }
    }
  });

  it('escape what receivers and admins typed, show secrets only for endpoints added here, and tie the refusal to the field', () => {
    const pages = everyPage('fr');
    const list = pages['list'] ?? '';
    assert.ok(list.includes('https://crm.example/in?x=&lt;b&gt;'));
    assert.ok(!list.includes('whsec_ZW52'), 'the environment’s secret stays in the environment');
    assert.ok(list.includes('whsec_bmV3'));
    assert.match(list, /L’ancien secret signe aussi jusqu’au/);
    assert.ok((pages['deliveries'] ?? '').includes('refused &lt;script&gt;'));
    // The dispatcher's own errors in the page's language; an HTTP status as it is.
    const shown = pages['deliveries'] ?? '';
    assert.ok(shown.includes('<td>HTTP 500<br><q>refused &lt;script&gt;</q></td>'));
    assert.ok(shown.includes('<td>Pas de réponse en 10 s</td>'), 'a timeout');
    assert.ok(!shown.includes('Timed out'));
    const more = deliveriesPage({ locale: 'de', endpoint: endpoints[1]!, total: 3, limit: 20, offset: 0, items: [
      delivery('failed', 'account-request.created', { lastError: 'Not sent: private address' }),
      delivery('cancelled', 'account-request.created', { lastError: 'The endpoint is disabled' }),
      delivery('failed', 'account-request.created', { lastError: 'Gone: the endpoint is disabled', lastStatus: 410 }),
    ] });
    assert.ok(more.includes('Nicht gesendet: Diese Adresse'), 'a refused address, with the reason the form gives');
    assert.ok(more.includes('Nicht gesendet: die Adresse ist deaktiviert'));
    assert.ok(more.includes('Der Empfänger antwortete 410 Gone'));
    const refused = pages['refused-private_address'] ?? '';
    assert.match(refused, /aria-describedby="webhook-url-help webhook-url-error" aria-invalid="true"/);
    assert.match(refused, /id="webhook-url-error" class="error" role="alert">Cette adresse est sur un réseau privé/);
    // The focus goes to the refused field, not to <body>.
    assert.match(refused, /<input id="webhook-url"[^>]* aria-invalid="true" autofocus>/);
    assert.doesNotMatch(pages['list'] ?? '', /autofocus/);
  });

  it('say what plain http needs without contradicting itself, name the endpoints table, and name actions per language', () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      const page = everyPage(language);
      assert.match(page['refused-insecure_scheme'] ?? '', /https:\/\/[^<]*WEBHOOK_ALLOW_PRIVATE=1/, `${language}: says to use https:// and what allows plain http`);
      assert.match(page['list'] ?? '', /<table class="outbox webhooks">\s*<caption>[^<]+<\/caption>/, `${language}: the endpoints table has a caption`);
      if (language !== 'fr') assert.ok(!(page['list'] ?? '').includes('<span class="visually-hidden"> : '), `${language}: no French colon`);
    }
    const en = everyPage('en');
    assert.ok(!(en['refused-insecure_scheme'] ?? '').includes('only allowed for receivers on this machine'));
    assert.ok((en['list'] ?? '').includes('<caption>4 endpoints</caption>'));
    assert.ok((en['list'] ?? '').includes('Disable<span class="visually-hidden">: https://crm.example/in?x=&lt;b&gt;</span>'));
    assert.ok((everyPage('fr')['list'] ?? '').includes('<caption>4 adresses de réception</caption>'));
    assert.ok((everyPage('fr')['list'] ?? '').includes('<span class="visually-hidden"> : https://crm.example/in?x=&lt;b&gt;</span>'));
  });
});
