import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processingSetup } from '../test-helpers/processing.js';
import { post, validBody } from '../test-helpers/setup.js';

// A module worker's runtime calls `fetch(request, env, ctx)`: without the handler's waitUntil
// option, the e-mails a submission leaves running must be handed to that request's ctx, or the
// isolate may stop before they are sent (no retry timer runs on a worker).
test('a worker\'s ctx.waitUntil gets the work a request leaves running when the handler has no waitUntil option', async () => {
  const { handler, mail } = processingSetup();
  const kept: Promise<unknown>[] = [];
  const response = await handler(post(validBody()), {}, { waitUntil: (promise) => void kept.push(promise) });
  assert.equal(response.status, 201);
  assert.ok(kept.length > 0, 'the e-mails of the submission were handed to ctx.waitUntil');
  await Promise.all(kept);
  assert.deepEqual(mail.sent.map((message) => message.kind).sort(), ['confirmation']);
});

test('the handler\'s own waitUntil option, when given, is the one used', async () => {
  const own: Promise<unknown>[] = [];
  const runtime: Promise<unknown>[] = [];
  const { handler } = processingSetup({ waitUntil: (promise) => void own.push(promise) });
  assert.equal((await handler(post(validBody()), {}, { waitUntil: (promise) => void runtime.push(promise) })).status, 201);
  assert.ok(own.length > 0);
  assert.equal(runtime.length, 0);
});
