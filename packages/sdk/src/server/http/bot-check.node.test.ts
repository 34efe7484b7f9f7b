import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { createClient } from '../../client/client.js';
import { isSubmissionError } from '../../client/errors.js';
import { defaultConfig } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { manualClock } from '../test-helpers/processing.js';
import { assertProblem, get, post, setup, URL_BASE, validBody, validValues } from '../test-helpers/setup.js';
import { createMemoryRateLimitStore } from './rate-limit-store.js';

const KEY = 'a-test-hmac-key-of-at-least-32-characters!';
const withBotCheck = (on = true): FormConfig => ({ ...defaultConfig(), settings: { ...defaultConfig().settings, botCheck: on } });

// Cheap challenges: 10 PBKDF2 iterations per attempt.
function botSetup(options: { on?: boolean; store?: ReturnType<typeof createMemoryRateLimitStore>; now?: () => Date } = {}) {
  return setup({ config: withBotCheck(options.on ?? true), botCheck: { hmacKey: KEY, cost: 10, ...(options.store ? { store: options.store } : {}) }, ...(options.now ? { now: options.now } : {}) });
}

/** Fetches a challenge and solves it as the widget would; resolves the `Altcha-Payload` value. */
async function solve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const response = await handler(get('/challenge'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('Cache-Control'), 'no-store');
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution);
  return btoa(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }));
}

const send = (handler: (request: Request) => Promise<Response>, payload: string | undefined, key: string = crypto.randomUUID()) =>
  handler(post(validBody(), { key, headers: payload === undefined ? {} : { 'Altcha-Payload': payload } }));

