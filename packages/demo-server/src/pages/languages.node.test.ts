import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccountRequestRecord, NotificationRecord, PublicRecord } from '@account-request/sdk/server';
import { englishIn, OTHER_LANGUAGES, segmentsOfHtml } from '../../../../test/test-helpers/english-fallback.js';
import { activationPage } from './activation.js';
import { adminPage } from './admin.js';
import { notFoundPage } from './not-found.js';
import { messagePage, outboxPage } from './outbox.js';
import { requestDetailPage, statusConfirmPage } from './request-detail.js';
import { requestsListPage } from './requests-list.js';
import { shopPage } from './shop.js';
import { format, pageText, type PageLocale } from './text.js';
import { decisionLabels, problemText } from './problems.js';

const values = { companyName: 'Quincaillerie Morel', civility: 'Mme', firstName: 'Zoé', lastName: 'Morel', email: 'zoe@morel.example', phone: '+33 4 78 00 00 00', siret: '73282932000074', postalCode: '69002', city: 'Lyon', legalForm: 'SARL', newsletter: true };
const stored: AccountRequestRecord = { id: 'r1', createdAt: '2026-03-02T09:00:00.000Z', values, locale: 'fr', access: 'full', status: 'new' };
const record = (status: PublicRecord['status'], extra: Partial<PublicRecord> = {}): PublicRecord => ({
  ...stored,
  status,
  inAccount: true,
  note: 'Appeler le matin',
  version: 4,
  history: [
    { at: '2026-03-03T10:00:00.000Z', actor: 'admin', changes: [{ field: 'status', from: 'new', to: 'in-progress' }, { field: 'inAccount', from: false, to: true }, { field: 'note', from: '', to: 'Appeler le matin' }] },
    { at: '2026-03-04T10:00:00.000Z', actor: 'applicant', changes: [{ field: 'activation', from: null, to: '2026-03-04T10:00:00.000Z' }] },
  ],
  ...extra,
});
const notification: NotificationRecord = {
  id: 'n1', to: 'zoe@morel.example', subject: 'Quincaillerie Morel', text: 'x', html: '<p>x</p>', kind: 'activation', requestId: 'r1',
  dedupeKey: 'k', state: 'failed', attempts: 3, lastError: 'ECONNREFUSED', createdAt: '2026-03-02T09:00:00.000Z', nextAttemptAt: '2026-03-02T09:00:00.000Z',
};

/** Every page of the demo, in `locale`, in every state that shows other words. */
function everyPage(locale: PageLocale): Record<string, string> {
  const t = pageText(locale);
  const list = { locale, total: 45, limit: 20, offset: 20, filters: { q: 'morel' }, exportHref: '/api/export.csv' };
  return {
    shop: shopPage({ locale, formScript: '/assets/f.js', configSrc: '/api/config', action: '/api' }),
    admin: adminPage({ locale, editorScript: '/assets/e.js', configSrc: '/api/config', requestsHref: '/api', requests: [stored, { ...stored, id: 'r2' }] }),
    adminEmpty: adminPage({ locale, editorScript: '/assets/e.js', configSrc: '/api/config', requestsHref: '/api', requests: [] }),
    list: requestsListPage({ ...list, items: [record('new'), record('accepted', { id: 'r2', inAccount: false })], notice: format(t.bulkDone, { queued: 2, activated: 1 }), error: t.stale }),
    listEmpty: requestsListPage({ ...list, items: [], offset: 0, total: 0, filters: {} }),
    listPastEnd: requestsListPage({ ...list, items: [], offset: 5000, total: 331 }),
    detailRefused: requestDetailPage({ locale, record: record('in-progress'), error: t.staleKept, typed: { status: 'rejected', note: 'x', inAccount: false } }),
    confirmRefused: statusConfirmPage({ locale, record: record('in-progress'), to: 'rejected', values: { reason: 'other', message: 'x', notify: false }, error: problemText(locale, { type: '', detail: 'The change breaks one or more rules.', errors: [{ field: 'message', code: 'required' }, { field: 'message', code: 'invalid_characters' }, { field: 'note', code: 'not_applicable' }] }, decisionLabels(locale, 'rejected'), 'other') }),
    outboxPastEnd: outboxPage({ locale, items: [], total: 672, limit: 20, offset: 5000 }),
    detail: requestDetailPage({ locale, record: record('in-progress'), notice: t.saved }),
    detailAccepted: requestDetailPage({ locale, record: record('accepted', { activatedAt: '2026-03-04T10:00:00.000Z' }), notice: t.resent }),
    detailNotActivated: requestDetailPage({ locale, record: record('accepted', { history: [] }) }),
    confirm: statusConfirmPage({ locale, record: record('in-progress'), to: 'accepted' }),
    outbox: outboxPage({ locale, items: [notification, { ...notification, id: 'n2', kind: 'alert', state: 'sent' }, { ...notification, id: 'n3', kind: 'confirmation', state: 'pending' }], total: 3, limit: 20, offset: 0, requestId: 'r1' }),
    outboxEmpty: outboxPage({ locale, items: [], total: 0, limit: 20, offset: 0 }),
    message: messagePage({ locale, notification, eml: undefined }),
    activationForm: activationPage({ locale, token: 'abc', view: { state: 'form', companyName: 'Quincaillerie Morel', email: 'zoe@morel.example', errors: { password: 'x'.repeat(3), confirmation: t.mismatch } } }),
    activationDone: activationPage({ locale, token: 'abc', view: { state: 'done' } }),
    ...Object.fromEntries((['expired', 'used', 'replaced', 'unknown'] as const).map((state) => [`activation-${state}`, activationPage({ locale, token: 'abc', view: { state } })])),
    notFound: notFoundPage(locale),
  };
}

describe('demo pages in every language', () => {
  it('render every page and state in each of the seven languages with no English and no text missing', () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      for (const [name, html] of Object.entries(everyPage(language))) {
        assert.match(html, new RegExp(`<html lang="${language}">`), `${language} ${name}`);
        const found = englishIn(segmentsOfHtml(html), language).filter((problem) => language !== 'en' || problem.startsWith('missing'));
        assert.deepEqual(found, [], `${language} ${name}`);
      }
    }
  });

  it('name the catalog fields in the language on the detail page, and write dates with Intl', () => {
    const de = everyPage('de')['detail'] ?? '';
    assert.ok(de.includes('<dt>Firmenname</dt><dd>Quincaillerie Morel</dd>'));
    assert.ok(de.includes('<dt>Rechtsform</dt>'));
    assert.ok(de.includes('<dt>USt-IdNr.</dt>') === false, 'no VAT number was given');
    assert.match(de, /Eingegangen am <time datetime="2026-03-02T09:00:00.000Z">02\.03\.2026, \d\d:\d\d<\/time>/);
    assert.match(everyPage('en')['detail'] ?? '', /Received <time datetime="2026-03-02T09:00:00.000Z">2 Mar 2026, \d\d:\d\d<\/time>/);
  });

  it('offer the six other languages in the switch, each in its own name', () => {
    const html = everyPage('it')['shop'] ?? '';
    for (const [tag, name] of [['fr', 'Français'], ['en', 'English'], ['de', 'Deutsch'], ['es', 'Español'], ['nl', 'Nederlands'], ['pt', 'Português']]) {
      assert.ok(html.includes(`href="/?lang=${tag}" hreflang="${tag}" lang="${tag}">${name}</a>`), tag);
    }
    assert.ok(!html.includes('hreflang="it"'));
  });
});
