import { RECORD_ID, STATUS_TRANSITIONS, isCheckStore, isRecordId, isRequestStatus, type LoadConfig, type NotificationRecord, type ProcessingStore, type PublicRecord } from '@account-request/sdk/server';
import { parseConfig, type FormConfig } from '@account-request/sdk';
import type { Context, Hono } from 'hono';
import { readEml } from './mailer.js';
import { bulkResult, mountDecisionPages } from './decision-routes.js';
import type { BulkView } from './pages/bulk-decisions.js';
import { decisionBody } from './pages/decision-fields.js';
import { activationPage, type ActivationView } from './pages/activation.js';
import { notFoundPage } from './pages/not-found.js';
import { messagePage, outboxPage } from './pages/outbox.js';
import { requestDetailPage, statusConfirmPage } from './pages/request-detail.js';
import { filterErrorText, filterQuery, requestsListPage, type ListFilters } from './pages/requests-list.js';
import { checkText, format, pageLocale, pageText, type PageLocale } from './pages/text.js';
import { zonedFilters } from './pages/time-zone.js';
import { decisionLabels, problemText } from './pages/problems.js';

/** What the processing pages need from the app. */
export interface ProcessingPagesOptions {
  readonly handler: (request: Request) => Promise<Response>;
  readonly store: ProcessingStore;
  readonly apiBase: string;
  readonly outboxDir: string;
  /** The form's config (the handler's `loadConfig`): the detail page labels custom fields and options with it. */
  readonly loadConfig?: LoadConfig;
}

const PAGE_SIZE = 20;

/** What a list page adds to its filters: a bulk selection (and its dialog), a notice, or an error (with its status). */
export interface ListExtra {
  readonly bulk?: BulkView;
  readonly notice?: string;
  readonly error?: string;
  readonly status?: 200 | 409 | 422;
}

/** What a detail page adds to the request: a notice, or an error and what the refused form held. */
export interface DetailExtra {
  readonly notice?: string;
  readonly error?: string;
  readonly typed?: { readonly status?: string; readonly inAccount?: boolean; readonly note?: string };
}

/** Why the handler refused a change, in the page's language, and the page's status. */
interface Refusal {
  readonly error: string;
  readonly status: 409 | 422;
}
/** The largest form a page takes (`readForm`); the app refuses a larger body before reading it. */
export const MAX_FORM_BYTES = 16 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };
const FILTERS = ['status', 'inAccount', 'vatCheck', 'q', 'from', 'to', 'sort', 'order'] as const;

/**
 * Cross-site request forgery: the browser sends the admin's Basic credentials with any form
 * post to this origin, from any site. A state-changing post must come from this origin:
 * `Origin` (sent by browsers on every POST) must be ours; without it, `Sec-Fetch-Site` must
 * not say another site; a client sending neither is not a browser acting for a visitor.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('Origin');
  if (origin !== null) return origin === new URL(request.url).origin;
  const site = request.headers.get('Sec-Fetch-Site');
  return site === null || site === 'same-origin' || site === 'none';
}


/**
 * The `If-Match` for the record version a page's form sent back. Anything but digits gives
 * none: a header cannot carry every character, and the handler answers a missing one with
 * 428, which the pages show as "changed meanwhile".
 */
export function versionMatch(version: string | null): Record<string, string> {
  return version && /^\d{1,15}$/.test(version) ? { 'If-Match': `"v${version}"` } : {};
}
/** A posted classic form (urlencoded, at most `maxBytes`, default 16 KiB), or `undefined`. */
export async function readForm(c: Context, maxBytes = MAX_FORM_BYTES): Promise<URLSearchParams | undefined> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  const body = await c.req.text();
  return body.length > maxBytes ? undefined : new URLSearchParams(body);
}

/** The type, detail and field errors of a problem answer of the handler. */
export async function problemOf(response: Response): Promise<{ type: string; detail: string; errors: { field: string; code: string; message: string }[] }> {
  const body = (await response.json().catch(() => ({}))) as { type?: string; detail?: string; errors?: { field: string; code: string; message: string }[] };
  return { type: body.type ?? '', detail: body.detail ?? '', errors: body.errors ?? [] };
}

