import type { HandlerContext } from '../http/context.js';
import { rejectionMail } from '../mail/index.js';
import type { DecisionOptions, InformationTokenRecord } from '../stores/decision-store.js';
import type { NotificationRecord, RequestPatch, UpdateResult } from '../stores/processing-store.js';
import { activationBlocker, issueActivation } from './activation.js';
import { decisionEvent } from './change-events.js';
import type { DecisionInput } from './decision-input.js';
import { informationRequest } from './information.js';
import type { HistoryChange, HistoryEntry, ProcessedRecord } from './lifecycle.js';
import { deliverInBackground, deliverSoon, notification } from './notifications.js';

/** What {@link applyChange} did: the store's answer, and how many e-mails went to the applicant. */
export type ChangeOutcome = UpdateResult & { readonly emails: number };

/** The e-mails (and information link) a change sends, as decided before it is written. */
interface Mails {
  readonly notifications: NotificationRecord[];
  readonly informationToken?: InformationTokenRecord;
}

async function mailsOf(context: HandlerContext, current: ProcessedRecord, patch: RequestPatch, input: DecisionInput, request: Request): Promise<Mails> {
  if (input.notify === false) return { notifications: [] };
  if (patch.status === 'info-requested' && input.message !== undefined) {
    const issued = await informationRequest(context, current, input.message, request);
    return issued ? { notifications: [issued.mail], informationToken: issued.token } : { notifications: [] };
  }
  const email = current.values['email'];
  if (patch.status !== 'rejected' || !context.outbox || typeof email !== 'string' || email === '') return { notifications: [] };
  const { siteName } = context.options;
  const content = rejectionMail({
    locale: current.locale,
    ...(siteName !== undefined ? { siteName } : {}),
    values: current.values,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.message ? { message: input.message } : {}),
  });
  // Keyed by the version the rejection creates: a rejection reopened and rejected again mails again.
  return { notifications: [notification(context, { kind: 'rejection', to: email, requestId: current.id, dedupeKey: `${current.id}:rejection:v${current.version + 1}`, content })] };
}

/**
 * Writes one change of a request as an admin (or the auto-accept setting) makes it: the patch
 * and its history entry (with the rejection's reason, the message and whether the applicant was
 * told), the e-mail to the applicant and the link of a request for information, and the webhook
 * deliveries, all in one store write at `current.version`. Once written, the e-mails are sent,
 * and an acceptance issues the activation link. `changes` are the entry's changes.
 */
export async function applyChange(
  context: HandlerContext,
  current: ProcessedRecord,
  change: { readonly patch: RequestPatch; readonly changes: readonly HistoryChange[]; readonly actor: string; readonly input?: DecisionInput; readonly mailInBackground?: boolean },
  request: Request,
): Promise<ChangeOutcome> {
  const store = context.processing!;
  const { patch, changes, actor, input = {} } = change;
  const at = context.now().toISOString();
  const mails = await mailsOf(context, current, patch, input, request);
  const talks = patch.status === 'rejected' || patch.status === 'info-requested';
  const entry: HistoryEntry = {
    at,
    actor,
    changes,
    ...(patch.status === 'rejected' && input.reason ? { reason: input.reason } : {}),
    ...(talks && input.message ? { message: input.message } : {}),
    ...(talks ? { notified: mails.notifications.length > 0 } : {}),
  };
  const { webhooks } = context;
  const event = webhooks && decisionEvent(current, changes, at) ? webhooks.change(await context.store(() => webhooks.endpoints()), (updated) => decisionEvent(updated, changes, at)!) : undefined;
  const decisions = context.decisions;
  let result: UpdateResult;
  if (decisions) {
    const options: DecisionOptions = {
      ...event?.options,
      ...(mails.notifications.length > 0 ? { notifications: mails.notifications } : {}),
      ...(mails.informationToken ? { informationToken: mails.informationToken } : {}),
    };
    result = await context.store(() => decisions.decide(current.id, patch, current.version, entry, options));
  } else {
    result = await context.store(() => store.update(current.id, patch, current.version, entry, event?.options));
    // Without a DecisionStore the e-mail follows the change instead of riding in its transaction.
    if (result.state === 'updated' && mails.notifications.length > 0) await store.enqueueNotifications(mails.notifications).catch(() => undefined);
  }
  if (result.state !== 'updated') return { ...result, emails: 0 };
  if (event) webhooks?.sendInBackground(event.queued(), context.options.waitUntil);
  const ids = mails.notifications.map((mail) => mail.id);
  if (patch.status === 'accepted' && activationBlocker(result.record) === undefined) {
    // The acceptance is saved: a failure to queue the e-mail leaves it to a resend, not an error.
    const mail = await issueActivation(context, store, result.record, request).catch(() => undefined);
    if (mail) ids.push(mail.id);
  }
  // An admin's answer waits for the e-mails it sends; a submission's (the auto-accept setting) does not.
  if (change.mailInBackground) deliverInBackground(context, ids);
  else await deliverSoon(context, ids);
  return { ...result, emails: ids.length };
}
