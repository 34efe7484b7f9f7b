import { requireAdmin } from '../http/admin.js';
import { bodyKind, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { json } from '../http/problem.js';
import { activationBlocker } from '../processing/activation.js';
import { readDecisionInput, type DecisionInput, type InputError } from '../processing/decision-input.js';
import { applyChange } from '../processing/decisions.js';
import { canTransition, toProcessedRecord, type ProcessedRecord, type RequestStatus } from '../processing/lifecycle.js';
import { invalid, requireProcessing } from './processing-routes.js';

/** Most requests one bulk decision takes. */
export const BULK_MAX_IDS = 200;

/** What happened (or, in a dry run, would happen) to one request of a bulk decision. */
export interface BulkItem {
  readonly id: string;
  /** `updated` (or `ready` in a dry run), `refused` (the lifecycle forbids it), `not_found`, `conflict` (changed meanwhile) or `failed` (the store failed). */
  readonly outcome: 'updated' | 'ready' | 'refused' | 'not_found' | 'conflict' | 'failed';
  /** E-mails sent (or to be sent) to the applicant. */
  readonly emails: number;
  readonly status?: RequestStatus;
}

// Accepting a new request takes the steps an admin would take one by one: review, then accept.
// Only a new one: a rejected request is reopened, and one waiting for information answered, by
// an admin's own decision, never as a side effect of a bulk acceptance.
function steps(from: RequestStatus, to: RequestStatus): RequestStatus[] | undefined {
  if (canTransition(from, to)) return [to];
  if (to === 'accepted' && from === 'new') return ['in-progress', 'accepted'];
  return undefined;
}

function wouldMail(context: HandlerContext, record: ProcessedRecord, to: RequestStatus, input: DecisionInput): number {
  const email = record.values['email'];
  if (!context.outbox || typeof email !== 'string' || email === '') return 0;
  if (to === 'accepted') return context.options.activationUrl && activationBlocker({ ...record, status: 'accepted' }) === undefined ? 1 : 0;
  return input.notify === false ? 0 : 1;
}

function readBody(body: unknown): { ids: string[]; status: 'accepted' | 'rejected'; input: DecisionInput; dryRun: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Send a JSON object with ids and status.', []);
  const input = body as Record<string, unknown>;
  const errors: InputError[] = [];
  for (const key of Object.keys(input)) {
    if (!['ids', 'status', 'reason', 'message', 'notify', 'dryRun'].includes(key)) errors.push({ field: key.slice(0, 40), code: 'unknown_field', message: `${key.slice(0, 40)} is not a member of a bulk decision.` });
  }
  const raw = input['ids'];
  const ids = Array.isArray(raw) && raw.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id)) ? [...new Set(raw as string[])] : undefined;
  if (!ids || ids.length === 0 || ids.length > BULK_MAX_IDS) errors.push({ field: 'ids', code: 'invalid_type', message: `ids must list from 1 to ${BULK_MAX_IDS} request ids.` });
  const status = input['status'];
  if (status !== 'accepted' && status !== 'rejected') errors.push({ field: 'status', code: 'invalid_option', message: 'A bulk decision accepts or rejects: status must be accepted or rejected.' });
  const dryRun = input['dryRun'];
  if (dryRun !== undefined && typeof dryRun !== 'boolean') errors.push({ field: 'dryRun', code: 'invalid_type', message: 'dryRun must be true or false.' });
  const decision = readDecisionInput(input, status === 'accepted' || status === 'rejected' ? status : undefined, errors);
  if (errors.length > 0) throw invalid('The bulk decision breaks one or more rules.', errors);
  return { ids: ids!, status: status as 'accepted' | 'rejected', input: decision, dryRun: dryRun === true };
}

/**
 * `POST {base}/decisions` with `{ ids, status: "accepted" | "rejected", reason?, message?,
 * notify?, dryRun? }`: admin. Applies the decision to each request as if an admin made it one
 * by one (a new request is taken in charge, then accepted; each step its history entry, its
 * e-mails and webhooks); a request that cannot move, changed meanwhile or fails is reported and
 * the others go on. With `dryRun`, nothing is written: the answer says what would happen and
 * how many e-mails would go out. 200 `{ items, updated, refused, failed, emails }`.
 */
export async function bulkDecision(context: HandlerContext, request: Request): Promise<Response> {
  const actor = await requireAdmin(context.options.authorize, request, 'requests:write');
  requireProcessing(context);
  if (!bodyKind(request.headers.get('Content-Type'), ['json'])) throw unsupportedMediaType(['json']);
  const { ids, status, input, dryRun } = readBody(parseJsonBody(await readBodyLimited(request, context.maxBodyBytes)));
  const items: BulkItem[] = [];
  for (const id of ids) items.push(await decideOne(context, id, status, input, dryRun, actor, request));
  const count = (outcome: BulkItem['outcome']): number => items.filter((item) => item.outcome === outcome).length;
  return json(200, {
    items,
    updated: count(dryRun ? 'ready' : 'updated'),
    refused: count('refused') + count('not_found'),
    failed: count('failed') + count('conflict'),
    emails: items.reduce((sum, item) => sum + item.emails, 0),
  });
}

async function decideOne(context: HandlerContext, id: string, to: RequestStatus, input: DecisionInput, dryRun: boolean, actor: string, request: Request): Promise<BulkItem> {
  const store = context.processing!;
  try {
    const stored = await store.get(id);
    if (!stored) return { id, outcome: 'not_found', emails: 0 };
    let current = toProcessedRecord(stored);
    // As one PATCH: an erased request takes no message, nor a request for information.
    if (current.erasedAt !== undefined && (input.message || to === 'info-requested')) return { id, outcome: 'refused', emails: 0, status: current.status };
    const path = steps(current.status, to);
    if (!path) return { id, outcome: 'refused', emails: 0, status: current.status };
    if (dryRun) return { id, outcome: 'ready', emails: wouldMail(context, current, to, input), status: current.status };
    let emails = 0;
    for (const status of path) {
      const result = await applyChange(context, current, { patch: { status }, changes: [{ field: 'status', from: current.status, to: status }], actor, input: status === to ? input : {} }, request);
      if (result.state === 'not_found') return { id, outcome: 'not_found', emails };
      if (result.state === 'conflict') return { id, outcome: 'conflict', emails, status: result.record.status };
      current = result.record;
      emails += result.emails;
    }
    return { id, outcome: 'updated', emails, status: current.status };
  } catch {
    // One failing request does not stop the others: it is reported, and can be decided again.
    return { id, outcome: 'failed', emails: 0 };
  }
}
