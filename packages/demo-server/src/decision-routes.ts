import { BULK_MAX_IDS, correctionConfig, isRecordId, type BulkItem, type InvitationState, type PublicInvitation, type PublicRecord } from '@account-request/sdk/server';
import { parseConfig } from '@account-request/sdk';
import type { Context, Hono } from 'hono';
import { applicantFormPage, type ApplicantView } from './pages/applicant-form.js';
import { decisionBody, type DecisionValues } from './pages/decision-fields.js';
import { invitationsPage } from './pages/invitations.js';
import { notFoundPage } from './pages/not-found.js';
import { erasureConfirmPage } from './pages/personal-data.js';
import { format, labelled, pageLocale, pageText, type PageLocale } from './pages/text.js';
import { filterQuery } from './pages/requests-list.js';
import { zonedFilters } from './pages/time-zone.js';
import { problemOf, readForm, versionMatch, type DetailExtra, type ListExtra } from './processing-routes.js';
import { decisionLabels, fieldMessage, invitationProblemText, problemText } from './pages/problems.js';

type Status = 200 | 403 | 404 | 409 | 422;

/** What the decision pages borrow from the processing pages: the API of the handler and the shared page helpers. */
export interface DecisionPagesContext {
  readonly apiBase: string;
  api(c: Context, path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response>;
  locale(c: Context): PageLocale;
  page(c: Context, body: string, status?: Status): Response;
  back(c: Context, path: string): Response;
  /** The list page for `filters` (at the page `?offset=` asks), with a bulk selection (and its dialog), a notice or an error. */
  listPage(c: Context, filters: Record<string, string>, extra: ListExtra): Promise<Response>;
  detail(c: Context, id: string, extra?: DetailExtra, status?: 200 | 409 | 422): Promise<Response>;
  loadRecord(c: Context, id: string): Promise<PublicRecord | undefined>;
}

const PAGE_SIZE = 20;
const MAX_FAILED_SHOWN = 20;
const json = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// The list filters the bulk form carries along, as `filter-<name>` inputs.
function filtersOf(form: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, value] of form) if (name.startsWith('filter-') && value) filters[name.slice('filter-'.length)] = value.slice(0, 200);
  return filters;
}

/**
 * Mounts the pages of the decision step: the bulk decision of the list, the export and erasure
 * of a request's personal data, the invitations (`/admin/…`, behind the app's admin check and
 * its same-origin check of posts), and the applicant's pages `/information/{token}` and
 * `/invitation/{token}`. Every rule stays in the SDK handler, called through `api`.
 */
