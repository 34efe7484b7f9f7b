import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, updateSettings } from '../../config/index.js';
import { createMemoryStore } from '../stores/store.js';
import type { DecisionStore } from '../stores/decision-store.js';
import { processingSetup, read, submit } from '../test-helpers/processing.js';
import { post, validBody } from '../test-helpers/setup.js';

const autoConfig = updateSettings(defaultConfig(), { autoAccept: true, alertEmail: 'ventes@shop.test' });

describe('auto-accept', () => {
  test('off by default: a new request stays new', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    assert.equal((await read(handler, id)).record['status'], 'new');
    assert.equal(Object.hasOwn(defaultConfig().settings, 'autoAccept'), false);
  });

  test('on: accepted on arrival with the history and e-mails of an acceptance, actor auto; the answer is still pending', async () => {
    const { handler, mail } = processingSetup({ config: autoConfig });
    const response = await handler(post(validBody({ email: 'auto@example.com' })));
    assert.equal(response.status, 201);
    const { id, status } = (await response.json()) as { id: string; status: string };
    assert.equal(status, 'pending');
    const { record } = await read(handler, id);
    assert.equal(record['status'], 'accepted');
    const history = record['history'] as { actor: string; changes: { field: string; from: string; to: string }[] }[];
    assert.deepEqual(history.map((h) => [h.actor, h.changes]), [
      ['auto', [{ field: 'status', from: 'new', to: 'in-progress' }]],
      ['auto', [{ field: 'status', from: 'in-progress', to: 'accepted' }]],
    ]);
    assert.deepEqual(mail.sent.filter((m) => m.requestId === id).map((m) => m.kind).sort(), ['activation', 'alert', 'confirmation']);
  });

  test('the submission\'s answer does not wait for the activation e-mail (a slow mail server)', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const notifier = { notify: async (message: { kind: string }) => void (message.kind === 'activation' ? await slow : undefined, sent.push(message.kind)) };
    const { handler } = processingSetup({ config: autoConfig, notifier });
    try {
      const answer = await Promise.race([handler(post(validBody({ email: 'auto@example.com' }))), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2_000))]);
      assert.notEqual(answer, 'waited', 'the 201 came while the mail server held the activation e-mail');
      assert.equal((answer as Response).status, 201);
      assert.equal(sent.includes('activation'), false);
    } finally {
      release();
    }
  });

  test('a failing acceptance never fails the submission: the request waits for the team', async () => {
    const memory = createMemoryStore();
    const store: DecisionStore = { ...memory, decide: () => Promise.reject(new Error('database busy')) };
    const { handler } = processingSetup({ config: autoConfig, store });
    const id = await submit(handler);
    assert.equal((await read(handler, id)).record['status'], 'new');
  });
});
