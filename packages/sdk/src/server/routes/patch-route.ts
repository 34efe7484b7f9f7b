import { codePointLength, hasForbiddenCharacters, normalizeText } from '../../validation/validators/index.js';
import { requireAdmin } from '../http/admin.js';
import { parseJsonBody, readBodyLimited } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { ifMatchSatisfied } from '../http/etag.js';
import { DECISION_MEMBERS, readDecisionInput, type DecisionInput, type InputError } from '../processing/decision-input.js';
import { applyChange } from '../processing/decisions.js';
import { canTransition, isRequestStatus, requestEtag, toProcessedRecord, type HistoryChange, type ProcessedRecord } from '../processing/lifecycle.js';
import { erasedProblem, invalid, recordResponse, requireProcessing } from './processing-routes.js';
import { HttpProblem, problem } from '../http/problem.js';
import type { RequestPatch } from '../stores/processing-store.js';

/** Longest internal note, in code points. */
export const NOTE_MAX_LENGTH = 2000;

const PATCH_TYPES = ['application/json', 'application/merge-patch+json'];

const MEMBERS: readonly string[] = ['status', 'inAccount', 'note', ...DECISION_MEMBERS];

/**
 * Checks a patch body against the current record: known members, valid values, allowed
 * transition; with a move to `rejected` or `info-requested`, the reason, message and notify.
 */
export function readPatch(body: unknown, current: ProcessedRecord): { patch: RequestPatch; input: DecisionInput } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('Send a JSON object with status, inAccount or note.', []);
  }
  const input = body as Record<string, unknown>;
  const errors: InputError[] = [];
  const patch: { -readonly [K in keyof RequestPatch]: RequestPatch[K] } = {};
  for (const key of Object.keys(input)) {
    if (!MEMBERS.includes(key)) errors.push({ field: key, code: 'unknown_field', message: `${key.slice(0, 40)} cannot be changed.` });
  }
  if (Object.hasOwn(input, 'status')) {
    const status = input['status'];
    if (!isRequestStatus(status)) errors.push({ field: 'status', code: 'invalid_option', message: 'The status must be new, in-progress, info-requested, accepted or rejected.' });
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
  // Judged against the move asked for, allowed or not: a refused move is reported once, on status.
  const asked = isRequestStatus(input['status']) && input['status'] !== current.status ? input['status'] : undefined;
  const decision = readDecisionInput(input, asked, errors);
  if (errors.length > 0) throw invalid('The change breaks one or more rules.', errors);
  return { patch, input: decision };
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
 * 412 when stale), recording who changed what in the history. A rejection may carry a `reason`
 * and a `message` and e-mails the applicant unless `notify` is false; a request for information
 * needs its `message` and e-mails a link to correct the request; accepting a request sends its
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
  const { patch, input } = readPatch(body, current);
  // An erased request still moves through the lifecycle (statistics), but takes no text about
  // the person again. Checked without a lock: an erasure landing meanwhile changes the version,
  // so the store's conditional write refuses this change (412).
  if (current.erasedAt !== undefined && (patch.note || input.message || patch.status === 'info-requested')) return erasedProblem('given a note, a message or a request for information');
  if (patch.status === 'info-requested' && !context.decisions) {
    return problem(501, 'The request store cannot keep links to correct a request (see DecisionStore).');
  }
  const changes = changesOf(patch, current);
  if (changes.length === 0) return recordResponse(current);
  const result = await applyChange(context, current, { patch, changes, actor, input }, request);
  if (result.state === 'not_found') return problem(404, 'No account request has this id.');
  if (result.state === 'conflict') {
    throw new HttpProblem(problem(412, 'The request changed since you loaded it; reload it and apply your change again.', { headers: { ETag: requestEtag(result.record) } }));
  }
  return recordResponse(result.record);
}
