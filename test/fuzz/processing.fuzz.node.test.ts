// The processing routes of the demo site (decisions, information and invitation links,
// invitations, personal data, files, checks, activation, the outbox, the export) and its admin
// and applicant pages, on arbitrary requests against real stored requests and real links:
// hostile bodies, ids, tokens and conditions never answer a 500, every API error is a
// problem+json, and the site still lists its requests after. postgres.fuzz.node.test.ts aims
// the same API requests at the handler on the PostgreSQL stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import { createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { apiRequests, assertStillListed, fuzzRequests, pageRequests, seedWorld, type World } from './processing-requests.js';

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
    await fuzzRequests(world, apiRequests(world), { problems: true, storeMayFail: true }, 300);
    await assertStillListed(world);
  });

  test('pages: never a 500, whatever the admin forms and the applicant links are sent', async () => {
    await fuzzRequests(world, pageRequests(world), { problems: false, storeMayFail: true }, 300);
  });
});
