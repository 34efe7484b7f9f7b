// The pages of the decision step in every state, in the seven languages: no English left in
// another language, no text missing (the same checker as languages.node.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '@account-request/sdk';
import type { PublicInvitation, PublicRecord } from '@account-request/sdk/server';
import { englishIn, OTHER_LANGUAGES, segmentsOfHtml } from '../../../../test/test-helpers/english-fallback.js';
import { applicantFormPage } from './applicant-form.js';
import { invitationsPage } from './invitations.js';
import { erasureConfirmPage } from './personal-data.js';
import { requestDetailPage, statusConfirmPage } from './request-detail.js';
import { requestsListPage } from './requests-list.js';
import { pageText, type PageLocale } from './text.js';
import { decisionLabels, fieldMessage, invitationProblemText, problemText } from './problems.js';

const values = { companyName: 'Quincaillerie Morel', lastName: 'Morel', email: 'zoe@morel.example', postalCode: '69002', city: 'Lyon', newsletter: true };
const base: PublicRecord = {
  id: 'r1', createdAt: '2026-03-02T09:00:00.000Z', values, locale: 'fr', access: 'full', status: 'in-progress', inAccount: false, note: '', version: 5, invitationId: 'i1',
  consents: [{ id: 'newsletter', granted: true, at: '2026-03-02T09:00:00.000Z', wording: 'Je souhaite recevoir la lettre d’information', locale: 'fr' }],
  history: [
    { at: '2026-03-03T10:00:00.000Z', actor: 'auto', changes: [{ field: 'status', from: 'new', to: 'in-progress' }] },
    { at: '2026-03-03T11:00:00.000Z', actor: 'admin', changes: [{ field: 'status', from: 'in-progress', to: 'info-requested' }], message: 'Kbis ?', notified: true },
    { at: '2026-03-04T10:00:00.000Z', actor: 'applicant', changes: [{ field: 'status', from: 'info-requested', to: 'in-progress' }, { field: 'value', key: 'postalCode', from: '69001', to: '69002' }, { field: 'value', key: 'newsletter', from: false, to: true }] },
    { at: '2026-03-05T10:00:00.000Z', actor: 'admin', changes: [{ field: 'status', from: 'in-progress', to: 'rejected' }], reason: 'outside-area', notified: false },
    { at: '2026-03-06T10:00:00.000Z', actor: 'retention', changes: [{ field: 'erasure', from: null, to: '2026-03-06T10:00:00.000Z' }] },
  ],
};
const invitation = (state: PublicInvitation['state'], id: string): PublicInvitation => ({
  id, email: `${id}@example.com`, companyName: 'Morel', values: {}, locale: 'fr', createdAt: '2026-03-01T09:00:00.000Z', createdBy: 'admin', expiresAt: '2026-03-31T09:00:00.000Z', sentAt: '2026-03-01T09:00:00.000Z', state,
  ...(state === 'used' ? { requestId: 'r1', usedAt: '2026-03-02T09:00:00.000Z' } : {}),
});

