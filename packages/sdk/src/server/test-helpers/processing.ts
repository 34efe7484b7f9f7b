import assert from 'node:assert/strict';
import type { MailMessage, Notifier } from '../processing/notifier.js';
import { hashPassword } from '../passwords/password.js';
import { createMemoryStore } from '../stores/store.js';
import { ADMIN, post, setup, type SetupOptions, URL_BASE, validBody } from './setup.js';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-02T09:00:00.000Z') {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    set: (iso: string) => void (time = Date.parse(iso)),
    advance: (ms: number) => void (time += ms),
  };
}

/** A notifier that records what it was given, and fails the first `failures` calls (throwing or rejecting). */
export function recordingNotifier(options: { failures?: number; mode?: 'throw' | 'reject' } = {}) {
  const sent: MailMessage[] = [];
  const calls: MailMessage[] = [];
  let failures = options.failures ?? 0;
  const notifier: Notifier = {
    notify(message) {
      calls.push(message);
      if (failures > 0) {
        failures -= 1;
        if (options.mode === 'throw') throw new Error('SMTP down\r\nX-Injected: 1');
        return Promise.reject(new Error('connection refused'));
      }
      sent.push(message);
      return Promise.resolve();
    },
  };
  return { notifier, sent, calls, failNext: (count: number) => void (failures = count) };
}

const fastHash = (password: string): Promise<string> => hashPassword(password, { iterations: 1000 });

/** A handler with a memory store, a recording notifier, a manual clock and activation links. */
export function processingSetup(options: SetupOptions & { failures?: number; mode?: 'throw' | 'reject' } = {}) {
  const { failures, mode, ...rest } = options;
  const clock = manualClock();
  const mail = recordingNotifier({ ...(failures !== undefined ? { failures } : {}), ...(mode ? { mode } : {}) });
  const store = createMemoryStore({ now: () => clock.now().getTime() });
  const built = setup({
    store,
    now: clock.now,
    notifier: mail.notifier,
    hashPassword: fastHash,
    activationUrl: (token, request) => new URL(`/activation/${token}`, request.url).href,
    informationUrl: (token, request) => new URL(`/information/${token}`, request.url).href,
    invitationUrl: (token, request) => new URL(`/invitation/${token}`, request.url).href,
    siteName: 'Comptoir Duval',
    ...rest,
  });
  return { ...built, store, clock, mail };
}

/** Creates a request through the public route and resolves its id. */
export async function submit(handler: (request: Request) => Promise<Response>, overrides: Record<string, unknown> = {}, locale = 'fr'): Promise<string> {
  const response = await handler(post({ ...validBody(overrides), locale }));
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

/** An admin request to `{base}{path}`. */
export function admin(path: string, init: RequestInit = {}): Request {
  return new Request(`${URL_BASE}${path}`, { ...init, headers: { ...ADMIN, ...(init.headers as Record<string, string> | undefined) } });
}

/** `PATCH {base}/{id}` with `If-Match`. */
export function patch(id: string, body: unknown, etag: string | null, headers: Record<string, string> = {}): Request {
  return admin(`/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...(etag !== null ? { 'If-Match': etag } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

/** Reads a request through the admin route: its JSON and ETag. */
export async function read(handler: (request: Request) => Promise<Response>, id: string): Promise<{ record: Record<string, unknown>; etag: string }> {
  const response = await handler(admin(`/${id}`));
  assert.equal(response.status, 200);
  return { record: (await response.json()) as Record<string, unknown>, etag: response.headers.get('ETag') ?? '' };
}

/** Moves a request through statuses one PATCH at a time, asserting each succeeds. */
export async function moveTo(handler: (request: Request) => Promise<Response>, id: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const { etag } = await read(handler, id);
    // A request for information needs its message.
    const response = await handler(patch(id, { status, ...(status === 'info-requested' ? { message: 'Merci de joindre votre extrait Kbis.' } : {}) }, etag));
    assert.equal(response.status, 200, await response.clone().text());
  }
}

/** The activation token in a recorded activation e-mail's link. */
export function tokenOf(message: MailMessage): string {
  const match = /\/activation\/([A-Za-z0-9_-]{43})/.exec(message.text);
  assert.ok(match?.[1], 'the e-mail carries an activation link');
  return match[1];
}
