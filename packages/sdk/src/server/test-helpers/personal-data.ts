import assert from 'node:assert/strict';
import { defaultConfig, setDisplayed, updateSettings } from '../../config/index.js';
import type { MailMessage } from '../processing/notifier.js';
import type { DecisionStore } from '../stores/decision-store.js';
import { createMemoryStore } from '../stores/store.js';
import type { WebhookStore } from '../stores/webhook-store.js';
import { addWebhookEndpoint } from '../webhooks/admin.js';
import { admin, moveTo, patch, processingSetup, read, tokenOf } from './processing.js';
import { URL_BASE, validBody } from './setup.js';

/** What the applicant typed: none of it may remain anywhere once erased. */
export const PERSONAL = {
  companyName: 'Boulangerie Léa Vasseur',
  email: 'lea.vasseur@boulangerie.example',
  lastName: 'Vasseur',
  phone: '+33 4 72 00 11 22',
  street: '8 rue Mercière',
  postalCode: '69001',
  city: 'Lyon',
};
/** What they corrected after a request for information. */
export const CORRECTED = { postalCode: '69002', street: '9 quai Saint-Antoine' };
export const NOTE = 'Rappeler Léa Vasseur au 04 72 00 11 22';
export const MESSAGE = 'Madame Vasseur, merci de vérifier l’adresse du 8 rue Mercière.';
/** Every text to look for in a store after the erasure. */
export const ERASED_TEXTS: readonly string[] = [...Object.values(PERSONAL), ...Object.values(CORRECTED), NOTE, MESSAGE, 'Léa'];

export const personalConfig = updateSettings(setDisplayed(setDisplayed(defaultConfig(), 'newsletter', true), 'phone', true), { alertEmail: 'ventes@shop.test' });

const linkIn = (kind: 'information' | 'invitation', message: MailMessage): string => {
  const match = new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(message.text);
  assert.ok(match?.[1]);
  return match[1];
};
const json = (path: string, body: unknown): Request => admin(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/**
 * A request that went through everything on `store`: an invitation, a consent, a request for
 * information (with a note) and its answer, an acceptance and its activation link; webhook
 * deliveries queued for all of it (to a receiver never reached, so they wait with their bodies).
 */
export async function livedRequest(store: WebhookStore & DecisionStore = createMemoryStore()) {
  const background: Promise<unknown>[] = [];
  const built = processingSetup({
    store,
    config: personalConfig,
    webhooks: { allowPrivateAddresses: true, timeoutMs: 1000 },
    adminRequestUrl: (id) => `https://shop.test/admin/requests/${id}`,
    waitUntil: (promise) => void background.push(promise),
  });
  const { handler, mail } = built;
  // Admin actions hand their e-mails to waitUntil: wait for them before reading a link.
  const settle = async (): Promise<void> => {
    while (background.length > 0) await Promise.all(background.splice(0));
  };
  await addWebhookEndpoint(store, { url: 'http://127.0.0.1:9/hooks' }, { allowPrivateAddresses: true });
  const invited = await handler(json('/invitations', { email: PERSONAL.email, companyName: PERSONAL.companyName, values: { city: PERSONAL.city } }));
  assert.equal(invited.status, 201);
  await settle();
  const invitationToken = linkIn('invitation', mail.sent.at(-1)!);
  const created = await handler(new Request(`${URL_BASE}/invitation/${invitationToken}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(validBody({ ...PERSONAL, newsletter: true })),
  }));
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = (await created.json()) as { id: string };
  const { etag } = await read(handler, id);
  assert.equal((await handler(patch(id, { status: 'info-requested', message: MESSAGE, note: NOTE }, etag))).status, 200);
  await settle();
  const informationToken = linkIn('information', mail.sent.filter((m) => m.kind === 'information').at(-1)!);
  const corrected = await handler(new Request(`${URL_BASE}/information/${informationToken}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validBody({ ...PERSONAL, ...CORRECTED, newsletter: true })) }));
  assert.equal(corrected.status, 200, await corrected.clone().text());
  await moveTo(handler, id, 'accepted');
  await settle();
  const activationToken = tokenOf(mail.sent.filter((m) => m.kind === 'activation').at(-1)!);
  // The attempts to reach the receiver have failed and are recorded (their retries wait in the store).
  await settle();
  return { ...built, store, id, tokens: [invitationToken, informationToken, activationToken] };
}

/** Erases the personal data of `id` through the admin route, asserting a 200. */
export async function eraseThroughRoute(handler: (request: Request) => Promise<Response>, id: string): Promise<Record<string, unknown>> {
  const { etag } = await read(handler, id);
  const response = await handler(admin(`/${id}/personal-data`, { method: 'DELETE', headers: { 'If-Match': etag } }));
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as Record<string, unknown>;
}
