import type { HandlerContext } from '../http/context.js';
import { invitationMail } from '../mail/index.js';
import type { InvitationRecord } from '../stores/decision-store.js';
import type { NotificationRecord } from '../stores/processing-store.js';
import { createActivationToken } from './activation.js';
import { notification } from './notifications.js';

/** How long an invitation link works by default: 30 days. */
export const DEFAULT_INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A fresh link (token, its SHA-256, expiry) for an invitation and the e-mail that carries it,
 * in the invitation's language. The handler must have a notifier and an `invitationUrl`.
 * `ttlMs` defaults to the handler's `invitationTtlMs`, else 30 days.
 */
export async function inviteMail(
  context: HandlerContext,
  invitation: Pick<InvitationRecord, 'id' | 'email' | 'companyName' | 'locale'>,
  request: Request,
  ttlMs?: number,
): Promise<{ link: { token: string; hash: string; expiresAt: string }; mail: NotificationRecord }> {
  const { invitationUrl, invitationTtlMs = DEFAULT_INVITATION_TTL_MS, siteName } = context.options;
  const { token, hash } = await createActivationToken();
  const expiresAt = new Date(context.now().getTime() + (ttlMs ?? invitationTtlMs)).toISOString();
  const url = invitationUrl!(token, request);
  const content = invitationMail({
    locale: invitation.locale,
    ...(siteName !== undefined ? { siteName } : {}),
    ...(invitation.companyName ? { companyName: invitation.companyName } : {}),
    link: url,
    expiresAt,
  });
  // An invitation has no request yet: its e-mails are filed under the invitation's id.
  const mail = notification(context, { kind: 'invitation', to: invitation.email, requestId: invitation.id, dedupeKey: `${invitation.id}:invitation:${hash}`, content });
  return { link: { token, hash, expiresAt }, mail };
}
