// Shared by the processing fuzzers (the demo site on SQLite, the handler on PostgreSQL): a world
// of real requests and links to aim at, arbitrary requests at the processing API, and the run of
// one request with what every answer must satisfy.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '@account-request/sdk';
import type { MailMessage } from '@account-request/sdk/server';
import { hostileJson, nastyString, nearValidSubmissionFor, POLLUTING_KEYS } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

export const BASE = '/api/account-requests';
export const ORIGIN = 'http://localhost';

/** Anything that answers a Request: a demo app's `fetch`, the SDK handler. */
export type Fetch = (request: Request) => Promise<Response>;

/** What the requests aim at. */
export interface World {
  readonly fetch: Fetch;
  /** The admin's `Authorization` header value. */
  readonly admin: string;
  /** Ids of stored requests (the first one may be erased) and of an invitation. */
  readonly ids: readonly string[];
  /** Tokens of real links, by kind. */
  readonly tokens: { readonly information: string; readonly invitation: string };
}

// Lone surrogates become U+FFFD, as a browser's form encoding does.
export const wellFormed = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');
export const anyText = fc.oneof(nastyString(30), fc.string({ maxLength: 2100 }));
const STATUSES = ['new', 'pending', 'in-progress', 'info-requested', 'accepted', 'rejected', 'erased', 'x'];
export const WORDS = [...STATUSES, 'incomplete', 'other', 'duplicate', 'not-professional', 'jane@acme.fr', 'true', 'false', 'on', '1', '-1', '', 'valid', 'invalid'];
const BOGUS_IDS = ['00000000-0000-4000-8000-000000000000', 'a'.repeat(64), 'a'.repeat(65), '__proto__', 'constructor'];

/** A request's ETag, asked of the API, for an `If-Match` that passes. */
async function etagOf(world: Pick<World, 'fetch' | 'admin'>, path: string): Promise<string> {
  const response = await world.fetch(new Request(`${ORIGIN}${path}`, { headers: { Authorization: world.admin } }));
  await response.arrayBuffer();
  return response.headers.get('ETag') ?? '"none"';
}

/**
 * Six stored requests (one moved on, one sent back for information) and an invitation, through
 * `fetch`; `sent` is where its notifier puts the e-mails, read for the links' tokens.
 */
export async function seedWorld(fetch: Fetch, admin: string, sent: readonly MailMessage[]): Promise<World> {
  const api = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(new Request(`${ORIGIN}${path}`, { method, headers: { Authorization: admin, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const ids: string[] = [];
  for (const [index, values] of fc.sample(nearValidSubmissionFor(defaultConfig(), 0), { seed: 7, numRuns: 40 }).entries()) {
    const created = await api('POST', BASE, values, { 'Idempotency-Key': `seed-${index}` });
    if (created.status === 201) ids.push(created.body['id'] as string);
    if (ids.length === 6) break;
  }
  assert.equal(ids.length, 6, 'six valid requests to work on');
  const [, second, third] = ids as [string, string, string];
  const world = { fetch, admin };
  assert.equal((await api('PATCH', `${BASE}/${second}`, { status: 'in-progress' }, { 'If-Match': await etagOf(world, `${BASE}/${second}`) })).status, 200);
  const asked = await api('PATCH', `${BASE}/${third}`, { status: 'info-requested', message: 'Please send your SIRET.' }, { 'If-Match': await etagOf(world, `${BASE}/${third}`) });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  const invited = await api('POST', `${BASE}/invitations`, { email: 'invitee@acme.fr' });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  ids.push(invited.body['id'] as string);
  // The e-mails go out after the answers: wait for both links.
  const deadline = Date.now() + 10_000;
  const link = (kind: string) => sent.map((message) => new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(message.text)?.[1]).find(Boolean);
  while (!(link('information') && link('invitation')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const information = link('information');
  const invitation = link('invitation');
  assert.ok(information && invitation, 'an information link and an invitation link');
  return { fetch, admin, ids, tokens: { information, invitation } };
}

/** An id: mostly a real one, sometimes one that matches nothing or names an Object.prototype member. */
export const idOf = (world: World) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...world.ids) }, { weight: 1, arbitrary: fc.constantFrom(...BOGUS_IDS) });
// Erasure ends a request's story: one request is set aside for it, so the others keep theirs.
export const erasableOf = (world: World) => fc.constantFrom(world.ids[0] as string, ...BOGUS_IDS);

/** `{prefix}/{information|invitation|activation}/{token}`: mostly the real links, else well-formed or broken tokens. */
export function linkPathOf(world: World, prefix: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('information', 'invitation', 'activation'),
      fc.oneof({ weight: 3, arbitrary: fc.constant('real') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) }, { weight: 1, arbitrary: fc.constantFrom('', 'x', 'a'.repeat(44), '%00') }),
    )
    .map(([kind, value]) => `${prefix}/${kind}/${value === 'real' ? (kind === 'invitation' ? world.tokens.invitation : world.tokens.information) : value}`);
}

/** One request to send: `ifMatch` `current` asks the resource's ETag first. */
export interface FuzzedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;
  readonly headers: Record<string, string>;
  readonly ifMatch: string | undefined;
}

