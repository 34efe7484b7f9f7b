import { resolveFields } from '../../resolve.js';
import type { SubmissionValues } from '../../types.js';
import { bodyKind, parseFormBody, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { formToSubmission } from '../http/form-body.js';
import { json, problem } from '../http/problem.js';
import { validateWithBlocklist } from '../passwords/password-blocklist.js';
import { activationState, hashActivationToken, type ActivationState } from '../processing/activation.js';
import { informationProvidedEvent } from '../processing/change-events.js';
import { consentsOf, mergeConsents } from '../processing/consents.js';
import { correctionAlert, correctionConfig, heldFields, valueChanges } from '../processing/information.js';
import { toProcessedRecord, type HistoryChange, type ProcessedRecord } from '../processing/lifecycle.js';
import { deliverInBackground } from '../processing/notifications.js';
import type { DecisionStore, InformationTokenRecord } from '../stores/decision-store.js';
import { requireDecisions } from './processing-routes.js';

/** What a link to correct a request allows now: an activation link's states, and `closed` once the request no longer waits for information. */
export type InformationState = ActivationState | 'closed';

const GONE: Readonly<Record<Exclude<InformationState, 'valid'>, string>> = {
  expired: 'This link has expired; ask the team for a new one.',
  used: 'This link was already used: the request was sent back to the team.',
  replaced: 'A newer link was sent; use the latest e-mail.',
  closed: 'This request no longer waits for information.',
};

function stateOf(token: InformationTokenRecord, record: ProcessedRecord, now: string): InformationState {
  const state = activationState(token, now);
  if (state !== 'valid') return state;
  if (record.status !== 'info-requested') return 'closed';
  // Asked again since this link was sent, without a new link (the applicant not told, or no
  // e-mail to tell them): the link, and its message, belong to the earlier request.
  const askedAgain = record.history.some((entry) => entry.at > token.createdAt && entry.changes.some((change) => change.field === 'status' && change.to === 'info-requested'));
  return askedAgain ? 'replaced' : 'valid';
}

const notFound = (): Response => problem(404, 'This link is not valid.', { type: 'urn:account-request:problem:information-unknown' });

async function findToken(context: HandlerContext, store: DecisionStore, token: string): Promise<InformationTokenRecord | undefined> {
  const hash = await hashActivationToken(token);
  return context.store(() => store.findInformationToken(hash));
}

/**
 * `GET {base}/information/{token}`: public. The state of a link to correct a request (`valid`,
 * `expired`, `used`, `replaced`, or `closed` when the request no longer waits for information)
 * and its expiry; for a valid link also the team's message, the
 * values the applicant sent (never the password) and their language: what the correction page
 * shows. An unknown token is a 404.
 */
export async function getInformation(context: HandlerContext, request: Request, token: string): Promise<Response> {
  const store = requireDecisions(context);
  const found = await findToken(context, store, token);
  if (!found) return notFound();
  const stored = await context.store(() => store.get(found.requestId));
  if (!stored) return notFound();
  const state = stateOf(found, toProcessedRecord(stored), context.now().toISOString());
  const headers = context.origins.corsHeaders(request);
  // The language in every state: a page saying a link is used speaks the applicant's language too.
  if (state !== 'valid') return json(200, { state, expiresAt: found.expiresAt, locale: stored.locale }, headers);
  const { password: _password, ...values } = stored.values;
  // `held`: the fields a correction does not ask again that the request holds (its files, its
  // password), for the page's form to answer the conditions reading them as the server will.
  return json(200, { state, expiresAt: found.expiresAt, message: found.message, values, held: heldFields(stored), locale: stored.locale }, headers);
}

/**
 * `POST {base}/information/{token}`: public, the body of a submission (`{ values, confirmed,
 * locale }`, JSON or a classic form). Checks it against the config (without the password: the
 * applicant keeps theirs), then in one store write uses the link, replaces the values, records
 * the changed ones in the history (actor `applicant`), moves the request back to `in-progress`
 * and queues the team's alert; a VAT number or SIRET it changed is checked again (pending, its
 * job queued in the same write), the others keep their check. 200 `{ id, status: "pending", access }` like a submission's 201;
 * 410 for an expired, used or replaced link; 422 with field errors.
 */
export async function postInformation(context: HandlerContext, request: Request, token: string): Promise<Response> {
  const store = requireDecisions(context);
  if (!context.origins.allows(request)) return problem(403, 'Corrections from another site are not accepted.', { type: 'urn:account-request:problem:cross-site' });
  const kind = bodyKind(request.headers.get('Content-Type'), ['json', 'urlencoded']);
  if (!kind) throw unsupportedMediaType(['json', 'urlencoded']);
  const bytes = await readBodyLimited(request, context.maxBodyBytes);
  const { config } = await context.currentConfig();
  const body: unknown = kind === 'json' ? parseJsonBody(bytes) : formToSubmission(await parseFormBody(bytes, 'urlencoded', ''), config);
  const headers = context.origins.corsHeaders(request);
  const found = await findToken(context, store, token);
  if (!found) return notFound();
  const at = context.now().toISOString();
  const stored = await context.store(() => store.get(found.requestId));
  if (!stored) return notFound();
  const current = toProcessedRecord(stored);
  const state = stateOf(found, current, at);
  const checked = correctionConfig(config, new Set(heldFields(current)));
  const result = await validateWithBlocklist(context, checked, body, current.locale);
  const { password: _password, ...values } = (result.success ? result.data.values : {}) as SubmissionValues & { password?: unknown };
  // The retry of the correction that used the link (its answer lost on the way): the request
  // holds exactly these values, so it gets that correction's answer, not "link used".
  if (state === 'used' && result.success && valueChanges(current.values, values).length === 0) return json(200, { id: current.id, status: 'pending', access: current.access }, headers);
  if (state !== 'valid') return problem(410, GONE[state], { type: `urn:account-request:problem:information-${state}`, headers });
  if (!result.success) {
    return problem(422, 'Some fields need attention.', { type: 'urn:account-request:problem:validation', title: 'Invalid submission', errors: result.errors, headers });
  }
  const changes: HistoryChange[] = [{ field: 'status', from: current.status, to: 'in-progress' }, ...valueChanges(current.values, values)];
  const consents = mergeConsents(current.consents ?? [], consentsOf(checked, values, result.data.locale, at));
  const labels = new Map(resolveFields(config, { locale: context.options.adminLocale ?? 'en' }).map((field) => [field.id, field.label]));
  const changedLabels = changes.flatMap((change) => (change.field === 'value' && change.key ? [labels.get(change.key) ?? change.key] : []));
  const alert = correctionAlert(context, { ...current, values }, config, changedLabels, found.hash, request);
  // A changed VAT number or SIRET is checked again; the check of an unchanged one stands.
  const rechecks = context.checks?.replan(current, { id: current.id, values }, at);
  const { webhooks } = context;
  const change = webhooks ? webhooks.change(await context.store(() => webhooks.endpoints()), (updated) => informationProvidedEvent(updated, changes, at)) : undefined;
  const updated = await context.store(() =>
    store.useInformationToken(
      found.hash,
      at,
      {
        values,
        status: 'in-progress',
        ...(consents.length > 0 ? { consents } : {}),
        ...(rechecks?.vatCheck ? { vatCheck: rechecks.vatCheck } : {}),
        ...(rechecks?.siretCheck ? { siretCheck: rechecks.siretCheck } : {}),
      },
      { at, actor: 'applicant', changes },
      { ...change?.options, ...(alert ? { notifications: [alert] } : {}), ...(rechecks && rechecks.jobs.length > 0 ? { checks: rechecks.jobs } : {}) },
    ),
  );
  // Another post used the link (or it expired, or the team moved the request on) while this one was checked.
  if (!updated) return problem(410, GONE.used, { type: 'urn:account-request:problem:information-used', headers });
  if (change) webhooks?.sendInBackground(change.queued(), context.options.waitUntil);
  if (alert) deliverInBackground(context, [alert.id]);
  if (rechecks && rechecks.jobs.length > 0) context.checks?.runInBackground(updated.id, context.options.waitUntil);
  return json(200, { id: updated.id, status: 'pending', access: updated.access }, headers);
}
