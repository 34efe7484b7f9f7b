// The processing routes of the demo site (decisions, information and invitation links,
// invitations, personal data, files, checks, activation, the outbox, the export) and its admin
// and applicant pages, on arbitrary requests against real stored requests and real links:
// hostile bodies, ids, tokens and conditions never answer a 500, every API error is a
// problem+json, and the site still lists its requests after.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultConfig } from '@account-request/sdk';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import { createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { hostileJson, nastyString, nearValidSubmissionFor, POLLUTING_KEYS } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

const BASE = '/api/account-requests';
const ORIGIN = 'http://localhost';
const PASSWORD = 'fuzz-processing-password';
const ADMIN = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

// Lone surrogates become U+FFFD, as a browser's form encoding does.
const wellFormed = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');
const anyText = fc.oneof(nastyString(30), fc.string({ maxLength: 2100 }));
const STATUSES = ['new', 'pending', 'in-progress', 'info-requested', 'accepted', 'rejected', 'erased', 'x'];
const WORDS = [...STATUSES, 'incomplete', 'other', 'duplicate', 'not-professional', 'jane@acme.fr', 'true', 'false', 'on', '1', '-1', '', 'valid', 'invalid'];

interface World {
  readonly app: DemoApp;
  /** Ids of stored requests and of an invitation. */
  readonly ids: readonly string[];
  /** Tokens of real links, by kind. */
  readonly tokens: { readonly information: string; readonly invitation: string };
}

/** A request's ETag, asked of the API, for an `If-Match` that passes. */
async function etagOf(app: DemoApp, path: string): Promise<string> {
  const response = await app.fetch(new Request(`${ORIGIN}${path}`, { headers: { Authorization: ADMIN } }));
  await response.arrayBuffer();
  return response.headers.get('ETag') ?? '"none"';
}

async function seed(root: string): Promise<World> {
  const sent: MailMessage[] = [];
  const notifier: Notifier = { notify: (message) => void sent.push(message) };
  const app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000, notifier, assets: stubAssetPaths(root) });
  const api = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { Authorization: ADMIN, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const ids: string[] = [];
  for (const [index, values] of fc.sample(nearValidSubmissionFor(defaultConfig(), 0), { seed: 7, numRuns: 40 }).entries()) {
    const created = await api('POST', BASE, values, { 'Idempotency-Key': `seed-${index}` });
    if (created.status === 201) ids.push(created.body['id'] as string);
    if (ids.length === 6) break;
  }
  assert.equal(ids.length, 6, 'six valid requests to work on');
  const [, second, third] = ids as [string, string, string, string];
  assert.equal((await api('PATCH', `${BASE}/${second}`, { status: 'in-progress' }, { 'If-Match': await etagOf(app, `${BASE}/${second}`) })).status, 200);
  const asked = await api('PATCH', `${BASE}/${third}`, { status: 'info-requested', message: 'Please send your SIRET.' }, { 'If-Match': await etagOf(app, `${BASE}/${third}`) });
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
  return { app, ids, tokens: { information, invitation } };
}

