import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryStore } from '../stores/store.js';
import { post, setup, validBody } from '../test-helpers/setup.js';

test('delivery.lockMs: the handler holds the e-mails it is sending that long, after which another worker may take them', async () => {
  const now = Date.parse('2026-03-02T09:00:00.000Z');
  const store = createMemoryStore();
  // A mail server that never answers: the process would die holding the rows.
  const { handler } = setup({ store, now: () => new Date(now), notifier: { notify: () => new Promise<void>(() => undefined) }, delivery: { lockMs: 3_000 } });
  assert.equal((await handler(post(validBody()))).status, 201);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const { items } = await store.listNotifications({ limit: 10, offset: 0 });
  assert.ok(items.length > 0);
  for (const item of items) assert.equal(item.lockedUntil, new Date(now + 3_000).toISOString());
  const later = (ms: number) => ({ now: new Date(now + ms).toISOString(), lockedUntil: new Date(now + ms + 3_000).toISOString(), limit: 10 });
  assert.equal((await store.claimNotifications(later(2_999))).length, 0);
  assert.equal((await store.claimNotifications(later(3_000))).length, items.length);
});
