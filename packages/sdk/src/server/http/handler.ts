import { RECORD_ID } from './ids.js';
import { getConfig, putConfig } from '../routes/config-routes.js';
import { createContext, type HandlerContext } from './context.js';
import { preflight } from './cross-site.js';
import { bulkActivation, resendActivation } from '../routes/activation-admin.js';
import { ACTIVATION_TOKEN_PATTERN } from '../processing/activation.js';
import { getActivation, postActivation } from '../routes/activation-routes.js';
import { exportRequests } from '../routes/export-route.js';
import { getRequest, listRequests } from '../routes/list-routes.js';
import { listNotifications } from '../routes/notifications-route.js';
import { patchRequest } from '../routes/patch-route.js';
import type { HandlerOptions } from './options.js';
import { HttpProblem, problem } from './problem.js';
import { postSubmission } from '../routes/submit-route.js';
import { getChallenge } from '../routes/challenge-route.js';
import { bulkDecision } from '../routes/decision-routes.js';
import { getInformation, postInformation } from '../routes/information-routes.js';
import { getInvitationLink } from '../routes/invitation-link-route.js';
import { createInvitation, getInvitation, listInvitations, resendInvitation, revokeInvitation } from '../routes/invitation-routes.js';
import { erasePersonalData, exportPersonalData } from '../routes/personal-data-routes.js';
import { getAddressLookup, getCompanyLookup, getLookupCapabilities } from '../routes/lookup-routes.js';
import { postChecks } from '../routes/check-routes.js';
import { getRequestFile } from '../routes/file-route.js';

type Route =
  | 'collection'
  | 'config'
  | 'export'
  | 'activation-emails'
  | 'notifications'
  | 'challenge'
  | { readonly lookup: 'capabilities' | 'company' | 'address' }
  | { readonly token: string }
  | 'decisions'
  | 'invitations'
  | { readonly link: string; readonly kind: 'information' | 'invitation' }
  | { readonly invitation: string; readonly action?: 'revoke' | 'resend' }
  | { readonly id: string; readonly sub: 'personal-data' }
  | { readonly id: string; readonly sub?: 'activation-email' | 'checks' }
  | { readonly id: string; readonly file: string }
  | undefined;

function normalizeBase(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}

const INVITATION_ROUTE = new RegExp(`^/invitations/(${RECORD_ID})(?:/(revoke|resend))?$`);
const PERSONAL_DATA_ROUTE = new RegExp(`^/(${RECORD_ID})/personal-data$`);
const FILE_ROUTE = new RegExp(`^/(${RECORD_ID})/files/(${RECORD_ID})$`);
const REQUEST_ROUTE = new RegExp(`^/(${RECORD_ID})(/activation-email|/checks)?$`);

