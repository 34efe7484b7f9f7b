import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { MailMessage } from '@account-request/sdk/server';
import { API_BASE, createDemoApp, seedConfig, type DemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

// Links in e-mails must never follow a Host header someone sent: the alert would lead the admin,
// and the activation e-mail the applicant (with their token), to that host.
const root = mkdtempSync(join(tmpdir(), 'demo-links-'));
const assets = stubAssetPaths(root);
after(() => rmSync(root, { recursive: true, force: true }));

const VALUES = { companyName: 'Dupont SARL', lastName: 'Dupont', email: 'marie@dupont.example', phone: '01 23 45 67 89', street: '3 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };
let counter = 0;

async function mailsOf(origin: string, publicUrl?: string): Promise<{ id: string; mails: MailMessage[] }> {
  const mails: MailMessage[] = [];
  const seed = seedConfig();
  const app: DemoApp = await createDemoApp({
    dataDir: join(root, `data-${(counter += 1)}`), adminPassword: 'test-password-1234', rateLimit: false, assets, retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000,
    seed: { ...seed, settings: { ...seed.settings, autoAccept: true } },
    notifier: { notify: (message) => void mails.push(message) },
    ...(publicUrl ? { publicUrl } : {}),
  });
  try {
    const response = await app.fetch(new Request(`${origin}${API_BASE}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: origin }, body: JSON.stringify({ values: VALUES, confirmed: true, locale: 'fr' }),
    }));
    assert.equal(response.status, 201, await response.clone().text());
    await app.settled();
    return { id: ((await response.json()) as { id: string }).id, mails };
  } finally {
    await app.close();
  }
}

const links = (mails: MailMessage[]): string[] => mails.flatMap((mail) => [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"<>]+/g)].map((match) => match[0]));

test('with PUBLIC_URL, the alert and the activation e-mail link to it whatever Host the request named', async () => {
  const { id, mails } = await mailsOf('http://evil.example', 'https://shop.example');
  const kinds = mails.map((mail) => mail.kind).sort();
  assert.ok(kinds.includes('activation') && kinds.includes('alert'), kinds.join());
  const found = links(mails);
  assert.ok(found.includes(`https://shop.example/admin/requests/${id}`), found.join('\n'));
  assert.ok(found.some((link) => /^https:\/\/shop\.example\/activation\/[\w-]{20,}$/.test(link)), found.join('\n'));
  assert.deepEqual(found.filter((link) => link.includes('evil.example')), []);
});

test('without PUBLIC_URL, links go to a loopback origin the request came to, and to http://localhost for any other Host', async () => {
  const local = await mailsOf('http://127.0.0.1:5173');
  assert.ok(links(local.mails).includes(`http://127.0.0.1:5173/admin/requests/${local.id}`));
  const forged = await mailsOf('http://evil.example');
  const found = links(forged.mails);
  assert.ok(found.includes(`http://localhost/admin/requests/${forged.id}`), found.join('\n'));
  assert.deepEqual(found.filter((link) => link.includes('evil.example')), []);
});