export function mountDecisionPages(app: Hono, ctx: DecisionPagesContext): void {
  const { api, locale, page, back } = ctx;
  const listUrl = (lang: string, filters: Record<string, string>, extra: Record<string, string> = {}): string =>
    `/admin/requests/?${new URLSearchParams({ lang, ...filters, ...extra })}`;

  app.post('/admin/bulk-decisions', async (c) => {
    const lang = locale(c);
    const d = pageText(lang).decisions;
    const form = (await readForm(c)) ?? new URLSearchParams();
    const filters = filtersOf(form);
    const status: 'accepted' | 'rejected' = form.get('status') === 'rejected' ? 'rejected' : 'accepted';
    const decision = decisionBody(status, form);
    // What the form held, shown again on a refusal and behind the dialog whatever the decision
    // (an acceptance posts the reason, message and e-mail box too, kept for a switch to Reject).
    const values = decisionBody('rejected', form) as DecisionValues;
    const chosen = { status, values };
    // "Every request that matches the filters": their ids, asked of the list route (at most what one decision takes).
    const matching = form.get('scope') === 'matching' && form.get('confirm') !== '1';
    const listed = matching ? await api(c, filterQuery(zonedFilters(filters), { limit: String(BULK_MAX_IDS), offset: '0' })) : undefined;
    if (listed && listed.status !== 200) return ctx.listPage(c, filters, { bulk: { selected: [], error: problemText(lang, await problemOf(listed), {}), ...chosen } });
    const ids = listed ? ((await listed.json()) as PublicRecord[]).map((record) => record.id) : [...new Set(form.getAll('ids'))].slice(0, BULK_MAX_IDS);
    if (ids.length === 0) return ctx.listPage(c, filters, { bulk: { selected: [], error: d.bulkNone, ...chosen } });
    // The page asks for a reason, as a single rejection does (the API accepts none).
    if (status === 'rejected' && !values.reason) return ctx.listPage(c, filters, { bulk: { selected: ids, error: labelled(lang, d.reason, d.chooseReason), ...chosen } });
    const confirmed = form.get('confirm') === '1';
    const response = await api(c, '/decisions', json({ ids, status, ...decision, dryRun: !confirmed }));
    if (response.status !== 200) {
      const problem = await problemOf(response);
      return ctx.listPage(c, filters, { bulk: { selected: ids, error: problemText(lang, problem, decisionLabels(lang, status), values.reason), ...chosen } });
    }
    const report = (await response.json()) as { items: BulkItem[]; updated: number; refused: number; failed: number; emails: number };
    if (!confirmed) {
      return ctx.listPage(c, filters, { bulk: { selected: ids, dialog: { status, ids, count: report.updated, emails: report.emails, skipped: report.refused + report.failed, values }, ...chosen } });
    }
    const failed = report.items.filter((item) => item.outcome === 'failed' || item.outcome === 'conflict').map((item) => item.id).slice(0, MAX_FAILED_SHOWN);
    // Back to the page the decision was made from (`?offset=` of the form's action).
    const offset = /^\d{1,9}$/.test(c.req.query('offset') ?? '') ? { offset: c.req.query('offset') ?? '0' } : {};
    return back(c, listUrl(lang, filters, { ...offset, updated: String(report.updated), emails: String(report.emails), refused: String(report.refused), failed: String(report.failed), ...(failed.length > 0 ? { failedIds: failed.join(',') } : {}) }));
  });

  app.get('/admin/requests/:id/personal-data', async (c) => {
    const response = await api(c, `/${encodeURIComponent(c.req.param('id'))}/personal-data`);
    return response.ok ? response : page(c, notFoundPage(locale(c)), 404);
  });
  // The erasure's confirmation step, a page asked with a GET (the browser's Back then never
  // offers to post a form again); a POST still works, as the page sent it before.
  const erasureStep = async (c: Context) => {
    const record = await ctx.loadRecord(c, c.req.param('id') ?? '');
    if (!record) return page(c, notFoundPage(locale(c)), 404);
    return page(c, erasureConfirmPage({ locale: locale(c), record }));
  };
  app.get('/admin/requests/:id/erasure', erasureStep);
  app.post('/admin/requests/:id/erasure', erasureStep);
  app.post('/admin/requests/:id/erasure/confirm', async (c) => {
    const id = c.req.param('id');
    const form = (await readForm(c)) ?? new URLSearchParams();
    const response = await api(c, `/${encodeURIComponent(id)}/personal-data`, { method: 'DELETE', headers: versionMatch(form.get('version')) });
    if (response.status === 200 || response.status === 409) return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}&done=erased`);
    if (response.status === 404) return page(c, notFoundPage(locale(c)), 404);
    return ctx.detail(c, id, { error: pageText(locale(c)).stale }, 409);
  });

  mountInvitationPages(app, ctx);
  mountApplicantPages(app, ctx);
}

/** The result of a bulk decision, for the list page it redirected to; `undefined` when none. */
export async function bulkResult(c: Context, api: DecisionPagesContext['api'], lang: PageLocale): Promise<string | undefined> {
  const updated = c.req.query('updated');
  if (updated === undefined) return undefined;
  const d = pageText(lang).decisions;
  const count = (name: string): number => (/^\d{1,4}$/.test(c.req.query(name) ?? '') ? Number(c.req.query(name)) : 0);
  const result = format(d.bulkResult, { updated: count('updated'), emails: count('emails'), refused: count('refused'), failed: count('failed') });
  const ids = (c.req.query('failedIds') ?? '').split(',').filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)).slice(0, MAX_FAILED_SHOWN);
  if (ids.length === 0) return result;
  const names = await Promise.all(ids.map(async (id) => {
    const response = await api(c, `/${id}`);
    const record = response.ok ? ((await response.json()) as PublicRecord) : undefined;
    return typeof record?.values['companyName'] === 'string' ? record.values['companyName'] : id;
  }));
  return `${result} ${format(d.bulkFailed, { companies: names.join(', ') })}`;
}

function mountInvitationPages(app: Hono, ctx: DecisionPagesContext): void {
  const { api, locale, page, back } = ctx;
  const STATES: readonly string[] = ['pending', 'used', 'expired', 'revoked'];
  const list = async (c: Context, extra: { notice?: string; error?: string; errors?: { field: string; message: string }[]; typed?: Record<string, string> } = {}, status: Status = 200) => {
    const lang = locale(c);
    const state = STATES.includes(c.req.query('state') ?? '') ? (c.req.query('state') as InvitationState) : undefined;
    const offset = /^\d{1,9}$/.test(c.req.query('offset') ?? '') ? Number(c.req.query('offset')) : 0;
    const response = await api(c, `/invitations?${new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset), ...(state ? { state } : {}) })}`);
    const items = response.ok ? ((await response.json()) as PublicInvitation[]) : [];
    const total = Number(response.headers.get('X-Total-Count') ?? items.length);
    return page(c, invitationsPage({ locale: lang, items, total, limit: PAGE_SIZE, offset, ...(state ? { state } : {}), ...extra }), status);
  };
  const DONE: Readonly<Record<string, 'revoked' | 'resent'>> = { revoked: 'revoked', resent: 'resent' };

  app.get('/admin/invitations', (c) => back(c, `/admin/invitations/?lang=${locale(c)}`));
  app.get('/admin/invitations/', async (c) => {
    const d = pageText(locale(c)).decisions;
    const done = DONE[c.req.query('done') ?? ''];
    // "Sent to …" names the invitation's address as stored, never a text of the URL.
    const sent = c.req.query('sent') ?? '';
    const invitation = isRecordId(sent) ? await api(c, `/invitations/${encodeURIComponent(sent)}`) : undefined;
    const sentTo = invitation?.status === 200 ? ((await invitation.json()) as PublicInvitation).email : undefined;
    return list(c, done ? { notice: d[done] } : sentTo ? { notice: format(d.sent, { email: sentTo }) } : {});
  });
  app.post('/admin/invitations/', async (c) => {
    const form = (await readForm(c)) ?? new URLSearchParams();
    const typed: Record<string, string> = {};
    for (const [name, value] of form) typed[name] = value.slice(0, 500);
    const { email = '', locale: language, expiresInDays, ...rest } = typed;
    const values = Object.fromEntries(Object.entries(rest).filter(([name, value]) => value.trim() !== '' && name !== 'companyName'));
    const days = /^\d{1,4}$/.test(expiresInDays ?? '') ? Number(expiresInDays) : expiresInDays;
    const body = { email, ...(rest['companyName']?.trim() ? { companyName: rest['companyName'] } : {}), values, ...(language ? { locale: language } : {}), ...(days !== undefined && days !== '' ? { expiresInDays: days } : {}) };
    const response = await api(c, '/invitations', json(body));
    if (response.status === 201) return back(c, `/admin/invitations/?${new URLSearchParams({ lang: locale(c), sent: ((await response.json()) as PublicInvitation).id })}`);
    // Each field's error in the page's language, from its code (the answer's messages are English).
    const lang = locale(c);
    const problem = await problemOf(response);
    if (problem.errors.length === 0) return list(c, { error: problemText(lang, problem, {}), typed }, 422);
    return list(c, { errors: problem.errors.map((error) => ({ field: error.field, message: fieldMessage(lang, error) })), typed }, 422);
  });
  for (const action of ['revoke', 'resend'] as const) {
    app.post(`/admin/invitations/:id/${action}`, async (c) => {
      const response = await api(c, `/invitations/${encodeURIComponent(c.req.param('id'))}/${action}`, { method: 'POST' });
      const lang = locale(c);
      if (response.ok) return back(c, `/admin/invitations/?lang=${lang}&done=${action === 'revoke' ? 'revoked' : 'resent'}`);
      if (response.status === 404) return page(c, notFoundPage(lang), 404);
      return list(c, { error: invitationProblemText(lang, await problemOf(response)) }, 409);
    });
  }
}

function mountApplicantPages(app: Hono, ctx: DecisionPagesContext): void {
  const { api, page, apiBase } = ctx;
  // The applicant's language unless the page was asked in another one.
  const language = (c: Context, fallback: string): PageLocale => pageLocale(c.req.query('lang') ?? fallback);

  app.get('/information/:token', async (c) => {
    const token = c.req.param('token');
    const response = await api(c, `/information/${encodeURIComponent(token)}`);
    if (response.status !== 200) return page(c, applicantFormPage({ locale: ctx.locale(c), kind: 'information', token, view: { state: 'unknown' } }), 404);
    const body = (await response.json()) as { state: string; message?: string; values?: Record<string, unknown>; held?: string[]; locale?: string };
    const lang = language(c, body.locale ?? 'fr');
    if (body.state !== 'valid') return page(c, applicantFormPage({ locale: lang, kind: 'information', token, view: { state: body.state } as ApplicantView }));
    // The form checks the correction as the server will: without the password the applicant keeps
    // nor the files sent, the conditions reading them answered from what the request holds.
    const config = correctionConfig(parseConfig(await (await api(c, '/config')).json()), new Set(body.held ?? []));
    const view: ApplicantView = { state: 'form', values: body.values ?? {}, message: body.message ?? '', config, action: `${apiBase}/information/${encodeURIComponent(token)}` };
    return page(c, applicantFormPage({ locale: lang, kind: 'information', token, view }));
  });
  app.get('/invitation/:token', async (c) => {
    const token = c.req.param('token');
    const response = await api(c, `/invitation/${encodeURIComponent(token)}`);
    if (response.status !== 200) return page(c, applicantFormPage({ locale: ctx.locale(c), kind: 'invitation', token, view: { state: 'unknown' } }), 404);
    const body = (await response.json()) as { state: string; values?: Record<string, unknown>; locale?: string };
    const lang = language(c, body.locale ?? 'fr');
    if (body.state !== 'pending') return page(c, applicantFormPage({ locale: lang, kind: 'invitation', token, view: { state: body.state } as ApplicantView }));
    const view: ApplicantView = { state: 'form', values: body.values ?? {}, configSrc: `${apiBase}/config`, readonly: 'email', action: `${apiBase}/invitation/${encodeURIComponent(token)}` };
    return page(c, applicantFormPage({ locale: lang, kind: 'invitation', token, view }));
  });
}