// The parameters each listing reads, then a few others.
const QUERY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '': ['status', 'inAccount', 'vatCheck', 'q', 'q', 'q', 'from', 'to', 'sort', 'order', 'limit', 'offset'],
  '/export.csv': ['status', 'inAccount', 'vatCheck', 'q', 'q', 'q', 'from', 'to', 'sort', 'order'],
  '/notifications': ['state', 'requestId', 'requestId', 'limit', 'offset'],
  '/invitations': ['state', 'limit', 'offset', 'q'],
};
const queryValue = fc.oneof(
  // What a database refuses or reads specially: NUL, controls, bidi overrides, LIKE wildcards, huge numbers, impossible dates.
  { weight: 3, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', 'ac\nme', '\u202Eacme', '%', '_', '\\', '9'.repeat(30), '-1', '2026-02-30', '0000-01-01') },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: nastyString(20) },
  { weight: 1, arbitrary: anyText },
);
const queryPath = fc
  .constantFrom(...Object.keys(QUERY_PARAMS))
  .chain((where) => fc.tuple(fc.constant(where), fc.array(fc.tuple(fc.constantFrom(...(QUERY_PARAMS[where] as string[]), 'other'), queryValue), { minLength: 1, maxLength: 4 })))
  .map(([where, pairs]) => `${BASE}${where}?${new URLSearchParams(pairs.map(([name, value]) => [name, wellFormed(value)])).toString()}`);

/** Arbitrary requests at the processing API of `world`, each route mostly with the methods it takes. */
export function apiRequests(world: World): fc.Arbitrary<FuzzedRequest> {
  const id = idOf(world);
  const KEYS = ['ids', 'status', 'reason', 'message', 'notify', 'dryRun', 'note', 'inAccount', 'email', 'values', 'prefill', 'locale', 'confirmed', 'fields', ...POLLUTING_KEYS] as const;
  const member = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.array(fc.oneof(id, nastyString(10)), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: anyText },
    { weight: 2, arbitrary: hostileJson },
  );
  const json = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), member, { maxKeys: 6 }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: nearValidSubmissionFor(defaultConfig(), 2).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"ids":', `${'['.repeat(3000)}${']'.repeat(3000)}`) },
  );
  // depthSize max: inside the property's array, oneof would otherwise favour its first routes.
  const route: fc.Arbitrary<[string, string]> = fc.oneof(
    { depthSize: 'max' },
    fc.tuple(fc.constantFrom('POST'), fc.constantFrom(`${BASE}/decisions`, `${BASE}/invitations`, `${BASE}/activation-emails`)),
    fc.tuple(fc.constantFrom('GET', 'HEAD'), fc.constantFrom(`${BASE}/notifications`, `${BASE}/export.csv`, `${BASE}/invitations`, `${BASE}/lookup`, `${BASE}/challenge`)),
    fc.tuple(fc.constantFrom('GET', 'PATCH'), id.map((value) => `${BASE}/${value}`)),
    fc.tuple(fc.constantFrom('GET'), id.map((value) => `${BASE}/${value}/personal-data`)),
    fc.tuple(fc.constantFrom('DELETE'), erasableOf(world).map((value) => `${BASE}/${value}/personal-data`)),
    fc.tuple(fc.constantFrom('POST'), fc.tuple(id, fc.constantFrom('activation-email', 'checks')).map(([value, sub]) => `${BASE}/${value}/${sub}`)),
    fc.tuple(fc.constantFrom('GET'), fc.tuple(id, fc.constantFrom('abc', '__proto__', 'a'.repeat(64))).map(([value, file]) => `${BASE}/${value}/files/${file}`)),
    fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(id, fc.constantFrom('', '/revoke', '/resend')).map(([value, action]) => `${BASE}/invitations/${value}${action}`)),
    fc.tuple(fc.constantFrom('GET', 'POST', 'POST', 'OPTIONS'), linkPathOf(world, BASE)),
    fc.tuple(fc.constantFrom('GET'), fc.tuple(linkPathOf(world, BASE), fc.constantFrom('/lookup', '/lookup/company?siret=73282932000074', '/lookup/address?q=1%20rue', '/challenge')).map(([link, rest]) => `${link}${rest}`)),
    {
      // Query strings: what a store's query sees, hence weighed more.
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom('GET'), queryPath),
    },
    fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), fc.oneof(id.map((value) => `${BASE}/${value}`), fc.constant(`${BASE}/decisions`))),
  );
  return fc
    .record({
      route,
      body: json,
      admin: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      ifMatch: fc.constantFrom('current', 'current', '*', '"stale"', 'W/"1"', '', undefined),
      key: fc.constantFrom(undefined, 'fuzz-key-1', 'fuzz-key-2'),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    })
    .map(({ route: [method, path], body, admin, ifMatch, key, contentType }) => ({
      method,
      path,
      body,
      ifMatch,
      headers: { 'Content-Type': contentType, ...(admin ? { Authorization: world.admin } : {}), ...(key ? { 'Idempotency-Key': key } : {}) },
    }));
}

