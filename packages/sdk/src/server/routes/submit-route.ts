import { HONEYPOT_FIELD } from '../../catalog.js';
import type { Access, FormConfig, SubmissionValues, UnvalidatedAccounts } from '../../types.js';
import { type BodyKind, bodyKind, parseFormBody, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { canonicalJson, sha256 } from '../http/etag.js';
import { formToSubmission } from '../http/form-body.js';
import { keyReusedProblem, readIdempotencyKey, toResponse } from '../http/idempotency.js';
import { clientKey } from '../http/rate-limit.js';
import { hitRateLimitStore } from '../http/rate-limit-store.js';
import { creationNotifications, deliverInBackground } from '../processing/notifications.js';
import { validateWithBlocklist } from '../passwords/password-blocklist.js';
import { HttpProblem, json, problem } from '../http/problem.js';
import { requireBotCheck } from './challenge-route.js';
import type { AccountRequestRecord } from '../stores/store.js';
import { isFileStore } from '../stores/file-store.js';
import { readMultipartSubmission, type Upload } from '../uploads/multipart.js';
import { DEFAULT_MAX_UPLOAD_BYTES, filesToStore, uploadLimits, withUploads, type CheckedUpload } from '../uploads/submission-files.js';
import { createdEvent, deliveriesOf } from '../webhooks/messages.js';
import { consentsOf } from '../processing/consents.js';
import type { InvitationRecord } from '../stores/decision-store.js';
import { autoAccept } from '../processing/auto-accept.js';
import { invitationRefusal, submissionInvitation, unknownInvitation } from './invitation-link-route.js';

const ACCEPTED: readonly BodyKind[] = ['json', 'urlencoded', 'multipart'];

const ACCESS: Readonly<Record<UnvalidatedAccounts, Access>> = {
  none: 'full',
  'block-purchase': 'browse-only',
  'block-login': 'none',
};

async function checkRateLimit(context: HandlerContext, request: Request): Promise<void> {
  const { rateLimit, trustProxy = false, clientAddress } = context.options;
  if (!rateLimit || !context.limiter) return;
  let key: string;
  try {
    key = rateLimit.key ? rateLimit.key(request) : clientKey(request, trustProxy, clientAddress);
  } catch {
    // A key hook that chokes on an odd request must not turn it into a 500: count it with the unknowns.
    key = 'unknown';
  }
  const { store } = rateLimit;
  const result = store
    ? await context.store(() => hitRateLimitStore(store, key, rateLimit, context.now().getTime()))
    : context.limiter.hit(key);
  if (!result.allowed) {
    const seconds = String(result.retryAfterSeconds);
    throw new HttpProblem(problem(429, `Too many submissions; try again in ${seconds} s.`, { headers: { 'Retry-After': seconds } }));
  }
}

interface ReadSubmission {
  readonly body: unknown;
  /** Files by field, from a multipart body. */
  readonly uploads: ReadonlyMap<string, readonly Upload[]>;
}

async function readSubmission(context: HandlerContext, request: Request, kind: BodyKind, config: () => Promise<FormConfig>): Promise<ReadSubmission> {
  if (kind === 'multipart') {
    // Streamed under the limits of the config's file fields: a file too large stops the read.
    const current = await config();
    const language = request.headers.get('Accept-Language')?.split(/[,;]/, 1)[0]?.trim();
    const limits = uploadLimits(current, context.maxBodyBytes, context.options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES, language);
    const { fields, files } = await readMultipartSubmission(request, limits);
    return { body: formToSubmission(fields, current), uploads: files };
  }
  const bytes = await readBodyLimited(request, context.maxBodyBytes);
  if (kind === 'json') return { body: parseJsonBody(bytes), uploads: new Map() };
  const fields = await parseFormBody(bytes, kind, request.headers.get('Content-Type') ?? '');
  return { body: formToSubmission(fields, await config()), uploads: new Map() };
}

// Bots fill every input, including the one people never see; people leave it empty.
function isHoneypotFilled(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const values: unknown = Object.hasOwn(body, 'values') ? (body as { values: unknown }).values : undefined;
  const read = (source: unknown): unknown =>
    typeof source === 'object' && source !== null && Object.hasOwn(source, HONEYPOT_FIELD) ? (source as Record<string, unknown>)[HONEYPOT_FIELD] : undefined;
  const trap = read(values) ?? read(body);
  return typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined && trap !== null && trap !== false;
}

/** The body with the invitation's e-mail in place of whatever was sent: the link fixes it. */
function withInvitedEmail(body: unknown, invitation: InvitationRecord | undefined): unknown {
  if (!invitation || typeof body !== 'object' || body === null) return body;
  const values: unknown = Object.hasOwn(body, 'values') ? (body as { values: unknown }).values : undefined;
  const sent = typeof values === 'object' && values !== null ? values : {};
  return { ...body, values: { ...sent, email: invitation.email } };
}

function localeOf(body: unknown, request: Request): string {
  const locale = typeof body === 'object' && body !== null && Object.hasOwn(body, 'locale') ? (body as { locale: unknown }).locale : undefined;
  if (typeof locale === 'string' && locale.length <= 35) return locale;
  return request.headers.get('Accept-Language')?.split(/[,;]/, 1)[0]?.trim() || 'en';
}

/**
 * `POST {base}`: public. Cheap refusals come first (rate limit, origin, content type, key),
 * then the body is read under the size limit, then the config and validation run.
 */
export async function postSubmission(context: HandlerContext, request: Request, location: (id: string) => string, invitationToken?: string): Promise<Response> {
  await checkRateLimit(context, request);
  if (!context.origins.allows(request)) {
    return problem(403, 'Submissions from another site are not accepted.', { type: 'urn:account-request:problem:cross-site' });
  }
  const kind = bodyKind(request.headers.get('Content-Type'), ACCEPTED);
  if (!kind) throw unsupportedMediaType(ACCEPTED);
  const key = readIdempotencyKey(request);
  // Before the body is read and anything stored: a bot without a solution costs nothing more.
  await requireBotCheck(context, request, key);
  const invitation = invitationToken === undefined ? undefined : await submissionInvitation(context, request, invitationToken);
  if (invitation instanceof Response) return invitation;
  // An expired or revoked link is refused before anything is read; a used one only after the
  // body, since it may have been used by this very submission, whose retry gets its answer again.
  const refusal = invitation ? invitationRefusal(context, request, invitation) : undefined;
  if (refusal && invitation?.usedAt === undefined) return refusal;
  const submission = await readSubmission(context, request, kind, async () => (await context.currentConfig()).config);
  const { config } = await context.currentConfig();
  // Files take the type read from their content, and their digest joins the body's hash.
  const uploaded = await withUploads(submission.body, config, submission.uploads);
  const body = withInvitedEmail(uploaded.body, invitation);
  const cors = context.origins.corsHeaders(request);
  if (!config.enabled) {
    return problem(403, 'Account requests are closed for now.', { type: 'urn:account-request:problem:disabled', headers: cors });
  }
  // A filled honeypot gets a normal-looking 201 with a throwaway id and nothing stored: an
  // error would teach the bot which field betrayed it.
  if (isHoneypotFilled(body)) {
    return json(201, { id: crypto.randomUUID(), status: 'pending', access: ACCESS[config.settings.unvalidatedAccounts] }, cors);
  }
  const bodyHash = await sha256(canonicalJson(body));
  if (refusal) return (await answerOfRetry(context, key, bodyHash)) ?? refusal;
  const response = await context.inFlight.run(key, bodyHash, () => createOnce(context, { key, bodyHash, body, config, request, location, invitation, uploads: uploaded.checked }));
  for (const [name, value] of cors) response.headers.set(name, value);
  return response;
}

interface Attempt {
  readonly key: string;
  readonly bodyHash: string;
  readonly body: unknown;
  readonly config: FormConfig;
  readonly request: Request;
  readonly location: (id: string) => string;
  /** The invitation whose link the request answers. */
  readonly invitation: InvitationRecord | undefined;
  /** The uploads of the body, by file field, their content checked. */
  readonly uploads: ReadonlyMap<string, readonly CheckedUpload[]>;
}

/** The stored answer of an earlier submission with this key and body, if any; claims nothing. */
async function answerOfRetry(context: HandlerContext, key: string, bodyHash: string): Promise<Response | undefined> {
  const { store } = context.options;
  const claim = await context.store(() => store.claimIdempotencyKey(key, bodyHash, context.leaseMs));
  if (claim.state === 'replay') return toResponse(claim.response, true);
  if (claim.state === 'new') await context.store(() => store.releaseIdempotencyKey(key));
  return undefined;
}

// Why the store refused a request answering `invitation`: its link was used, revoked or replaced
// (a resend) meanwhile; `undefined` when it still stands, or the store cannot say (its failure stands).
async function usedMeanwhile(context: HandlerContext, request: Request, invitation: InvitationRecord): Promise<Response | undefined> {
  const store = context.decisions;
  if (!store) return undefined;
  let now: InvitationRecord | undefined;
  try {
    now = await store.findInvitation(invitation.hash);
  } catch {
    return undefined;
  }
  return now ? invitationRefusal(context, request, now) : unknownInvitation(context, request);
}

async function createOnce(context: HandlerContext, attempt: Attempt): Promise<Response> {
  const { key, bodyHash, config } = attempt;
  const { store } = context.options;
  const claim = await context.store(() => store.claimIdempotencyKey(key, bodyHash, context.leaseMs));
  if (claim.state === 'replay') return toResponse(claim.response, true);
  if (claim.state === 'conflict') return keyReusedProblem();
  if (claim.state === 'in_progress') {
    return problem(409, 'A request with this Idempotency-Key is still being processed; retry shortly.', { headers: { 'Retry-After': '1' } });
  }
  // The claim lapses after leaseMs unless renewed: renewing while this work runs means only a
  // process that died (or froze) leaves the key to be taken over by the client's retry.
  const renewal = setInterval(() => {
    Promise.resolve()
      .then(() => store.renewIdempotencyClaim(key, context.leaseMs))
      .catch(() => undefined);
  }, context.leaseMs / 3);
  // On Node, a renewal alone must not keep a stopping process alive.
  (renewal as unknown as { unref?: () => void }).unref?.();
  try {
    const locale = localeOf(attempt.body, attempt.request);
    const result = await validateWithBlocklist(context, config, attempt.body, locale);
    if (!result.success) {
      // Failed validation does not use the key up: the visitor fixes the form and sends again.
      await context.store(() => store.releaseIdempotencyKey(key));
      return problem(422, 'Some fields need attention.', { type: 'urn:account-request:problem:validation', title: 'Invalid submission', errors: result.errors });
    }
    const { password, ...values } = result.data.values as SubmissionValues & { password?: unknown };
    const passwordHash = typeof password === 'string' && password !== '' ? await context.store(() => context.hashPassword(password)) : undefined;
    const access = ACCESS[config.settings.unvalidatedAccounts];
    const id = crypto.randomUUID();
    // The files of shown fields, as validation kept them; the request lists them, the store keeps their bytes.
    const { stored: files, listed } = filesToStore(id, result.data.files, attempt.uploads);
    if (files.length > 0 && !isFileStore(store)) throw new HttpProblem(problem(501, 'The request store does not keep files (see FileStore).'));
    // The checks (VIES, register) the request gets: their states go on it, their jobs with it.
    const checks = context.checks?.plan({ id, values }, context.now().toISOString());
    const createdAt = context.now().toISOString();
    const consents = consentsOf(config, values, result.data.locale, createdAt);
    const { invitation } = attempt;
    // Stored as `new`; the wire keeps CONTRACT.md's `pending` (docs/processing.md).
    const record: AccountRequestRecord = {
      id, createdAt, values, ...(passwordHash ? { passwordHash } : {}), locale: result.data.locale, access,
      status: 'new', inAccount: false, history: [], version: 1,
      ...(checks?.vatCheck ? { vatCheck: checks.vatCheck } : {}), ...(checks?.siretCheck ? { siretCheck: checks.siretCheck } : {}),
      ...(consents.length > 0 ? { consents } : {}), ...(invitation ? { invitationId: invitation.id } : {}),
      ...(listed.length > 0 ? { files: listed } : {}),
    };
    const notifications = creationNotifications(context, record, config, attempt.request);
    const { webhooks } = context;
    const deliveries = webhooks ? deliveriesOf(createdEvent(record, record.createdAt), await context.store(() => webhooks.endpoints()), id) : [];
    const stored = { status: 201, body: JSON.stringify({ id, status: 'pending', access }), contentType: 'application/json; charset=utf-8', location: attempt.location(id) };
    // The request, its e-mails, its webhooks and the answer its retries replay: one write, so a crash leaves
    // all of them or none (never a request whose key a retry could claim again).
    await context.store(() =>
      store.create(record, {
        answer: { key, response: stored },
        ...(notifications.length > 0 ? { notifications } : {}),
        ...(deliveries.length > 0 ? { webhooks: deliveries } : {}),
        ...(checks && checks.jobs.length > 0 ? { checks: checks.jobs } : {}),
        ...(files.length > 0 ? { files } : {}),
        ...(invitation ? { invitation: { hash: invitation.hash, at: createdAt } } : {}),
      }),
    );
    deliverInBackground(context, notifications.map((notification) => notification.id));
    webhooks?.sendInBackground(deliveries, context.options.waitUntil);
    if (checks && checks.jobs.length > 0) context.checks?.runInBackground(id, context.options.waitUntil);
    await autoAccept(context, config, record, attempt.request);
    return toResponse(stored);
  } catch (error) {
    // Nothing was created: free the key so the client's retry is processed, not refused as in progress.
    await store.releaseIdempotencyKey(key).catch(() => undefined);
    // Another submission used the invitation between its check and this write: the store refused
    // it, which is that link's 410, not an unavailable store.
    const lost = attempt.invitation ? await usedMeanwhile(context, attempt.request, attempt.invitation) : undefined;
    if (lost) return lost;
    throw error;
  } finally {
    clearInterval(renewal);
  }
}
