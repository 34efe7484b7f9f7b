// End-to-end test of issue 16: the demo server in its own process, WEBHOOK_URL pointing at a
// receiver on loopback. A submission and its acceptance reach the receiver as signed events,
// in order, each verified with the standardwebhooks package as a receiver would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '@account-request/sdk/webhooks';
import { inVersionOrder, startWebhookReceiver } from '../../sdk/src/server/test-helpers/webhook-receiver.js';
import { basicAuth, ensureBuilt, startServer } from './test-helpers/server.js';

const PASSWORD = 'webhook-e2e-password';
const SECRET = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64')}`;
const root = mkdtempSync(join(tmpdir(), 'demo-webhooks-e2e-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a submission and its acceptance reach the receiver as signed events, in order', { timeout: 180_000 }, async () => {
  ensureBuilt();
  const receiver = await startWebhookReceiver();
  after(() => receiver.close());
  const server = await startServer({
    dataDir: join(root, 'data'), adminPassword: PASSWORD,
    env: { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET, WEBHOOK_ALLOW_PRIVATE: '1', RATE_LIMIT_MAX: '0' },
  });
  try {
    const api = `${server.url}/api/account-requests`;
    const created = await fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: server.url },
      body: JSON.stringify({ values: { companyName: 'Quincaillerie Morel', lastName: 'Morel', email: 'achats@morel.example', phone: '04 78 00 12 34', street: '2 rue Mercière', postalCode: '69002', city: 'Lyon', country: 'FR' }, confirmed: true, locale: 'fr' }),
    });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    await receiver.waitFor(1);

    // The admin takes it in charge, then accepts it (the lifecycle asks for both steps).
    for (const status of ['in-progress', 'accepted']) {
      const current = await fetch(`${api}/${id}`, { headers: { Authorization: basicAuth(PASSWORD) } });
      const changed = await fetch(`${api}/${id}`, {
        method: 'PATCH',
        headers: { Authorization: basicAuth(PASSWORD), 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' },
        body: JSON.stringify({ status }),
      });
      assert.equal(changed.status, 200, await changed.text());
    }
    await receiver.waitFor(3);

    // Changes close together are sent side by side and may arrive in either order: a receiver
    // orders them by the request's version (docs/webhooks.md), and so does this test.
    const events = inVersionOrder(receiver.received.map((message) => {
      const verified = new Webhook(SECRET).verify(message.body, { 'webhook-id': message.id, 'webhook-timestamp': message.timestamp, 'webhook-signature': message.signature });
      return verified as WebhookEvent;
    }));
    assert.deepEqual(events.map((event) => event.type), ['account-request.created', 'account-request.updated', 'account-request.updated']);
    const [first, , accepted] = events;
    assert.ok(first?.type === 'account-request.created' && first.data.request.id === id);
    assert.equal(first.data.request.values['companyName'], 'Quincaillerie Morel');
    assert.ok(accepted?.type === 'account-request.updated');
    assert.deepEqual(accepted.data.changes, [{ field: 'status', from: 'in-progress', to: 'accepted' }]);
    assert.equal(accepted.data.request.status, 'accepted');
    assert.ok(first.timestamp < accepted.timestamp, 'the events are dated in order');
    assert.equal(new Set(receiver.received.map((message) => message.id)).size, 3, 'one webhook-id per message');
    assert.doesNotMatch(receiver.received.map((message) => message.body).join('\n'), /passwordHash|token/i);
  } finally {
    assert.equal(await server.stop(), 0, server.output());
  }
});
