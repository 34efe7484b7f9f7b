// The demo's webhook client: its connections reach public addresses only, whatever the name
// resolved to when the address was checked (DNS rebinding).
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createMemoryStore, type ProcessingStore } from '@account-request/sdk/server';
import { startWebhookReceiver } from '../../sdk/src/server/test-helpers/webhook-receiver.js';
import { publicOnlyFetch, publicOnlyLookup } from './webhook-transport.js';
import { setupDemoWebhooks } from './webhooks.js';
import { silentLogger } from './logger.js';

const receiver = await startWebhookReceiver();
after(() => receiver.close());
const port = new URL(receiver.url).port;
const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', redirect: 'manual' } as const;

describe('demo webhook transport', () => {
  test('without WEBHOOK_ALLOW_PRIVATE, the client the dispatcher uses does not connect to a name that resolves to loopback', async () => {
    const webhooks = await setupDemoWebhooks(createMemoryStore() as ProcessingStore, {}, silentLogger());
    assert.ok(webhooks);
    const send = webhooks.handlerOptions.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
    // A name, so it is resolved when connecting, as a rebinding DNS answer would be.
    await assert.rejects(send(`http://localhost:${port}/hook`, post));
    assert.equal(receiver.received.length, 0, 'nothing reached the loopback receiver');
  });

  test('a lookup that answers a public address to the check and loopback to the connection is refused', async () => {
    let answers = 0;
    // The first answer (what the check saw) public, the next ones loopback.
    const rebinding = publicOnlyLookup((_name, _options, callback) => callback(null, [{ address: (answers += 1) === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }]));
    rebinding('erp.example', { all: true }, () => undefined);
    await assert.rejects(publicOnlyFetch(rebinding)(`http://erp.example:${port}/hook`, post), /private address/);
    assert.equal(receiver.received.length, 0);
  });

  test('answers as fetch does: status, headers and body; a timeout aborts', async () => {
    // A lookup that lets loopback through, to reach the test receiver.
    const send = publicOnlyFetch((_name, options, callback) => (options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }] as never, 4) : callback(null, '127.0.0.1', 4)));
    receiver.answerNext(503);
    const refused = await send(`http://receiver.test:${port}/hook`, post);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('content-type'), 'text/plain');
    assert.equal(await refused.text(), 'refused with 503\nretry later');
    assert.equal(receiver.received.at(-1)?.body, '{}');
    receiver.answerNext('hang');
    await assert.rejects(send(`http://receiver.test:${port}/hook`, { ...post, signal: AbortSignal.timeout(200) }));
  });
});