function everyPage(locale: PageLocale): Record<string, string> {
  const d = pageText(locale).decisions;
  const list = { locale, total: 1, limit: 20, offset: 0, filters: { q: 'morel' }, exportHref: '/api/export.csv', items: [base] };
  const dialog = (status: 'accepted' | 'rejected', count: number, emails: number, skipped: number) =>
    requestsListPage({ ...list, bulk: { selected: ['r1'], dialog: { status, ids: ['r1'], count, emails, skipped, values: { reason: 'incomplete', notify: true } } } });
  const pages: Record<string, string> = {
    detail: requestDetailPage({ locale, record: base, notice: d.erasedDone }),
    detailErased: requestDetailPage({ locale, record: { ...base, values: {}, erasedAt: '2026-03-06T10:00:00.000Z' } }),
    detailNoConsent: requestDetailPage({ locale, record: { ...base, consents: [] } }),
    confirmReject: statusConfirmPage({ locale, record: base, to: 'rejected' }),
    confirmInfo: statusConfirmPage({ locale, record: base, to: 'info-requested' }),
    erase: erasureConfirmPage({ locale, record: base }),
    bulkAccept: dialog('accepted', 1, 1, 0),
    bulkReject: dialog('rejected', 3, 0, 2),
    bulkMany: dialog('rejected', 5, 4, 1),
    bulkError: requestsListPage({ ...list, bulk: { selected: [], error: d.bulkNone } }),
    invitations: invitationsPage({ locale, items: [invitation('pending', 'a'), invitation('used', 'b'), invitation('expired', 'c'), invitation('revoked', 'd')], total: 30, limit: 20, offset: 0, notice: d.resent }),
    invitationsError: invitationsPage({ locale, items: [], total: 0, limit: 20, offset: 0, state: 'revoked', errors: [{ field: 'email', message: d.bulkNone }], typed: { email: 'x' } }),
    invitationsRefused: invitationsPage({
      locale, items: [], total: 0, limit: 20, offset: 0, typed: { email: 'x', expiresInDays: '999' },
      errors: [{ field: 'email', code: 'invalid_format' }, { field: 'expiresInDays', code: 'invalid_type' }, { field: 'values.city', code: 'too_long' }, { field: 'locale', code: 'invalid_format' }, { field: 'x', code: 'unknown_field' }].map((error) => ({ field: error.field, message: fieldMessage(locale, error) })),
    }),
    invitationClosed: invitationsPage({ locale, items: [invitation('revoked', 'd')], total: 1, limit: 20, offset: 0, error: invitationProblemText(locale, { type: 'urn:account-request:problem:invitation-revoked', detail: 'This invitation is revoked: it can no longer change.', errors: [] }) }),
    bulkRefused: requestsListPage({ ...list, bulk: { selected: ['r1'], error: problemText(locale, { type: '', detail: 'x', errors: [{ field: 'message', code: 'required' }] }, decisionLabels(locale, 'rejected'), 'other') } }),
    information: applicantFormPage({ locale, kind: 'information', token: 't', view: { state: 'form', values, action: '/api/information/t', message: 'Kbis ?\nMerci', config: defaultConfig() } }),
    invitation: applicantFormPage({ locale, kind: 'invitation', token: 't', view: { state: 'form', values, action: '/api/invitation/t', configSrc: '/api/config', readonly: 'email' } }),
  };
  for (const state of ['expired', 'used', 'replaced', 'closed', 'unknown'] as const) pages[`information-${state}`] = applicantFormPage({ locale, kind: 'information', token: 't', view: { state } });
  for (const state of ['expired', 'used', 'revoked', 'unknown'] as const) pages[`invitation-${state}`] = applicantFormPage({ locale, kind: 'invitation', token: 't', view: { state } });
  return pages;
}

describe('decision-step pages in every language', () => {
  it('render every page and state in each of the seven languages with no English and no text missing', () => {
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      for (const [name, html] of Object.entries(everyPage(language))) {
        assert.match(html, new RegExp(`<html lang="${language}">`), `${language} ${name}`);
        const found = englishIn(segmentsOfHtml(html), language).filter((problem) => language !== 'en' || problem.startsWith('missing'));
        assert.deepEqual(found, [], `${language} ${name}`);
      }
    }
  });

  it('word the history of a correction, a rejection and an erasure, and the consents', () => {
    const en = everyPage('en')['detail'] ?? '';
    assert.match(en, /retention period<ul><li>Personal data erased<\/li><\/ul>/);
    assert.match(en, /the applicant<ul><li>Processing: Information requested → In progress<\/li><li>Postal code: 69001 → 69002<\/li><li>Send me the newsletter: No → Yes<\/li><\/ul>/);
    assert.match(en, /<li>Reason: Outside the area we serve<\/li><li>The applicant was not told by e-mail<\/li>/);
    assert.match(en, /<q lang="fr">Je souhaite recevoir la lettre d’information<\/q> · Ticked · <time/);
    assert.match(en, /Came from an invitation/);
    assert.match(everyPage('de')['bulkMany'] ?? '', /5 Anträge ablehnen\?<\/p><p>4 E-Mails werden gesendet\.<\/p><p>1 ausgewählter Antrag/);
  });

  it('word the hidden part of repeated link and button names in each language, and page nothing when there is nothing to page', () => {
    const en = everyPage('en');
    assert.ok(en['invitations']?.includes('Send again<span class="visually-hidden">: a@example.com</span>'));
    assert.ok(en['invitations']?.includes('Revoke<span class="visually-hidden">: a@example.com</span>'));
    assert.ok(en['invitations']?.includes('Open the request<span class="visually-hidden">: b@example.com</span>'));
    assert.ok(en['bulkAccept']?.includes('Details<span class="visually-hidden">: Quincaillerie Morel</span>'));
    assert.ok(everyPage('fr')['invitations']?.includes('<span class="visually-hidden"> : a@example.com</span>'));
    assert.ok(everyPage('de')['invitations']?.includes('<span class="visually-hidden">: a@example.com</span>'));
    for (const language of ['en', ...OTHER_LANGUAGES] as const) {
      if (language !== 'fr') assert.ok(!(everyPage(language)['invitations'] ?? '').includes(' : a@example.com'), `${language}: no French colon`);
      // No results: no navigation landmark with nothing in it.
      assert.doesNotMatch(everyPage(language)['invitationsError'] ?? '', /<nav class="paging"/, language);
      assert.match(everyPage(language)['invitations'] ?? '', /<nav class="paging"/, `${language}: 30 invitations, 20 a page`);
    }
  });
});
