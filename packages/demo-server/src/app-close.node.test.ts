// DemoApp.close(), the last step of a graceful shutdown: the e-mails still being delivered
// finish before the database closes, so none is left claimed by a process about to exit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MailMessage } from '@account-request/sdk/server';
import { API_BASE, createDemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const root = mkdtempSync(join(tmpdir(), 'demo-app-close-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('close() waits for the e-mails in flight, then closes the database', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const sent: MailMessage[] = [];
  const app = await createDemoApp({
    dataDir: join(root, 'data'),
    adminPassword: 'close-admin-pw',
    assets: stubAssetPaths(root),
    rateLimit: false,
    notifier: {
      async notify(message) {
        await gate;
        sent.push(message);
      },
    },
  });
  const created = await app.fetch(new Request(`http://127.0.0.1${API_BASE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'close-1' },
    body: JSON.stringify({
      values: { companyName: 'Fermeture SA', lastName: 'Ferme', email: 'ferme@fermeture.example', phone: '01 23 45 67 89', street: '2 rue Close', postalCode: '75004', city: 'Paris', country: 'FR' },
      confirmed: true,
      locale: 'fr',
    }),
  }));
  assert.equal(created.status, 201);

  let closed = false;
  const closing = app.close().then(() => (closed = true));
  await sleep(150);
  assert.equal(closed, false, 'close waits while an e-mail is being sent');
  assert.equal((await app.fetch(new Request('http://127.0.0.1/readyz'))).status, 200, 'the database is still open');
  release();
  await closing;
  assert.deepEqual(sent.map((message) => message.kind).sort(), ['alert', 'confirmation'], 'the e-mails in flight were sent, once each');
  assert.equal((await app.fetch(new Request('http://127.0.0.1/readyz'))).status, 503, 'then the database is closed');
});

test('close() does not wait for a backlog of queued e-mails: the batch being sent finishes, the rest stays pending for the next start', async () => {
  const dataDir = join(root, 'backlog');
  const sent: string[] = [];
  const options = { dataDir, adminPassword: 'close-admin-pw', assets: stubAssetPaths(root), rateLimit: false as const };
  const app = await createDemoApp({
    ...options,
    notifier: {
      async notify(message) {
        await sleep(20);
        sent.push(message.id);
      },
    },
  });
  const submit = (n: number) =>
    app.fetch(
      new Request(`http://127.0.0.1${API_BASE}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `backlog-${n}` },
        body: JSON.stringify({
          values: { companyName: `Arriéré ${n} SA`, lastName: 'Ferme', email: `arriere${n}@fermeture.example`, phone: '01 23 45 67 89', street: '2 rue Close', postalCode: '75004', city: 'Paris', country: 'FR' },
          confirmed: true,
          locale: 'fr',
        }),
      }),
    );
  const answers = await Promise.all(Array.from({ length: 60 }, (_, n) => submit(n)));
  assert.ok(answers.every((answer) => answer.status === 201));
  await app.close();
  const sentAtClose = sent.length;
  assert.ok(sentAtClose < 120, `close() waited for the whole backlog (${sentAtClose} of 120 sent)`);
  assert.equal(new Set(sent).size, sent.length, 'none sent twice');

  // The next start sends what was left, each once.
  const again = await createDemoApp({ ...options, notifier: { notify: async (message) => void sent.push(message.id) } });
  try {
    await again.retryMail();
    await again.retryMail();
    await again.retryMail();
    const { items } = await again.store.listNotifications({ limit: 500, offset: 0 });
    assert.equal(items.length, 120);
    assert.deepEqual(items.filter((item) => item.state !== 'sent'), [], 'every e-mail sent after the restart');
    assert.equal(sent.length, 120);
    assert.equal(new Set(sent).size, 120, 'each e-mail once');
  } finally {
    await again.close();
  }
});