function matchRoute(pathname: string, base: string): Route {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
  const rest = pathname.slice(base.length).replace(/\/$/, '');
  if (rest === '') return 'collection';
  if (rest === '/config') return 'config';
  if (rest === '/export.csv') return 'export';
  if (rest === '/activation-emails') return 'activation-emails';
  if (rest === '/notifications') return 'notifications';
  if (rest === '/challenge') return 'challenge';
  if (rest === '/decisions') return 'decisions';
  // A link's page posts to {base}/information/{token} or {base}/invitation/{token}: the form finds
  // the public read routes (lookups, bot-check challenge) beside that URL, as beside the base.
  const beside = /^\/(?:information|invitation)\/[A-Za-z0-9_-]{43}(\/(?:lookup(?:\/company|\/address)?|challenge))$/.exec(rest);
  if (beside?.[1]) return matchRoute(`${base}${beside[1]}`, base);
  if (rest === '/invitations') return 'invitations';
  if (rest === '/lookup') return { lookup: 'capabilities' };
  if (rest === '/lookup/company') return { lookup: 'company' };
  if (rest === '/lookup/address') return { lookup: 'address' };
  const token = /^\/activation\/([^/]*)$/.exec(rest)?.[1];
  if (token !== undefined) return ACTIVATION_TOKEN_PATTERN.test(token) ? { token } : undefined;
  const link = /^\/(information|invitation)\/([^/]*)$/.exec(rest);
  if (link?.[1] && link[2] !== undefined) return ACTIVATION_TOKEN_PATTERN.test(link[2]) ? { link: link[2], kind: link[1] as 'information' | 'invitation' } : undefined;
  const invitation = INVITATION_ROUTE.exec(rest);
  if (invitation?.[1]) return { invitation: invitation[1], ...(invitation[2] ? { action: invitation[2] as 'revoke' | 'resend' } : {}) };
  const data = PERSONAL_DATA_ROUTE.exec(rest);
  if (data?.[1]) return { id: data[1], sub: 'personal-data' };
  const file = FILE_ROUTE.exec(rest);
  if (file?.[1] && file[2]) return { id: file[1], file: file[2] };
  const match = REQUEST_ROUTE.exec(rest);
  if (!match?.[1]) return undefined;
  if (match[2] === '/checks') return { id: match[1], sub: 'checks' };
  return match[2] ? { id: match[1], sub: 'activation-email' } : { id: match[1] };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function notAllowed(allow: string): Response {
  return problem(405, `Use ${allow.replace(/, ([^,]*)$/, ' or $1')} on this route.`, { headers: { Allow: allow } });
}

async function route(context: HandlerContext, request: Request, base: string): Promise<Response> {
  const url = new URL(request.url);
  const target = matchRoute(url.pathname, base);
  const method = request.method.toUpperCase();
  // A browser sends the admin's cached Basic credentials with a plain <form> post from any site,
  // and a route that reads no body (revoke, resend, checks) cannot refuse it by its type: an
  // admin change must come from the handler's own origin or `allowedOrigins`. The public routes
  // that change something check the same with their own words.
  const publicRoute = target === 'collection' || (target !== undefined && typeof target === 'object' && 'link' in target);
  if (target !== undefined && !publicRoute && !SAFE_METHODS.has(method) && !context.origins.allows(request)) {
    return problem(403, 'Admin changes from another site are not accepted.', { type: 'urn:account-request:problem:cross-site' });
  }
  if (target === 'config') {
    if (method === 'GET' || method === 'HEAD') return getConfig(context, request);
    if (method === 'PUT') return putConfig(context, request);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET, HEAD') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, PUT, OPTIONS' } });
    return notAllowed('GET, HEAD, PUT');
  }
  if (target === 'collection') {
    if (method === 'POST') return postSubmission(context, request, (id) => `${base}/${id}`);
    if (method === 'GET' || method === 'HEAD') return listRequests(context, request);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'POST') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } });
    return notAllowed('GET, HEAD, POST');
  }
  if (target === 'export') return method === 'GET' || method === 'HEAD' ? exportRequests(context, request) : notAllowed('GET, HEAD');
  if (target === 'challenge') {
    if (method === 'GET' || method === 'HEAD') return getChallenge(context, request);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, OPTIONS' } });
    return notAllowed('GET, HEAD');
  }
  if (target === 'notifications') return method === 'GET' || method === 'HEAD' ? listNotifications(context, request) : notAllowed('GET, HEAD');
  if (target === 'activation-emails') return method === 'POST' ? bulkActivation(context, request) : notAllowed('POST');
  if (target === 'decisions') return method === 'POST' ? bulkDecision(context, request) : notAllowed('POST');
  if (target === 'invitations') {
    if (method === 'GET' || method === 'HEAD') return listInvitations(context, request);
    return method === 'POST' ? createInvitation(context, request) : notAllowed('GET, HEAD, POST');
  }
  if (target && 'invitation' in target) {
    if (target.action === 'revoke') return method === 'POST' ? revokeInvitation(context, request, target.invitation) : notAllowed('POST');
    if (target.action === 'resend') return method === 'POST' ? resendInvitation(context, request, target.invitation) : notAllowed('POST');
    return method === 'GET' || method === 'HEAD' ? getInvitation(context, request, target.invitation) : notAllowed('GET, HEAD');
  }
  if (target && 'link' in target && target.kind === 'invitation') {
    if (method === 'GET' || method === 'HEAD') return getInvitationLink(context, request, target.link);
    // A submission through the invitation: the same as POST {base}, the e-mail fixed, the invitation used.
    if (method === 'POST') return postSubmission(context, request, (id) => `${base}/${id}`, target.link);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET, POST') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } });
    return notAllowed('GET, HEAD, POST');
  }
  if (target && 'link' in target) {
    if (method === 'GET' || method === 'HEAD') return getInformation(context, request, target.link);
    if (method === 'POST') return postInformation(context, request, target.link);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET, POST') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } });
    return notAllowed('GET, HEAD, POST');
  }
  if (target && 'lookup' in target) {
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, OPTIONS' } });
    if (method !== 'GET' && method !== 'HEAD') return notAllowed('GET, HEAD');
    if (target.lookup === 'capabilities') return getLookupCapabilities(context, request);
    return target.lookup === 'company' ? getCompanyLookup(context, request) : getAddressLookup(context, request);
  }
  if (target && 'token' in target) {
    if (method === 'GET' || method === 'HEAD') return getActivation(context, request, target.token);
    if (method === 'POST') return postActivation(context, request, target.token);
    if (method === 'OPTIONS') return preflight(context.origins, request, 'GET, POST') ?? new Response(null, { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } });
    return notAllowed('GET, HEAD, POST');
  }
  if (target && 'file' in target) return method === 'GET' || method === 'HEAD' ? getRequestFile(context, request, target.id, target.file) : notAllowed('GET, HEAD');
  if (target?.sub === 'activation-email') return method === 'POST' ? resendActivation(context, request, target.id) : notAllowed('POST');
  if (target?.sub === 'checks') return method === 'POST' ? postChecks(context, request, target.id) : notAllowed('POST');
  if (target?.sub === 'personal-data') {
    if (method === 'GET' || method === 'HEAD') return exportPersonalData(context, request, target.id);
    return method === 'DELETE' ? erasePersonalData(context, request, target.id) : notAllowed('GET, HEAD, DELETE');
  }
  if (target) {
    if (method === 'GET' || method === 'HEAD') return getRequest(context, request, target.id);
    if (method === 'PATCH') return patchRequest(context, request, target.id);
    return notAllowed('GET, HEAD, PATCH');
  }
  return problem(404, `No route matches ${url.pathname}.`);
}

