import type { HandlerContext } from '../http/context.js';
import { base64Url, sha256 } from '../http/etag.js';
import type { ProcessedRecord } from './lifecycle.js';
import { activationMail } from '../mail/index.js';
import { notification } from './notifications.js';
import type { ActivationTokenRecord, NotificationRecord, ProcessingStore } from '../stores/processing-store.js';

/** How long an activation link works by default: 60 days. */
export const DEFAULT_ACTIVATION_TTL_MS = 60 * 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: the shape of every activation token. */
export const ACTIVATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What a token allows now. */
export type ActivationState = 'valid' | 'expired' | 'used' | 'replaced';

/** A new activation token (32 random bytes, base64url) and the SHA-256 under which it is stored. */
export async function createActivationToken(): Promise<{ token: string; hash: string }> {
  const token = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashActivationToken(token) };
}

/** The stored form of a token: its SHA-256, base64url. The token itself is never stored. */
export function hashActivationToken(token: string): Promise<string> {
  return sha256(token);
}

/** The state of a stored token at `now` (ISO). Used wins over replaced, replaced over expired. */
export function activationState(token: ActivationTokenRecord, now: string): ActivationState {
  if (token.usedAt !== undefined) return 'used';
  if (token.replacedAt !== undefined) return 'replaced';
  return token.expiresAt <= now ? 'expired' : 'valid';
}

/** Why a request gets no activation e-mail, if it gets none. */
export function activationBlocker(record: ProcessedRecord): 'not_accepted' | 'activated' | 'no_email' | undefined {
  if (record.status !== 'accepted') return 'not_accepted';
  if (record.activatedAt !== undefined) return 'activated';
  const email = record.values['email'];
  return typeof email === 'string' && email !== '' ? undefined : 'no_email';
}

/**
 * Issues a fresh token for an accepted request and queues its e-mail, which replaces every older
 * token of the request. Resolves the queued notification, or `undefined` when the handler has
 * no notifier or no `activationUrl` (no link could be sent).
 */
export async function issueActivation(context: HandlerContext, store: ProcessingStore, record: ProcessedRecord, request: Request): Promise<NotificationRecord | undefined> {
  const { activationUrl, activationTtlMs = DEFAULT_ACTIVATION_TTL_MS, siteName } = context.options;
  const email = record.values['email'];
  if (!context.outbox || !activationUrl || typeof email !== 'string') return undefined;
  const { token, hash } = await createActivationToken();
  const now = context.now();
  const expiresAt = new Date(now.getTime() + activationTtlMs).toISOString();
  const link = activationUrl(token, request);
  const content = activationMail({ locale: record.locale, ...(siteName !== undefined ? { siteName } : {}), values: record.values, link, expiresAt });
  const mail = notification(context, { kind: 'activation', to: email, requestId: record.id, dedupeKey: `${record.id}:activation:${hash}`, content });
  await store.saveActivationToken({ hash, requestId: record.id, createdAt: now.toISOString(), expiresAt }, mail);
  return mail;
}
