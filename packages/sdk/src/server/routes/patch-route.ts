import { codePointLength, hasForbiddenCharacters, normalizeText } from '../../validation/validators/index.js';
import { activationBlocker, issueActivation } from '../processing/activation.js';
import { requireAdmin } from '../http/admin.js';
import { parseJsonBody, readBodyLimited } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { ifMatchSatisfied } from '../http/etag.js';
import { canTransition, isRequestStatus, requestEtag, toProcessedRecord, type HistoryChange, type ProcessedRecord } from '../processing/lifecycle.js';
import { deliverSoon } from '../processing/notifications.js';
import { invalid, recordResponse, requireProcessing } from './processing-routes.js';
import { HttpProblem, problem } from '../http/problem.js';
import type { RequestPatch } from '../stores/processing-store.js';
import { reportedChanges, updatedEvent } from '../webhooks/messages.js';

/** Longest internal note, in code points. */
export const NOTE_MAX_LENGTH = 2000;

const PATCH_TYPES = ['application/json', 'application/merge-patch+json'];

type FieldError = { field: string; code: string; message: string };

/** Checks a patch body against the current record: known members, valid values, allowed transition. */
export function readPatch(body: unknown, current: ProcessedRecord): RequestPatch {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('Send a JSON object with status, inAccount or note.', []);
  }
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const patch: { -readonly [K in keyof RequestPatch]: RequestPatch[K] } = {};
  for (const key of Object.keys(input)) {
    if (key !== 'status' && key !== 'inAccount' && key !== 'note') errors.push({ field: key, code: 'unknown_field', message: `${key.slice(0, 40)} cannot be changed.` });
  }
  if (Object.hasOwn(input, 'status')) {
    const status = input['status'];
    if (!isRequestStatus(status)) errors.push({ field: 'status', code: 'invalid_option', message: 'The status must be new, in-progress, accepted or rejected.' });
    else if (status !== current.status && !canTransition(current.status, status)) {
      errors.push({ field: 'status', code: 'invalid_transition', message: `A request cannot move from ${current.status} to ${status}.` });
    } else if (status !== current.status) patch.status = status;
  }
  if (Object.hasOwn(input, 'inAccount')) {
    const inAccount = input['inAccount'];
    if (typeof inAccount !== 'boolean') errors.push({ field: 'inAccount', code: 'invalid_type', message: 'inAccount must be true or false.' });
    else if (inAccount !== current.inAccount) patch.inAccount = inAccount;
  }
  if (Object.hasOwn(input, 'note')) {
    const raw = input['note'];
    const note = typeof raw === 'string' ? normalizeText(raw) : undefined;
    if (note === undefined) errors.push({ field: 'note', code: 'invalid_type', message: 'The note must be a text.' });
    else if (hasForbiddenCharacters(note, { multiline: true })) errors.push({ field: 'note', code: 'invalid_characters', message: 'The note contains characters that are not allowed.' });
    else if (codePointLength(note) > NOTE_MAX_LENGTH) errors.push({ field: 'note', code: 'too_long', message: `The note may have at most ${NOTE_MAX_LENGTH} characters.` });
    else if (note !== current.note) patch.note = note;
  }
  if (errors.length > 0) throw invalid('The change breaks one or more rules.', errors);
  return patch;
}

function changesOf(patch: RequestPatch, current: ProcessedRecord): HistoryChange[] {
  const changes: HistoryChange[] = [];
  if (patch.status !== undefined) changes.push({ field: 'status', from: current.status, to: patch.status });
  if (patch.inAccount !== undefined) changes.push({ field: 'inAccount', from: current.inAccount, to: patch.inAccount });
  if (patch.note !== undefined) changes.push({ field: 'note', from: current.note, to: patch.note });
  return changes;
}

/**
 * `PATCH {base}/{id}`: admin. Changes status, inAccount and note, with `If-Match` (428 without,
 * 412 when stale), recording who changed what in the history. Accepting a request sends its
 * activation e-mail.
 */
export async function patchRequest(context: HandlerContext, request: Request, id: string): Promise<Response> {
  const actor = await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireProcessing(context);
  const ifMatch = request.headers.get('If-Match');
  if (ifMatch === null) return problem(428, 'Send If-Match with the ETag of the request you edited, so a concurrent change is not overwritten.');
  const type = (request.headers.get('Content-Type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!PATCH_TYPES.includes(type)) return problem(415, 'Send the changes as application/json.', { headers: { 'Accept-Patch': PATCH_TYPES.join(', ') } });
  const body = parseJsonBody(await readBodyLimited(request, context.maxBodyBytes));
  const stored = await context.store(() => store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  const current = toProcessedRecord(stored);
  const stale = (): Response => problem(412, 'The request changed since you loaded it; reload it and apply your change again.', { headers: { ETag: requestEtag(current) } });
  if (!ifMatchSatisfied(ifMatch, requestEtag(current))) return stale();
  const patch = readPatch(body, current);
  const changes = changesOf(patch, current);
  if (changes.length === 0) return recordResponse(current);
  const at = context.now().toISOString();
  // Status and in-account changes reach the webhooks, in the update's own transaction.
  const reported = reportedChanges(changes);
  const { webhooks } = context;
  const change = webhooks && reported.length > 0 ? webhooks.change(await context.store(() => webhooks.endpoints()), (updated) => updatedEvent(updated, reported, at)) : undefined;
  const result = await context.store(() => store.update(id, patch, current.version, { at, actor, changes }, change?.options));
  if (result.state === 'not_found') return problem(404, 'No account request has this id.');
  if (result.state === 'conflict') {
    throw new HttpProblem(problem(412, 'The request changed since you loaded it; reload it and apply your change again.', { headers: { ETag: requestEtag(result.record) } }));
  }
  if (change) webhooks?.sendInBackground(change.queued(), context.options.waitUntil);
  if (patch.status === 'accepted' && activationBlocker(result.record) === undefined) {
    // The acceptance is saved: a failure to queue the e-mail leaves it to a resend, not an error.
    const mail = await issueActivation(context, store, result.record, request).catch(() => undefined);
    if (mail) await deliverSoon(context, [mail.id]);
  }
  return recordResponse(result.record);
}
