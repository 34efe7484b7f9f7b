// The processing routes of the demo site (decisions, information and invitation links,
// invitations, personal data, files, checks, activation, the outbox, the export) and its admin
// and applicant pages, on arbitrary requests against real stored requests and real links:
// hostile bodies, ids, tokens and conditions never answer a 500, every API error is a
// problem+json, and the site still lists its requests after. postgres.fuzz.node.test.ts aims
// the same API requests at the handler on the PostgreSQL stores.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import { createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { POLLUTING_KEYS } from './arbitraries.js';
import { anyText, apiRequests, BASE, erasableOf, idOf, linkPathOf, ORIGIN, seedWorld, sendChecked, wellFormed, WORDS, type World } from './processing-requests.js';
import { fuzzParameters } from './settings.js';

const PASSWORD = 'fuzz-processing-password';
const ADMIN = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

describe('fuzz: the demo site\'s processing routes and pages on arbitrary requests', () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-processing-'));
  let app: DemoApp | undefined;
  let world: World;
  before(async () => {
    const sent: MailMessage[] = [];
    const notifier: Notifier = { notify: (message) => void sent.push(message) };
    app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000, notifier, assets: stubAssetPaths(root) });
    world = await seedWorld(app.fetch, ADMIN, sent);
  });
  after(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('API: never a 500, errors as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(apiRequests(world), { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const parts of requests) await sendChecked(world, parts, { problems: true, storeMayFail: true });
      }),
      fuzzParameters(300),
    );
    const list = await world.fetch(new Request(`${ORIGIN}${BASE}?limit=200`, { headers: { Authorization: ADMIN } }));
    assert.equal(list.status, 200);
    assert.ok(((await list.json()) as unknown[]).length >= 4, 'the requests are still listed');
  });

  test('pages: never a 500, whatever the admin forms and the applicant links are sent', async () => {
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
      fc.tuple(fc.constantFrom('GET', 'POST'), fc.tuple(fc.oneof(id, fc.constantFrom('1', '0', '-1')), fc.constantFrom('', '/disable', '/enable', '/rotate', '?offset=-1', '?offset=99999999999')).map(([value, rest]) => `/admin/webhooks/${value}${rest}`)),
      fc.tuple(
        fc.constantFrom('GET'),
        fc.tuple(fc.constantFrom('/admin/requests/', '/admin/outbox/', '/admin/invitations/', '/admin/webhooks/', '/'), fc.constantFrom('status', 'sort', 'q', 'state', 'lang', 'page', 'from', 'to', 'createdAfter'), anyText).map(([where, name, value]) => `${where}?${name}=${encodeURIComponent(wellFormed(value))}`),
      ),
    );
    const request = fc
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
        headers: { 'Content-Type': contentType, ...(admin ? { Authorization: ADMIN } : {}), ...(origin ? { Origin: origin } : {}) },
      }));
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const parts of requests) await sendChecked(world, parts, { problems: false, storeMayFail: true });
      }),
      fuzzParameters(300),
    );
  });
});
