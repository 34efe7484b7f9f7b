import { requireAdmin } from '../http/admin.js';
import type { HandlerContext } from '../http/context.js';
import { ifMatchSatisfied } from '../http/etag.js';
import { json, problem } from '../http/problem.js';
import { requestEtag, toProcessedRecord, type ProcessedRecord } from '../processing/lifecycle.js';
import { erasureEvent } from '../processing/change-events.js';
import { personalDataExport, tombstone } from '../processing/personal-data.js';
import type { NotificationRecord } from '../stores/processing-store.js';
import { recordResponse, requireDecisions } from './processing-routes.js';

const PAGE = 200;

/**
 * `GET {base}/{id}/personal-data`: admin (`requests:read`). Everything the store holds about
 * the applicant of a request, as a JSON download: the request (values, consents with their
 * wording, history), the e-mails sent to or about them, and the invitation it came from.
 */
export async function exportPersonalData(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const store = requireDecisions(context);
  const stored = await context.store(() => store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  const record: ProcessedRecord = toProcessedRecord(stored);
  const emails: NotificationRecord[] = [];
  const owners = [record.id, ...(record.invitationId ? [record.invitationId] : [])];
  for (const requestId of owners) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await context.store(() => store.listNotifications({ requestId, limit: PAGE, offset }));
      emails.push(...page.items);
      if (page.items.length === 0 || offset + PAGE >= page.total) break;
    }
  }
  const invitation = record.invitationId ? await context.store(() => store.getInvitation(record.invitationId!)) : undefined;
  const body = personalDataExport(record, emails.reverse(), invitation, context.now().toISOString());
  return json(200, body, { 'Content-Disposition': `attachment; filename="personal-data-${record.id}.json"`, 'Cache-Control': 'no-store' });
}

/**
 * `DELETE {base}/{id}/personal-data` with `If-Match`: admin (`requests:write`). Erases the
 * applicant's personal data for good (see `tombstone` and `DecisionStore.erase`): the request
 * keeps its id, dates and status; its values, note, password hash, consents, tokens, invitation,
 * e-mails and webhook bodies go; the webhook endpoints get `account-request.erased`. 200 with
 * what is left; 409 when already erased.
 */
export async function erasePersonalData(context: HandlerContext, request: Request, id: string): Promise<Response> {
  const actor = await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireDecisions(context);
  const ifMatch = request.headers.get('If-Match');
  if (ifMatch === null) return problem(428, 'Send If-Match with the ETag of the request: erasure cannot be undone.');
  const stored = await context.store(() => store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  const current = toProcessedRecord(stored);
  if (current.erasedAt !== undefined) return problem(409, 'The personal data of this request is already erased.', { type: 'urn:account-request:problem:erased' });
  if (!ifMatchSatisfied(ifMatch, requestEtag(current))) {
    return problem(412, 'The request changed since you loaded it; reload it before erasing.', { headers: { ETag: requestEtag(current) } });
  }
  const at = context.now().toISOString();
  const { webhooks } = context;
  const change = webhooks ? webhooks.change(await context.store(() => webhooks.endpoints()), (left) => erasureEvent(left, at)) : undefined;
  // The checks above read without a lock: the store makes them again under its lock (an erasure
  // from another instance, or any change, in between), so a request is erased once.
  const result = await context.store(() => store.erase(id, (latest) => tombstone(latest, at, actor), { ...change?.options, expectedVersion: current.version }));
  if (result.state === 'not_found') return problem(404, 'No account request has this id.');
  if (result.state === 'already_erased') return problem(409, 'The personal data of this request is already erased.', { type: 'urn:account-request:problem:erased' });
  if (result.state === 'conflict') {
    return problem(412, 'The request changed since you loaded it; reload it before erasing.', { headers: { ETag: requestEtag(result.record) } });
  }
  if (change) webhooks?.sendInBackground(change.queued(), context.options.waitUntil);
  return recordResponse(result.record);
}