describe('fuzz: the processing routes and pages on arbitrary requests', () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-processing-'));
  let world: World;
  before(async () => {
    world = await seed(root);
  });
  after(async () => {
    await world?.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const BOGUS_IDS = ['00000000-0000-4000-8000-000000000000', 'a'.repeat(64), 'a'.repeat(65), '__proto__', 'constructor'];
  const id = () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...world.ids) }, { weight: 1, arbitrary: fc.constantFrom(...BOGUS_IDS) });
  // Erasure ends a request's story: one request is set aside for it, so the others keep theirs.
  const erasable = () => fc.constantFrom(world.ids[0] as string, ...BOGUS_IDS);
  const linkPath = (prefix: string) =>
    fc
      .tuple(
        fc.constantFrom('information', 'invitation', 'activation'),
        fc.oneof({ weight: 3, arbitrary: fc.constant('real') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) }, { weight: 1, arbitrary: fc.constantFrom('', 'x', 'a'.repeat(44), '%00') }),
      )
      .map(([kind, value]) => `${prefix}/${kind}/${value === 'real' ? (kind === 'invitation' ? world.tokens.invitation : world.tokens.information) : value}`);
  const ifMatch = fc.constantFrom('current', 'current', '*', '"stale"', 'W/"1"', '', undefined);

  async function run(parts: { method: string; path: string; body: string | undefined; headers: Record<string, string>; ifMatch: string | undefined }, api: boolean): Promise<void> {
    const headers = { ...parts.headers };
    if (parts.ifMatch === 'current') headers['If-Match'] = await etagOf(world.app, parts.path.replace(/^(\/api\/account-requests\/[^/?]+).*$/, '$1'));
    else if (parts.ifMatch !== undefined) headers['If-Match'] = parts.ifMatch;
    const init: RequestInit = { method: parts.method, headers };
    if (parts.body !== undefined && parts.method !== 'GET' && parts.method !== 'HEAD') init.body = parts.body;
    const response = await world.app.fetch(new Request(`${ORIGIN}${parts.path}`, init));
    const where = `${parts.method} ${parts.path} ${(parts.body ?? '').slice(0, 200)}`;
    assert.ok(response.status < 500 || response.status === 501 || response.status === 503, `${where}: ${response.status} ${await response.clone().text()}`);
    if (api && response.status >= 400 && parts.method !== 'HEAD') {
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/, `${where}: ${response.status} without problem+json`);
    }
    await response.arrayBuffer();
  }

  test('API: never a 500, errors as problem+json', async () => {
    const KEYS = ['ids', 'status', 'reason', 'message', 'notify', 'dryRun', 'note', 'inAccount', 'email', 'values', 'prefill', 'locale', 'confirmed', 'fields', ...POLLUTING_KEYS] as const;
    const member = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.array(fc.oneof(id(), nastyString(10)), { maxLength: 5 }) },
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
    // Each route with the methods it takes, most of the time; any method now and then.
    const route: fc.Arbitrary<[string, string]> = fc.oneof(
      fc.tuple(fc.constantFrom('POST'), fc.constantFrom(`${BASE}/decisions`, `${BASE}/invitations`, `${BASE}/activation-emails`)),
      fc.tuple(fc.constantFrom('GET', 'HEAD'), fc.constantFrom(`${BASE}/notifications`, `${BASE}/export.csv`, `${BASE}/invitations`, `${BASE}/lookup`, `${BASE}/challenge`)),
      fc.tuple(fc.constantFrom('GET', 'PATCH'), id().map((value) => `${BASE}/${value}`)),
      fc.tuple(fc.constantFrom('GET'), id().map((value) => `${BASE}/${value}/personal-data`)),
      fc.tuple(fc.constantFrom('DELETE'), erasable().map((value) => `${BASE}/${value}/personal-data`)),
      fc.tuple(fc.constantFrom('POST'), fc.tuple(id(), fc.constantFrom('activation-email', 'checks')).map(([value, sub]) => `${BASE}/${value}/${sub}`)),
      fc.tuple(fc.constantFrom('GET'), fc.tuple(id(), fc.constantFrom('abc', '__proto__', 'a'.repeat(64))).map(([value, file]) => `${BASE}/${value}/files/${file}`)),
      fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(id(), fc.constantFrom('', '/revoke', '/resend')).map(([value, action]) => `${BASE}/invitations/${value}${action}`)),
      fc.tuple(fc.constantFrom('GET', 'POST', 'POST', 'OPTIONS'), linkPath(BASE)),
      fc.tuple(fc.constantFrom('GET'), fc.tuple(linkPath(BASE), fc.constantFrom('/lookup', '/lookup/company?siret=73282932000074', '/lookup/address?q=1%20rue', '/challenge')).map(([link, rest]) => `${link}${rest}`)),
      fc.tuple(
        fc.constantFrom('GET'),
        fc
          .tuple(fc.constantFrom('', '/export.csv', '/notifications', '/invitations'), fc.constantFrom('status', 'sort', 'order', 'q', 'state', 'limit', 'offset', 'from', 'to', 'vatCheck', 'inAccount', 'requestId'), fc.oneof(fc.constantFrom(...WORDS), anyText))
          .map(([where, name, value]) => `${BASE}${where}?${name}=${encodeURIComponent(wellFormed(value))}`),
      ),
      fc.tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), fc.oneof(id().map((value) => `${BASE}/${value}`), fc.constant(`${BASE}/decisions`))),
    );
    const request = fc.record({
      route,
      body: json,
      admin: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      ifMatch,
      key: fc.constantFrom(undefined, 'fuzz-key-1', 'fuzz-key-2'),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const { route: [method, path], body, admin, ifMatch: match, key, contentType } of requests) {
          const headers: Record<string, string> = { 'Content-Type': contentType, ...(admin ? { Authorization: ADMIN } : {}), ...(key ? { 'Idempotency-Key': key } : {}) };
          await run({ method, path, body, headers, ifMatch: match }, true);
        }
      }),
      fuzzParameters(300),
    );
    const list = await world.app.fetch(new Request(`${ORIGIN}${BASE}?limit=200`, { headers: { Authorization: ADMIN } }));
    assert.equal(list.status, 200);
    assert.ok(((await list.json()) as unknown[]).length >= 4, 'the requests are still listed');
  });

  test('pages: never a 500, whatever the admin forms and the applicant links are sent', async () => {
    const FIELDS = ['status', 'version', 'message', 'reason', 'notify', 'lang', 'inAccount', 'ids', 'vatCheck', 'state', 'sort', 'q', 'order', 'note', 'locale', 'from', 'to', 'createdAfter', 'confirmation', 'confirm', 'email', 'password', 'url', ...POLLUTING_KEYS] as const;
    const URLS = ['https://203.0.113.5/hook', 'https://1.1.1.1/hook', 'http://127.0.0.1/hook', 'https://[::1]/x', 'https://user:pass@crm.example/x', 'javascript:alert(1)', 'https://crm.example:99999/x', `https://crm.example/${'a'.repeat(3000)}`];
    const form = fc
      .array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.constantFrom(...WORDS, ...URLS), id(), anyText)), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs.map(([name, value]) => [name, value])).toString());
    const page: fc.Arbitrary<[string, string]> = fc.oneof(
      fc.tuple(fc.constantFrom('POST'), fc.constantFrom('/admin/bulk-decisions', '/admin/requests/activation-emails', '/admin/invitations/', '/admin/webhooks/')),
      fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(id(), fc.constantFrom('', '/status', '/status/confirm', '/checks', '/activation-email', '/erasure', '/personal-data', '/files/abc')).map(([value, sub]) => `/admin/requests/${value}${sub}`)),
      fc.tuple(fc.constantFrom('POST'), erasable().map((value) => `/admin/requests/${value}/erasure/confirm`)),
      fc.tuple(fc.constantFrom('POST'), fc.tuple(id(), fc.constantFrom('revoke', 'resend')).map(([value, action]) => `/admin/invitations/${value}/${action}`)),
      fc.tuple(fc.constantFrom('GET', 'POST'), linkPath('')),
      // Webhook endpoints (the routes that deliver at once, test and resend, are left out: they would call the network).
      fc.tuple(fc.constantFrom('POST'), fc.constant('/admin/webhooks/')),
      fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(fc.oneof(id(), fc.constantFrom('1', '0', '-1')), fc.constantFrom('', '/disable', '/enable', '/rotate', '?offset=-1', '?offset=99999999999')).map(([value, rest]) => `/admin/webhooks/${value}${rest}`)),
      fc.tuple(
        fc.constantFrom('GET'),
        fc.tuple(fc.constantFrom('/admin/requests/', '/admin/outbox/', '/admin/invitations/', '/admin/webhooks/', '/'), fc.constantFrom('status', 'sort', 'q', 'state', 'lang', 'page', 'from', 'to', 'createdAfter'), anyText).map(([where, name, value]) => `${where}?${name}=${encodeURIComponent(wellFormed(value))}`),
      ),
    );
    const request = fc.record({
      route: page,
      body: form,
      admin: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      origin: fc.constantFrom(ORIGIN, ORIGIN, 'https://evil.test', undefined),
      contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json', 'text/plain'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const { route: [method, path], body, admin, origin, contentType } of requests) {
          const headers: Record<string, string> = { 'Content-Type': contentType, ...(admin ? { Authorization: ADMIN } : {}), ...(origin ? { Origin: origin } : {}) };
          await run({ method, path, body, headers, ifMatch: undefined }, false);
        }
      }),
      fuzzParameters(300),
    );
  });
});