/**
 * What a runtime may pass beside the request: a worker's execution context (Cloudflare's
 * `fetch(request, env, ctx)`), whose `waitUntil` keeps the isolate alive for what the request
 * leaves running when the handler has no `waitUntil` option.
 */
export interface ExecutionContextLike {
  waitUntil?(promise: Promise<unknown>): void;
}

/** A fetch-style handler: `(request)`, or a worker's `(request, env, ctx)` as its runtime calls it. */
export type AccountRequestHandler = (request: Request, env?: unknown, ctx?: ExecutionContextLike) => Promise<Response>;

/**
 * Creates the account-request HTTP handler: a fetch-style `(request) => Promise<Response>` on
 * standard Request/Response and WebCrypto only, so it runs on Node 22+, Deno, Bun and workers.
 * Routes, under `basePath`:
 * - `GET {base}/config`: the normalized config with a strong `ETag` (304 on `If-None-Match`);
 * - `PUT {base}/config` (admin, `If-Match` required): saves and returns the normalized config;
 * - `POST {base}`: an account request, idempotent by `Idempotency-Key`;
 * - `GET {base}` (admin): stored requests, newest first, filtered, sorted and paged by query
 *   parameters; `GET {base}/{id}` with its ETag; `PATCH {base}/{id}` with `If-Match` (status,
 *   inAccount, note); `GET {base}/export.csv`; never a password; `GET {base}/{id}/files/{fileId}`
 *   a file sent with a request, as an attachment;
 * - `POST {base}/activation-emails` and `POST {base}/{id}/activation-email` (admin): activation
 *   e-mails; `GET`/`POST {base}/activation/{token}` (public): set the password once;
 * - `GET {base}/challenge` (public, with the `botCheck` option): a proof-of-work challenge for the form;
 * - `GET {base}/notifications` (admin): the e-mail outbox and its delivery states;
 * - `POST {base}/decisions` (admin): accept or reject several requests, each as if one by one;
 * - `GET`/`POST {base}/information/{token}` (public): a request sent back for information, and its correction;
 * - `GET`/`POST {base}/invitations`, `GET {base}/invitations/{id}`, `POST …/revoke`, `POST …/resend`
 *   (admin): invitations; `GET {base}/invitation/{token}` (public) what an invitation link opens,
 *   and `POST {base}/invitation/{token}` a request answering it;
 * - `GET`/`DELETE {base}/{id}/personal-data` (admin): export or erase an applicant's data.
 * - `GET {base}/lookup`, `GET {base}/lookup/company?siret=` and `GET {base}/lookup/address?q=`
 *   (public, rate-limited, with the `lookups` option): which lookups are on, a company to
 *   prefill, address suggestions (docs/lookups.md);
 * - `POST {base}/{id}/checks` (admin, with the `checks` option): check the VAT number and SIRET again.
 * See docs/processing.md for the lifecycle, the notifier and the store methods.
 * Every error is an RFC 9457 problem+json response; bad input never yields a 500, and a failing
 * store or config source answers 503.
 */
export function createAccountRequestHandler(options: HandlerOptions): AccountRequestHandler {
  const context = createContext(options);
  const base = normalizeBase(options.basePath ?? '');
  return async (request, _env, execution) => {
    let response: Response;
    context.answering.count += 1;
    // A worker's runtime hands each request its own `waitUntil` (`fetch(request, env, ctx)`):
    // without the option, the work this request leaves running (e-mails, webhooks, checks) is
    // handed to it, or the isolate may stop before that work is done.
    const own = options.waitUntil === undefined && typeof execution?.waitUntil === 'function' ? execution.waitUntil.bind(execution) : undefined;
    const current: HandlerContext = own ? { ...context, options: { ...context.options, waitUntil: own } } : context;
    try {
      response = await route(current, request, base);
    } catch (error) {
      response = error instanceof HttpProblem ? error.response : problem(500, 'Unexpected server error.');
    } finally {
      context.answering.count -= 1;
    }
    return request.method.toUpperCase() === 'HEAD' && response.body ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}
