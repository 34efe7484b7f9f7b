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
import { apiRequests, BASE, ORIGIN, pageRequests, seedWorld, sendChecked, type World } from './processing-requests.js';
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
    await fc.assert(
      fc.asyncProperty(fc.array(pageRequests(world), { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const parts of requests) await sendChecked(world, parts, { problems: false, storeMayFail: true });
      }),
      fuzzParameters(300),
    );
  });
});
