import { createWebhookSecret, isWebhookSecret } from '../../webhooks/signature.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookStore } from '../stores/webhook-store.js';
import { checkWebhookUrl, type WebhookUrlPolicy, type WebhookUrlProblem } from './addresses.js';
import { deliveriesOf, pingEvent } from './messages.js';

/** How long a replaced secret keeps signing beside the new one, by default: 24 hours. */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** Why an endpoint could not be saved: its URL, or a secret that is not `whsec_` with 24 to 64 bytes. */
export type WebhookEndpointProblem = WebhookUrlProblem | 'invalid_secret';

/** What {@link addWebhookEndpoint} needs. */
export interface NewWebhookEndpoint {
  readonly url: string;
  /** Default: a fresh id. */
  readonly id?: string;
  /** Default: a fresh secret ({@link createWebhookSecret}). */
  readonly secret?: string;
}

/**
 * Checks and stores a new endpoint (or, with an existing `id`, points it at `url` and `secret`,
 * enabled again: how a deployment keeps its environment's endpoint in step). Resolves the
 * endpoint, or the problem that kept it out.
 */
export async function addWebhookEndpoint(store: WebhookStore, input: NewWebhookEndpoint, policy: WebhookUrlPolicy & { readonly now?: () => Date } = {}): Promise<WebhookEndpoint | WebhookEndpointProblem> {
  const problem = await checkWebhookUrl(input.url, policy);
  if (problem) return problem;
  if (input.secret !== undefined && !isWebhookSecret(input.secret)) return 'invalid_secret';
  const at = (policy.now ?? (() => new Date()))().toISOString();
  const existing = input.id === undefined ? undefined : await store.getWebhookEndpoint(input.id);
  const secret = input.secret ?? existing?.secrets[0]?.secret ?? createWebhookSecret();
  if (existing && existing.url === input.url && existing.secrets[0]?.secret === secret) return existing;
  const endpoint: WebhookEndpoint = {
    id: input.id ?? `ep_${crypto.randomUUID().replaceAll('-', '')}`,
    url: input.url,
    secrets: [{ secret, createdAt: at }],
    createdAt: existing?.createdAt ?? at,
  };
  await store.saveWebhookEndpoint(endpoint);
  return endpoint;
}

/**
 * Gives an endpoint a new secret. The previous one keeps signing beside it for `overlapMs`
 * (default 24 hours), so the receiver can switch at any moment in that window without
 * refusing a message; secrets already past their overlap are dropped.
 */
export async function rotateWebhookSecret(store: WebhookStore, id: string, options: { readonly now?: () => Date; readonly overlapMs?: number } = {}): Promise<WebhookEndpoint | undefined> {
  const endpoint = await store.getWebhookEndpoint(id);
  if (!endpoint) return undefined;
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + (options.overlapMs ?? DEFAULT_ROTATION_OVERLAP_MS)).toISOString();
  const kept = endpoint.secrets
    .map((secret, index) => (index === 0 ? { ...secret, expiresAt } : secret))
    .filter((secret) => secret.expiresAt !== undefined && secret.expiresAt > at);
  const rotated: WebhookEndpoint = { ...endpoint, secrets: [{ secret: createWebhookSecret(), createdAt: at }, ...kept] };
  await store.saveWebhookEndpoint(rotated);
  return rotated;
}

/** Stops (`enabled: false`) or resumes sending to an endpoint. Deliveries that came due while it was disabled were cancelled; send them again one by one. */
export async function setWebhookEndpointEnabled(store: WebhookStore, id: string, enabled: boolean, options: { readonly now?: () => Date } = {}): Promise<WebhookEndpoint | undefined> {
  const endpoint = await store.getWebhookEndpoint(id);
  if (!endpoint) return undefined;
  const { disabledAt: _at, disabledReason: _reason, ...rest } = endpoint;
  const next: WebhookEndpoint = enabled ? rest : { ...rest, disabledAt: (options.now ?? (() => new Date()))().toISOString(), disabledReason: 'admin' };
  await store.saveWebhookEndpoint(next);
  return next;
}

/** Queues a `webhook.ping` for one endpoint (its "test" button); deliver it with the dispatcher's `deliver({ ids: [delivery.id] })`. */
export async function queueWebhookPing(store: WebhookStore, endpoint: WebhookEndpoint, options: { readonly now?: () => Date } = {}): Promise<WebhookDelivery> {
  const [delivery] = deliveriesOf(pingEvent(endpoint.id, (options.now ?? (() => new Date()))().toISOString()), [endpoint]);
  await store.enqueueWebhookDeliveries([delivery!]);
  return delivery!;
}
