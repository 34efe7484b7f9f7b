import type { FormConfig } from '../../types.js';
import type { HandlerContext } from '../http/context.js';
import { alertMail, confirmationMail, type MailContent } from '../mail/index.js';
import type { NotificationKind, NotificationRecord } from '../stores/processing-store.js';
import type { AccountRequestRecord } from '../stores/store.js';

/** A pending outbox row for `content`, due now. */
export function notification(context: HandlerContext, init: { kind: NotificationKind; to: string; requestId: string; dedupeKey: string; content: MailContent }): NotificationRecord {
  const at = context.now().toISOString();
  return {
    id: crypto.randomUUID(),
    dedupeKey: init.dedupeKey,
    kind: init.kind,
    to: init.to,
    requestId: init.requestId,
    ...init.content,
    state: 'pending',
    attempts: 0,
    createdAt: at,
    nextAttemptAt: at,
  };
}

/**
 * The e-mails of a new request: a confirmation to the applicant and an alert to
 * `settings.alertEmail` (when set). None without a notifier: nobody would send them.
 */
export function creationNotifications(context: HandlerContext, record: AccountRequestRecord, config: FormConfig, request: Request): NotificationRecord[] {
  if (!context.outbox) return [];
  const { siteName, adminLocale = 'en', adminRequestUrl } = context.options;
  const site = siteName !== undefined ? { siteName } : {};
  const out: NotificationRecord[] = [];
  const email = record.values['email'];
  if (typeof email === 'string' && email !== '') {
    const content = confirmationMail({ locale: record.locale, ...site, values: record.values });
    out.push(notification(context, { kind: 'confirmation', to: email, requestId: record.id, dedupeKey: `${record.id}:confirmation`, content }));
  }
  const alertTo = config.settings.alertEmail;
  if (alertTo) {
    const link = adminRequestUrl?.(record.id, request);
    const content = alertMail({ locale: adminLocale, ...site, values: record.values, createdAt: record.createdAt, ...(link ? { link } : {}) });
    out.push(notification(context, { kind: 'alert', to: alertTo, requestId: record.id, dedupeKey: `${record.id}:alert`, content }));
  }
  return out;
}

// The delivery of `ids`, its failures caught: a notification that could not be sent stays in
// the outbox for the retry loop.
function delivery(context: HandlerContext, ids: readonly string[]): Promise<void> | undefined {
  const { outbox } = context;
  if (!outbox || ids.length === 0) return undefined;
  return outbox.deliver({ ids }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Delivers the given notifications now, or through `waitUntil` when the handler has one. Never
 * throws. For admin actions, whose page then shows whether the e-mail went out.
 */
export async function deliverSoon(context: HandlerContext, ids: readonly string[]): Promise<void> {
  const run = delivery(context, ids);
  if (!run) return;
  if (context.options.waitUntil) context.options.waitUntil(run);
  else await run;
}

/**
 * Queues the given notifications for the handler's background sender (its run handed to
 * `waitUntil` when the handler has one), so neither a slow mail server nor a burst of mails
 * delays the answers. What a process stopped before sending stays pending in the outbox, where
 * the retry loop finds it.
 */
export function deliverInBackground(context: HandlerContext, ids: readonly string[]): void {
  context.mailSends?.add(ids, context.options.waitUntil);
}