describe('bot check', () => {
  it('offers signed challenges that expire, and accepts a submission with a solution', async () => {
    const { handler, store } = botSetup();
    const response = await handler(get('/challenge'));
    const challenge = (await response.json()) as Challenge;
    assert.equal(challenge.parameters.algorithm, 'PBKDF2/SHA-256');
    assert.equal(challenge.parameters.cost, 10);
    assert.match(challenge.signature ?? '', /^[0-9a-f]{64}$/);
    const lifetime = (challenge.parameters.expiresAt ?? 0) - Date.now() / 1000;
    assert.ok(lifetime > 590 && lifetime <= 600, `expires in ${lifetime} s`);
    const created = await send(handler, await solve(handler));
    assert.equal(created.status, 201);
    assert.equal((await store.list()).length, 1);
  });

  it('refuses, with problem+json and before storing anything, a submission without a solution, with a reused one, an expired one or a forged one', async () => {
    const clock = manualClock(new Date().toISOString());
    const { handler, store } = botSetup({ now: clock.now });
    const missing = await assertProblem(await send(handler, undefined), 403);
    assert.equal(missing['type'], 'urn:account-request:problem:bot-check-missing');

    const payload = await solve(handler);
    assert.equal((await send(handler, payload)).status, 201);
    const reused = await assertProblem(await send(handler, payload), 403);
    assert.equal(reused['type'], 'urn:account-request:problem:bot-check-reused');

    const late = await solve(handler);
    clock.advance(601_000);
    const expired = await assertProblem(await send(handler, late), 403);
    assert.equal(expired['type'], 'urn:account-request:problem:bot-check-expired');

    const forged = JSON.parse(atob(await solve(handler))) as { solution: { counter: number } };
    forged.solution.counter += 1;
    const invalid = await assertProblem(await send(handler, btoa(JSON.stringify(forged))), 403);
    assert.equal(invalid['type'], 'urn:account-request:problem:bot-check-invalid');
    assert.equal((await assertProblem(await send(handler, 'not base64 json'), 403))['type'], 'urn:account-request:problem:bot-check-invalid');
    // Signed with another key: not ours.
    const other = botSetup();
    const foreign = await solve(setup({ config: withBotCheck(), botCheck: { hmacKey: `${KEY}-another`, cost: 10 } }).handler);
    assert.equal((await assertProblem(await send(other.handler, foreign), 403))['type'], 'urn:account-request:problem:bot-check-invalid');
    assert.equal((await store.list()).length, 1, 'only the accepted submission is stored');
  });

  it('lets the retry of the same submission (same Idempotency-Key) reuse its solution and replays the answer', async () => {
    const { handler, store } = botSetup();
    const payload = await solve(handler);
    const key = crypto.randomUUID();
    const first = await send(handler, payload, key);
    const retry = await send(handler, payload, key);
    assert.equal(first.status, 201);
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), await first.json());
    assert.equal((await store.list()).length, 1);
  });

  it('refuses a used solution under another key however often that key tries, and still lets the first key retry', async () => {
    const { handler, store } = botSetup();
    const payload = await solve(handler);
    const key = crypto.randomUUID();
    assert.equal((await send(handler, payload, key)).status, 201);
    for (const other of [crypto.randomUUID(), crypto.randomUUID()]) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        assert.equal((await assertProblem(await send(handler, payload, other), 403))['type'], 'urn:account-request:problem:bot-check-reused', `attempt ${attempt + 1}`);
      }
    }
    assert.equal((await send(handler, payload, key)).status, 201, 'the retry of the first submission replays its answer');
    assert.equal((await store.list()).length, 1);
  });

  it('two copies of one submission at once, one slowed down in the store: neither is refused as a reuse, and the retry gets its answer', async () => {
    // The third hit the store gets waits 30 ms: with two copies, whatever a verification writes
    // after its first hit lands after the other copy's writes.
    const memory = createMemoryRateLimitStore();
    let hits = 0;
    const uneven = { hit: async (...args: Parameters<typeof memory.hit>) => (await new Promise((resolve) => setTimeout(resolve, ++hits === 3 ? 30 : 0)), memory.hit(...args)) };
    const { handler, store } = botSetup({ store: uneven });
    const payload = await solve(handler);
    const key = crypto.randomUUID();
    const copies = await Promise.all(Array.from({ length: 2 }, () => send(handler, payload, key)));
    for (const copy of copies) assert.notEqual(copy.status, 403, 'no copy of the first submission is refused as a reuse');
    assert.equal((await send(handler, payload, key)).status, 201);
    assert.equal((await assertProblem(await send(handler, payload), 403))['type'], 'urn:account-request:problem:bot-check-reused');
    assert.equal((await store.list()).length, 1);
  });

  it('remembers used solutions across instances sharing a store', async () => {
    const shared = createMemoryRateLimitStore();
    const one = botSetup({ store: shared });
    const two = botSetup({ store: shared });
    const payload = await solve(one.handler);
    const results = await Promise.all([send(one.handler, payload), send(two.handler, payload)]);
    assert.deepEqual(results.map((response) => response.status).sort(), [201, 403]);
  });

  it('asks nothing when the setting is off; answers 404 for challenges and 503 for submissions when the server has no key', async () => {
    assert.equal((await send(botSetup({ on: false }).handler, undefined)).status, 201);
    const keyless = setup({ config: withBotCheck() });
    await assertProblem(await keyless.handler(get('/challenge')), 404);
    const unavailable = await assertProblem(await send(keyless.handler, undefined), 503);
    assert.equal(unavailable['type'], 'urn:account-request:problem:bot-check-unavailable');
    assert.throws(() => setup({ botCheck: { hmacKey: 'short' } }), /at least 32 characters/);
  });

  it('through the SDK client: the solution goes in botCheck, a refusal is a retryable SubmissionError with reason bot-check', async () => {
    const { handler } = botSetup();
    const client = createClient({ base: URL_BASE, retry: 0, fetch: (input, init) => handler(new Request(input, init)) });
    const refused = await client.submit(validValues(), { idempotencyKey: crypto.randomUUID(), locale: 'fr' }).then(() => undefined, (error: unknown) => error);
    assert.ok(isSubmissionError(refused));
    assert.equal(refused.reason, 'bot-check');
    assert.equal(refused.status, 403);
    assert.equal(refused.retryable, true);
    assert.equal(refused.transient, false);
    const result = await client.submit(validValues(), { idempotencyKey: crypto.randomUUID(), locale: 'fr', botCheck: await solve(handler) });
    assert.equal(result.status, 'pending');
  });

  it('lets an allowed site send the Altcha-Payload header', async () => {
    const { handler } = setup({ allowedOrigins: ['https://cms.example'], config: withBotCheck(), botCheck: { hmacKey: KEY, cost: 10 } });
    const response = await handler(new Request('https://shop.test/api/account-requests', { method: 'OPTIONS', headers: { Origin: 'https://cms.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'altcha-payload' } }));
    assert.equal(response.status, 204);
    assert.match(response.headers.get('Access-Control-Allow-Headers') ?? '', /Altcha-Payload/);
    const challenge = await handler(new Request('https://shop.test/api/account-requests/challenge', { headers: { Origin: 'https://cms.example' } }));
    assert.equal(challenge.headers.get('Access-Control-Allow-Origin'), 'https://cms.example');
  });
});
