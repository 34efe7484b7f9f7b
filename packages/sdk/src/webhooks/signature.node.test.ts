import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createWebhookSecret, decodeWebhookSecret, isWebhookSecret, signWebhook, verifyWebhook, WebhookVerificationError } from './index.js';

const body = JSON.stringify({ type: 'webhook.ping', timestamp: '2026-03-02T09:00:00.000Z', data: { endpointId: 'ep' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('webhook signatures', () => {
  it('signs as the standardwebhooks library verifies, with one secret or two', async () => {
    const [oldSecret, newSecret] = [createWebhookSecret(), createWebhookSecret()];
    const timestamp = nowSeconds();
    const one = await signWebhook([newSecret], 'msg_1', timestamp, body);
    assert.match(one, /^v1,[A-Za-z0-9+/]{43}=$/);
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': one };
    assert.deepEqual(new Webhook(newSecret).verify(body, headers), JSON.parse(body));
    assert.throws(() => new Webhook(oldSecret).verify(body, headers));
    // During a rotation both secrets sign: a receiver holding either one accepts the message.
    const two = await signWebhook([newSecret, oldSecret], 'msg_1', timestamp, body);
    assert.equal(two.split(' ').length, 2);
    for (const secret of [oldSecret, newSecret]) new Webhook(secret).verify(body, { ...headers, 'webhook-signature': two });
    assert.equal(await signWebhook([newSecret], 'msg_1', timestamp, body), new Webhook(newSecret).sign('msg_1', new Date(timestamp * 1000), body));
  });

  it('verifies what the standardwebhooks library signs, from Headers or a record, text or bytes', async () => {
    const secret = createWebhookSecret();
    const timestamp = new Date(nowSeconds() * 1000);
    const signature = new Webhook(secret).sign('msg_2', timestamp, body);
    const record = { 'Webhook-Id': 'msg_2', 'Webhook-Timestamp': String(timestamp.getTime() / 1000), 'Webhook-Signature': `v2,ignored ${signature}` };
    assert.deepEqual(await verifyWebhook(secret, record, body), JSON.parse(body));
    assert.deepEqual(await verifyWebhook([createWebhookSecret(), secret], new Headers(record), new TextEncoder().encode(body)), JSON.parse(body));
  });

  it('checks the bytes as received, not their decoded text: a BOM or bytes that are not UTF-8', async () => {
    const secret = createWebhookSecret();
    const timestamp = nowSeconds();
    // HMAC-SHA256 of the bytes "id.timestamp." then the body's bytes, as the specification has it.
    const mac = (bytes: Uint8Array) => createHmac('sha256', decodeWebhookSecret(secret)).update(`msg_7.${timestamp}.`).update(bytes).digest('base64');
    const headersFor = (bytes: Uint8Array) => ({ 'webhook-id': 'msg_7', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac(bytes)}` });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    assert.deepEqual(await verifyWebhook(secret, headersFor(withBom), withBom), JSON.parse(body));
    const latin1 = new TextEncoder().encode('{"name":"Caf?"}');
    latin1[12] = 0xe9;
    assert.deepEqual(await verifyWebhook(secret, headersFor(latin1), latin1), { name: 'Caf\uFFFD' });
    // Other bytes that decode to the same text are not what was signed.
    const other = latin1.slice();
    other[12] = 0xff;
    await assert.rejects(verifyWebhook(secret, headersFor(latin1), other), { reason: 'no_matching_signature' });
  });

  it('refuses a changed body, another id, a wrong secret, missing headers and old or future timestamps', async () => {
    const secret = createWebhookSecret();
    const timestamp = nowSeconds();
    const headers = { 'webhook-id': 'msg_3', 'webhook-timestamp': String(timestamp), 'webhook-signature': await signWebhook([secret], 'msg_3', timestamp, body) };
    const reason = async (promise: Promise<unknown>): Promise<string> => {
      const error = await promise.then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof WebhookVerificationError, 'a WebhookVerificationError');
      assert.equal(error.name, 'WebhookVerificationError');
      return error.reason;
    };
    assert.equal(await reason(verifyWebhook(secret, headers, body.replace('ep', 'eq'))), 'no_matching_signature');
    assert.equal(await reason(verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_4' }, body)), 'no_matching_signature');
    assert.equal(await reason(verifyWebhook(createWebhookSecret(), headers, body)), 'no_matching_signature');
    assert.equal(await reason(verifyWebhook(secret, { 'webhook-id': 'msg_3', 'webhook-signature': headers['webhook-signature'] }, body)), 'missing_headers');
    assert.equal(await reason(verifyWebhook(secret, { ...headers, 'webhook-timestamp': '12.5' }, body)), 'invalid_timestamp');
    const later = () => (timestamp + 301) * 1000;
    assert.equal(await reason(verifyWebhook(secret, headers, body, { now: later })), 'too_old');
    assert.deepEqual(await verifyWebhook(secret, headers, body, { now: later, toleranceSeconds: 600 }), JSON.parse(body));
    assert.equal(await reason(verifyWebhook(secret, headers, body, { now: () => (timestamp - 301) * 1000 })), 'too_new');
    assert.equal(await reason(verifyWebhook('whsec_!!', headers, body)), 'invalid_secret');
  });

  it('refuses odd input from plain JavaScript with a WebhookVerificationError, never a raw TypeError or SyntaxError', async () => {
    const secret = createWebhookSecret();
    const timestamp = nowSeconds();
    const signed = async (text: string) => ({ 'webhook-id': 'msg_5', 'webhook-timestamp': String(timestamp), 'webhook-signature': await signWebhook([secret], 'msg_5', timestamp, text) });
    const headers = await signed(body);
    const reason = async (promise: Promise<unknown>): Promise<string> => {
      const error = await promise.then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof WebhookVerificationError, `a WebhookVerificationError, got ${String(error)}`);
      return error.reason;
    };
    const untyped = verifyWebhook as (...args: unknown[]) => Promise<unknown>;
    // Genuine, but not one of our events: not JSON.
    assert.equal(await reason(verifyWebhook(secret, await signed('not json'), 'not json')), 'invalid_body');
    for (const odd of [null, undefined, 'headers']) assert.equal(await reason(untyped(secret, odd, body)), 'missing_headers', String(odd));
    for (const odd of [null, undefined, 42]) assert.equal(await reason(untyped(secret, headers, odd)), 'invalid_body', String(odd));
    for (const odd of [undefined, null, 5, [], [5]]) assert.equal(await reason(untyped(odd, headers, body)), 'invalid_secret', JSON.stringify(odd));
    // The clock as a number (milliseconds) is read as such; one that is not a number fails the check.
    assert.deepEqual(await untyped(secret, headers, body, { now: Date.now() }), JSON.parse(body));
    assert.equal(await reason(untyped(secret, headers, body, { now: (timestamp + 301) * 1000 })), 'too_old');
    assert.equal(await reason(untyped(secret, headers, body, { now: () => undefined })), 'invalid_timestamp');
  });

  it('a tolerance that is not a number refuses the message instead of turning the age check off', async () => {
    const secret = createWebhookSecret();
    const old = nowSeconds() - 10_000;
    const headers = { 'webhook-id': 'msg_6', 'webhook-timestamp': String(old), 'webhook-signature': await signWebhook([secret], 'msg_6', old, body) };
    for (const toleranceSeconds of [Number.NaN, '600' as unknown as number]) {
      await assert.rejects(verifyWebhook(secret, headers, body, { toleranceSeconds }), { name: 'WebhookVerificationError', reason: 'invalid_timestamp' }, String(toleranceSeconds));
    }
    await assert.rejects(verifyWebhook(secret, headers, body), { reason: 'too_old' });
    assert.deepEqual(await verifyWebhook(secret, headers, body, { toleranceSeconds: 20_000 }), JSON.parse(body));
  });

  it('decodeWebhookSecret throws invalid_secret for a secret that is not text', () => {
    for (const odd of [undefined, null, 5, {}]) {
      assert.throws(() => (decodeWebhookSecret as (secret: unknown) => Uint8Array)(odd), { name: 'WebhookVerificationError', reason: 'invalid_secret' }, String(odd));
    }
  });

  it('makes 32-byte whsec_ secrets and tells them from others', () => {
    const secret = createWebhookSecret();
    assert.equal(decodeWebhookSecret(secret).length, 32);
    assert.notEqual(createWebhookSecret(), secret);
    assert.ok(isWebhookSecret(secret));
    for (const bad of ['', 'whsec_', 'whsec_c2hvcnQ=', secret.slice('whsec_'.length), 'whsec_***', 42]) assert.equal(isWebhookSecret(bad), false, String(bad));
  });

  it('takes as a sending secret only padded base64, which every receiver library decodes', () => {
    const secret = createWebhookSecret();
    const key = secret.slice('whsec_'.length);
    // What atob forgives, receivers do not: the standardwebhooks library throws on these.
    for (const bad of [`whsec_${key.slice(0, 20)} ${key.slice(20)}`, `whsec_${key.slice(0, 20)}\n${key.slice(20)}`, `${secret}\t`, secret.replace(/=+$/, '')]) {
      assert.equal(isWebhookSecret(bad), false, JSON.stringify(bad));
    }
    assert.throws(() => new Webhook(`whsec_${key.slice(0, 20)} ${key.slice(20)}`));
    assert.ok(isWebhookSecret(`whsec_${btoa('x'.repeat(24))}`) && isWebhookSecret(`whsec_${btoa('x'.repeat(64))}`) && isWebhookSecret(`whsec_${btoa('x'.repeat(25))}`));
  });
});
