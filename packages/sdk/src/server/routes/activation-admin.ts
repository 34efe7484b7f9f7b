import { activationBlocker, issueActivation } from '../processing/activation.js';
import { requireAdmin } from '../http/admin.js';
import { bodyKind, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { toProcessedRecord } from '../processing/lifecycle.js';
import { deliverSoon } from '../processing/notifications.js';
import { erasedProblem, invalid, requireProcessing } from './processing-routes.js';
import { json, problem } from '../http/problem.js';
import { readInstant } from '../processing/request-query.js';

const PAGE = 200;

function noActivationLinks(context: HandlerContext): Response | undefined {
  if (context.outbox && context.options.activationUrl) return undefined;
  return problem(501, 'This server sends no activation e-mails: it needs a notifier and an activationUrl option.');
}

/**
 * `POST {base}/{id}/activation-email`: admin. Sends a new activation e-mail to an accepted,
 * not yet activated request; the older links of the request stop working. 202 with the
 * notification id; 409 when the request is not accepted or already activated.
 */
export async function resendActivation(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireProcessing(context);
  const missing = noActivationLinks(context);
  if (missing) return missing;
  const stored = await context.store(() => store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  const record = toProcessedRecord(stored);
  if (record.erasedAt !== undefined) return erasedProblem('sent an activation e-mail');
  const blocker = activationBlocker(record);
  if (blocker) return problem(409, `No activation e-mail for this request: ${blocker.replace('_', ' ')}.`, { type: `urn:account-request:problem:activation-${blocker.replace('_', '-')}` });
  const mail = await context.store(() => issueActivation(context, store, record, request));
  if (mail) await deliverSoon(context, [mail.id]);
  return json(202, { notificationId: mail?.id });
}

/**
 * `POST {base}/activation-emails` with `{ "createdAfter": "2026-03-01" }`: admin. Sends an
 * activation e-mail to every accepted request created at or after that date (a date means its
 * midnight UTC) that is not activated yet, replacing their older links. Answers the counts:
 * `{ matched, queued, skippedActivated, skippedNoEmail }`.
 */
export async function bulkActivation(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireProcessing(context);
  const missing = noActivationLinks(context);
  if (missing) return missing;
  if (!bodyKind(request.headers.get('Content-Type'), ['json'])) throw unsupportedMediaType(['json']);
  const body = parseJsonBody(await readBodyLimited(request, context.maxBodyBytes));
  const raw = typeof body === 'object' && body !== null && Object.hasOwn(body, 'createdAfter') ? (body as { createdAfter: unknown }).createdAfter : undefined;
  let from: string | undefined;
  try {
    from = typeof raw === 'string' ? readInstant(raw, 'createdAfter') : undefined;
  } catch {
    from = undefined;
  }
  if (from === undefined) throw invalid('Send createdAfter as a date (YYYY-MM-DD) or an ISO 8601 date-time.', [{ field: 'createdAfter', code: 'invalid_format', message: 'Use a date such as 2026-03-01.' }]);

  const report = { matched: 0, queued: 0, skippedActivated: 0, skippedNoEmail: 0 };
  const ids: string[] = [];
  // Oldest first, so requests accepted meanwhile land after the pages already read.
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.store(() => store.query({ status: ['accepted'], from, sort: 'createdAt', order: 'asc', limit: PAGE, offset }));
    for (const record of page.items) {
      report.matched += 1;
      const blocker = activationBlocker(record);
      if (blocker === 'activated') report.skippedActivated += 1;
      else if (blocker === 'no_email') report.skippedNoEmail += 1;
      else if (blocker === undefined) {
        const mail = await context.store(() => issueActivation(context, store, record, request));
        if (mail) {
          ids.push(mail.id);
          report.queued += 1;
        }
      }
    }
    if (offset + PAGE >= page.total || page.items.length === 0) break;
  }
  await deliverSoon(context, ids);
  return json(200, report);
}