/**
 * Sends `parts` and checks the answer: never a 5xx but 501 (a capability the server lacks) and,
 * when `storeMayFail`, 503; with `problems`, every error a problem+json.
 */
export async function sendChecked(world: World, parts: FuzzedRequest, expect: Expect): Promise<void> {
  const headers = { ...parts.headers };
  if (parts.ifMatch === 'current') headers['If-Match'] = await etagOf(world, parts.path.replace(/^(\/api\/account-requests\/[^/?]+).*$/, '$1'));
  else if (parts.ifMatch !== undefined) headers['If-Match'] = parts.ifMatch;
  const init: RequestInit = { method: parts.method, headers };
  if (parts.body !== undefined && parts.method !== 'GET' && parts.method !== 'HEAD') init.body = parts.body;
  const response = await world.fetch(new Request(`${ORIGIN}${parts.path}`, init));
  const where = `${parts.method} ${parts.path} ${(parts.body ?? '').slice(0, 200)}`;
  const allowed = response.status < 500 || response.status === 501 || (expect.storeMayFail && response.status === 503);
  assert.ok(allowed, `${where}: ${response.status} ${await response.clone().text()}`);
  if (expect.problems && response.status >= 400 && parts.method !== 'HEAD') {
    assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, `${where}: ${response.status} without problem+json`);
  }
  await response.arrayBuffer();
}