/** Mounts `/admin/requests/…`, `/admin/outbox/…` (behind the app's admin check) and the public `/activation/{token}`. */
export function mountProcessingPages(app: Hono, options: ProcessingPagesOptions): void {
  const { handler, store, apiBase } = options;
  // The pages call the SDK handler, so every rule (transitions, If-Match, activation) lives there once.
  const api = (c: Context, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...init.headers };
    const auth = c.req.header('Authorization');
    // The admin's own credentials, so `authorize` decides as for a direct API call.
    if (auth && !path.startsWith('/activation/')) headers['Authorization'] = auth;
    return handler(new Request(new URL(`${apiBase}${path}`, c.req.url), { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) }));
  };
  const locale = (c: Context) => pageLocale(c.req.query('lang'));
  const page = (c: Context, body: string, status: 200 | 403 | 404 | 409 | 422 = 200) => c.html(body, status, NO_STORE);
  const back = (c: Context, path: string) => c.redirect(path, 303);

  app.use('/admin/*', async (c, next) => {
    if (c.req.method === 'POST' && !isSameOrigin(c.req.raw)) return c.text(`${pageText(locale(c)).forbidden}\n`, 403, NO_STORE);
    return next();
  });
  app.use('/activation/*', async (c, next) => {
    if (c.req.method === 'POST' && !isSameOrigin(c.req.raw)) return c.text(`${pageText(locale(c)).forbidden}\n`, 403, NO_STORE);
    return next();
  });

  app.get('/admin/requests', (c) => back(c, `/admin/requests/?lang=${locale(c)}`));
  // The list page for `filters`; a bulk decision adds its selection and dialog, or its result.
  const listPage = async (c: Context, filters: Record<string, string>, extra: ListExtra = {}) => {
    const lang = locale(c);
    const offset = /^\d{1,9}$/.test(c.req.query('offset') ?? '') ? Number(c.req.query('offset')) : 0;
    // The days of a date filter are the days the pages write (their zone), not UTC's.
    const response = await api(c, filterQuery(zonedFilters(filters), { limit: String(PAGE_SIZE), offset: String(offset) }));
    const ok = response.status === 200;
    const items = ok ? ((await response.json()) as PublicRecord[]) : [];
    const problem = ok ? undefined : await problemOf(response);
    const error = extra.error ?? (problem && (filterErrorText(lang, problem.errors[0]) ?? problemText(lang, problem, {})));
    // The counts of a bulk send, carried by its redirect: a hand-edited one shows no notice, never "NaN".
    const count = (name: string): number | undefined => (/^\d{1,9}$/.test(c.req.query(name) ?? '') ? Number(c.req.query(name)) : undefined);
    const queued = count('queued');
    const t = pageText(lang);
    const notice = queued !== undefined ? format(t.bulkDone, { queued, activated: count('activated') ?? 0 }) : undefined;
    return page(c, requestsListPage({
      locale: lang, items, total: ok ? Number(response.headers.get('X-Total-Count') ?? items.length) : 0, limit: PAGE_SIZE, offset,
      filters: filters as ListFilters, exportHref: `${apiBase}/export.csv${filterQuery(zonedFilters(filters))}`,
      ...(notice ?? extra.notice ? { notice: notice ?? extra.notice } : {}), ...(error ? { error } : {}), ...(extra.bulk ? { bulk: extra.bulk } : {}),
    }), extra.status ?? 200);
  };
  app.get('/admin/requests/', async (c) => {
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = c.req.query(name);
      if (value) filters[name] = value;
    }
    const notice = await bulkResult(c, api, locale(c));
    return listPage(c, filters, notice ? { notice } : {});
  });
  app.post('/admin/requests/activation-emails', async (c) => {
    const lang = locale(c);
    const form = await readForm(c);
    const response = await api(c, '/activation-emails', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ createdAfter: form?.get('createdAfter') ?? '' }) });
    if (response.status !== 200) {
      // Refused (a date the browser let through, a hand-made post): the list says why, in its language.
      const error = problemText(lang, await problemOf(response), { createdAfter: pageText(lang).bulkDate });
      return listPage(c, {}, { error, status: 422 });
    }
    const report = (await response.json()) as { queued: number; skippedActivated: number };
    return back(c, `/admin/requests/?lang=${lang}&queued=${report.queued}&activated=${report.skippedActivated}`);
  });

  const loadRecord = async (c: Context, id: string): Promise<PublicRecord | undefined> => {
    const response = await api(c, `/${encodeURIComponent(id)}`);
    return response.status === 200 ? ((await response.json()) as PublicRecord) : undefined;
  };
  // The stored config, normalized (parsed again only when the store gives another object);
  // `undefined` when there is none or it is broken: the page then shows the ids.
  let parsed: { readonly raw: unknown; readonly config: FormConfig | undefined } | undefined;
  const formConfig = async (): Promise<FormConfig | undefined> => {
    if (!options.loadConfig) return undefined;
    // A store that cannot answer leaves the page with the ids rather than without the request.
    const raw: unknown = await Promise.resolve(options.loadConfig()).catch(() => undefined);
    if (raw === undefined) return undefined;
    if (parsed?.raw !== raw) {
      let config: FormConfig | undefined;
      try {
        config = parseConfig(raw);
      } catch {
        config = undefined;
      }
      parsed = { raw, config };
    }
    return parsed?.config;
  };
  // Whether the VAT check's job will run again by itself: the page says so only then.
  const vatCheckRetrying = async (id: string): Promise<boolean | undefined> => {
    const { store } = options;
    if (!isCheckStore(store)) return undefined;
    const jobs = await store.listChecks(id).catch(() => undefined);
    const job = jobs?.find((each) => each.kind === 'vat');
    return job ? job.state === 'pending' : undefined;
  };
  const detail = async (c: Context, id: string, extra: DetailExtra = {}, status: 200 | 409 | 422 = 200) => {
    const record = await loadRecord(c, id);
    if (!record) return page(c, notFoundPage(locale(c)), 404);
    const config = await formConfig();
    const vatRetrying = await vatCheckRetrying(id);
    return page(c, requestDetailPage({ locale: locale(c), record, ...(config ? { config } : {}), ...(vatRetrying !== undefined ? { vatRetrying } : {}), ...extra }), status);
  };
  // A change through the handler: `undefined` once done, a page (404), or why it was refused, in the page's language.
  const patch = async (c: Context, id: string, version: string | null, body: Record<string, unknown>): Promise<Response | Refusal | undefined> => {
    const lang = locale(c);
    const response = await api(c, `/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', ...versionMatch(version) }, body: JSON.stringify(body) });
    if (response.status === 200) return undefined;
    if (response.status === 412 || response.status === 428) return { error: pageText(lang).staleKept, status: 409 };
    if (response.status === 404) return page(c, notFoundPage(lang), 404);
    const problem = await problemOf(response);
    const to = typeof body['status'] === 'string' ? body['status'] : undefined;
    const reason = typeof body['reason'] === 'string' ? body['reason'] : undefined;
    return { error: problemText(lang, problem, decisionLabels(lang, to), reason), status: response.status === 409 ? 409 : 422 };
  };
  const DONE: Readonly<Record<string, 'saved' | 'resent'>> = { saved: 'saved', status: 'saved', resent: 'resent' };

  app.get('/admin/requests/:id', async (c) => {
    const t = pageText(locale(c));
    const done = DONE[c.req.query('done') ?? ''];
    if (c.req.query('done') === 'checked') return detail(c, c.req.param('id'), { notice: checkText(locale(c)).checkedAgain });
    if (c.req.query('done') === 'erased') return detail(c, c.req.param('id'), { notice: t.decisions.erasedDone });
    return detail(c, c.req.param('id'), done ? { notice: t[done] } : {});
  });
  app.post('/admin/requests/:id', async (c) => {
    const id = c.req.param('id');
    const form = (await readForm(c)) ?? new URLSearchParams();
    const typed = { inAccount: form.get('inAccount') === 'true', note: (form.get('note') ?? '').slice(0, 4000) };
    const failed = await patch(c, id, form.get('version'), typed);
    if (failed === undefined) return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}&done=saved`);
    // Refused: the form again, holding what was typed, next to the current version. What the
    // admin left as they saw it takes the current value, or sending again would undo another's change.
    const kept = {
      ...(form.get('seenInAccount') === String(typed.inAccount) ? {} : { inAccount: typed.inAccount }),
      ...(form.has('seenNote') && form.get('seenNote') === typed.note ? {} : { note: typed.note }),
    };
    return failed instanceof Response ? failed : detail(c, id, { error: failed.error, typed: kept }, failed.status);
  });
  // A file sent with the request, from the SDK's route (admin, attachment, nosniff), under /admin/ where the admin's credentials go.
  app.get('/admin/requests/:id/files/:fileId', async (c) => {
    const response = await api(c, `/${encodeURIComponent(c.req.param('id'))}/files/${encodeURIComponent(c.req.param('fileId'))}`);
    return response.ok ? response : page(c, notFoundPage(locale(c)), 404);
  });
  // The confirmation step of a move: only a page (the change is posted from it, once confirmed),
  // asked with a GET so that the browser's Back after the change shows it again rather than
  // offering to post a form again. A POST still works, as the pages sent it before.
  const statusStep = async (c: Context, form: URLSearchParams, stale: 200 | 409) => {
    const id = c.req.param('id') ?? '';
    const to = form.get('status');
    const record = await loadRecord(c, id);
    if (!record) return page(c, notFoundPage(locale(c)), 404);
    // Changed since the step was asked (Back after the change, or another admin): the request's page as it is now, saying so.
    if (String(record.version) !== form.get('version')) return detail(c, id, { error: pageText(locale(c)).staleKept, typed: { status: to ?? '' } }, stale);
    if (!isRequestStatus(to) || !STATUS_TRANSITIONS[record.status].includes(to)) return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}`);
    return page(c, statusConfirmPage({ locale: locale(c), record, to }));
  };
  app.get('/admin/requests/:id/status', (c) => statusStep(c, new URL(c.req.url).searchParams, 200));
  app.post('/admin/requests/:id/status', async (c) => statusStep(c, (await readForm(c)) ?? new URLSearchParams(), 409));
  app.post('/admin/requests/:id/status/confirm', async (c) => {
    const id = c.req.param('id');
    const form = (await readForm(c)) ?? new URLSearchParams();
    const status = form.get('status') ?? '';
    // With a rejection or a request for information, its reason, message and e-mail choice.
    const failed = await patch(c, id, form.get('version'), { status, ...decisionBody(status, form) });
    if (failed === undefined) return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}&done=status`);
    if (failed instanceof Response) return failed;
    // Refused: the confirmation step again, with the reason, message and e-mail choice typed,
    // against the current version, while the move is still allowed; else the request's page.
    const record = await loadRecord(c, id);
    if (!record) return page(c, notFoundPage(locale(c)), 404);
    if (!isRequestStatus(status) || !STATUS_TRANSITIONS[record.status].includes(status)) return detail(c, id, { error: failed.error, typed: { status } }, failed.status);
    const values = { reason: form.get('reason') ?? '', message: (form.get('message') ?? '').slice(0, 4000), notify: form.get('notify') === 'true' };
    return page(c, statusConfirmPage({ locale: locale(c), record, to: status, values, error: failed.error }), failed.status);
  });
  app.post('/admin/requests/:id/checks', async (c) => {
    const id = c.req.param('id');
    // "Check again": the handler queues the checks anew and answers once they ran.
    const response = await api(c, `/${encodeURIComponent(id)}/checks`, { method: 'POST' });
    if (response.status === 404) return page(c, notFoundPage(locale(c)), 404);
    if (response.status !== 200) return detail(c, id, { error: problemText(locale(c), await problemOf(response), {}) }, 409);
    return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}&done=checked`);
  });
  app.post('/admin/requests/:id/activation-email', async (c) => {
    const id = c.req.param('id');
    const response = await api(c, `/${encodeURIComponent(id)}/activation-email`, { method: 'POST' });
    if (response.status !== 202) return detail(c, id, { error: problemText(locale(c), await problemOf(response), {}) }, 409);
    return back(c, `/admin/requests/${encodeURIComponent(id)}?lang=${locale(c)}&done=resent`);
  });

  app.get('/admin/outbox', (c) => back(c, `/admin/outbox/?lang=${locale(c)}`));
  app.get('/admin/outbox/', async (c) => {
    const offset = /^\d{1,9}$/.test(c.req.query('offset') ?? '') ? Number(c.req.query('offset')) : 0;
    // Only an id reaches the store (a NUL would break a PostgreSQL query); anything else lists all.
    const asked = c.req.query('requestId') ?? '';
    const requestId = isRecordId(asked) ? asked : undefined;
    const { items, total } = await store.listNotifications({ limit: PAGE_SIZE, offset, ...(requestId ? { requestId } : {}) });
    return page(c, outboxPage({ locale: locale(c), items, total, limit: PAGE_SIZE, offset, ...(requestId ? { requestId } : {}) }));
  });
  app.get(`/admin/outbox/:id{${RECORD_ID}}`, async (c) => {
    const notification: NotificationRecord | undefined = await store.getNotification(c.req.param('id'));
    if (!notification) return page(c, notFoundPage(locale(c)), 404);
    return page(c, messagePage({ locale: locale(c), notification, eml: await readEml(options.outboxDir, notification.id) }));
  });

  // The link carries no language: the page speaks the applicant's (the request's), unless ?lang= asks.
  const activationView = async (c: Context, token: string): Promise<{ view: ActivationView; lang: PageLocale }> => {
    const response = await api(c, `/activation/${encodeURIComponent(token)}`);
    if (response.status !== 200) return { view: { state: 'unknown' }, lang: locale(c) };
    const body = (await response.json()) as { state: 'valid' | 'expired' | 'used' | 'replaced'; companyName?: string; email?: string; locale?: string };
    const lang = c.req.query('lang') === undefined && body.locale ? pageLocale(body.locale) : locale(c);
    return { view: body.state === 'valid' ? { state: 'form', companyName: body.companyName ?? '', email: body.email ?? '' } : { state: body.state }, lang };
  };
  const activation = (c: Context, lang: PageLocale, view: ActivationView, status: 200 | 404 | 422 = 200) =>
    page(c, activationPage({ locale: lang, token: c.req.param('token') ?? '', view }), status);
  app.get('/activation/:token', async (c) => {
    const { view, lang } = await activationView(c, c.req.param('token'));
    return activation(c, lang, view, view.state === 'unknown' ? 404 : 200);
  });
  app.post('/activation/:token', async (c) => {
    const token = c.req.param('token');
    const form = (await readForm(c)) ?? new URLSearchParams();
    const password = form.get('password') ?? '';
    const { view, lang } = await activationView(c, token);
    const t = pageText(lang);
    if (view.state !== 'form') return activation(c, lang, view, view.state === 'unknown' ? 404 : 200);
    if (password !== '' && password !== form.get('confirmation')) return activation(c, lang, { ...view, errors: { confirmation: t.mismatch } }, 422);
    const response = await api(c, `/activation/${encodeURIComponent(token)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password, locale: lang }) });
    if (response.status === 200) return activation(c, lang, { state: 'done' });
    const problem = await problemOf(response);
    if (response.status === 422) return activation(c, lang, { ...view, errors: { password: problem.errors[0]?.message ?? problem.detail } }, 422);
    const state = /activation-(expired|used|replaced)$/.exec(problem.type)?.[1] as 'expired' | 'used' | 'replaced' | undefined;
    return activation(c, lang, { state: state ?? 'unknown' });
  });

  mountDecisionPages(app, { apiBase, api, locale, page, back, listPage, detail, loadRecord });
}