/** Arbitrary requests at the demo site's admin and applicant pages: forms with any fields, mostly those the pages read. */
export function pageRequests(world: World): fc.Arbitrary<FuzzedRequest> {
  const id = idOf(world);
  const FIELDS = ['status', 'version', 'message', 'reason', 'notify', 'lang', 'inAccount', 'ids', 'vatCheck', 'state', 'sort', 'q', 'order', 'note', 'locale', 'from', 'to', 'createdAfter', 'confirmation', 'confirm', 'email', 'password', 'url', ...POLLUTING_KEYS] as const;
  const URLS = ['https://203.0.113.5/hook', 'https://1.1.1.1/hook', 'http://127.0.0.1/hook', 'https://[::1]/x', 'https://user:pass@crm.example/x', 'javascript:alert(1)', 'https://crm.example:99999/x', `https://crm.example/${'a'.repeat(3000)}`];
  const form = fc
    .array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.constantFrom(...WORDS, ...URLS), id, anyText)), { maxLength: 8 })
    .map((pairs) => new URLSearchParams(pairs).toString());
  const page: fc.Arbitrary<[string, string]> = fc.oneof(
    { depthSize: 'max' },
    fc.tuple(fc.constantFrom('POST'), fc.constantFrom('/admin/bulk-decisions', '/admin/requests/activation-emails', '/admin/invitations/', '/admin/webhooks/')),
    fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(id, fc.constantFrom('', '/status', '/status/confirm', '/checks', '/activation-email', '/erasure', '/personal-data', '/files/abc')).map(([value, sub]) => `/admin/requests/${value}${sub}`)),
    fc.tuple(fc.constantFrom('POST'), erasableOf(world).map((value) => `/admin/requests/${value}/erasure/confirm`)),
    fc.tuple(fc.constantFrom('POST'), fc.tuple(id, fc.constantFrom('revoke', 'resend')).map(([value, action]) => `/admin/invitations/${value}/${action}`)),
    fc.tuple(fc.constantFrom('GET', 'POST'), linkPathOf(world, '')),
    // Webhook endpoints (the routes that deliver at once, test and resend, are left out: they would call the network).
    fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(fc.oneof(id, fc.constantFrom('env', '1', '-1', '%00', 'a%00b')), fc.constantFrom('', '/disable', '/enable', '/rotate', '/deliveries/%00/resend', '?offset=-1', '?offset=99999999999')).map(([value, rest]) => `/admin/webhooks/${value}${rest}`)),
    fc.tuple(fc.constantFrom('GET'), fc.oneof(id, fc.constantFrom('%00', 'a%00b', '1')).map((value) => `/admin/outbox/${value}`)),
    fc.tuple(
      fc.constantFrom('GET'),
      fc.tuple(fc.constantFrom('/admin/requests/', '/admin/outbox/', '/admin/invitations/', '/admin/webhooks/', '/'), fc.constantFrom('status', 'sort', 'q', 'q', 'state', 'lang', 'page', 'from', 'to', 'createdAfter', 'requestId'), queryValue).map(([where, name, value]) => `${where}?${name}=${encodeURIComponent(wellFormed(value))}`),
    ),
  );
  return fc
    .record({
      route: page,
      body: form,
      admin: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      origin: fc.constantFrom(ORIGIN, ORIGIN, 'https://evil.test', undefined),
      contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json', 'text/plain'),
    })
    .map(({ route: [method, path], body, admin, origin, contentType }) => ({
      method,
      path,
      body,
      ifMatch: undefined,
      headers: { 'Content-Type': contentType, ...(admin ? { Authorization: world.admin } : {}), ...(origin ? { Origin: origin } : {}) },
    }));
}

/** What every answer of a run must satisfy (see {@link sendChecked}). */
export interface Expect {
  readonly problems: boolean;
  readonly storeMayFail: boolean;
}

/** Sends `runs` sequences of up to four `requests` and checks each answer against `expect`. */
export async function fuzzRequests(world: World, requests: fc.Arbitrary<FuzzedRequest>, expect: Expect, runs: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 4 }), async (sequence) => {
      for (const parts of sequence) await sendChecked(world, parts, expect);
    }),
    fuzzParameters(runs),
  );
}

/** The API answers the admin's list after the run: the seeded requests are still there. */
export async function assertStillListed(world: World): Promise<void> {
  const list = await world.fetch(new Request(`${ORIGIN}${BASE}?limit=200`, { headers: { Authorization: world.admin } }));
  assert.equal(list.status, 200);
  assert.ok(((await list.json()) as unknown[]).length >= 4, 'the requests are still listed');
}
