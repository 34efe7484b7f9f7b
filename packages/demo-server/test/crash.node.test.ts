// Durability of issue 5: the server is killed with SIGKILL in the middle of a burst of 200
// submissions; after a restart on the same DATA_DIR every submission answered 201 is there.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { basicAuth, ensureBuilt, startServer, type RunningServer } from './support/server.js';

const PASSWORD = 'crash-admin-password';
const AUTH = { Authorization: basicAuth(PASSWORD) };
const TOTAL = 200;
const CONCURRENCY = 16;
// Killed once this many were acknowledged: the rest of the burst is still in flight or unsent.
const KILL_AFTER = 60;

const dataDir = mkdtempSync(join(tmpdir(), 'demo-crash-'));
let server: RunningServer | undefined;

after(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

function submit(url: string, index: number): Promise<Response> {
  return fetch(`${url}/api/account-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `crash-${index}`, Origin: url },
    body: JSON.stringify({
      values: {
        companyName: `Entreprise ${index}`,
        lastName: 'Martin',
        email: `contact${index}@entreprise.example`,
        phone: '01 23 45 67 89',
        street: `${index} avenue de la République`,
        postalCode: '75011',
        city: 'Paris',
        country: 'FR',
      },
      confirmed: true,
      locale: 'fr',
    }),
  });
}

async function listAll(url: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const response = await fetch(`${url}/api/account-requests?limit=200&offset=${offset}`, { headers: AUTH });
    assert.equal(response.status, 200);
    const page = (await response.json()) as { id: string }[];
    ids.push(...page.map((record) => record.id));
    if (page.length < 200) return ids;
  }
}

test('SIGKILL during a burst of 200 submissions loses none answered 201', { timeout: 120_000 }, async (t) => {
  ensureBuilt();
  const running = await startServer({ dataDir, adminPassword: PASSWORD, env: { RATE_LIMIT_MAX: '0' } });
  server = running;
  const acknowledged: string[] = [];
  let next = 0;
  let killed: Promise<void> | undefined;

  const worker = async (): Promise<void> => {
    while (next < TOTAL) {
      const index = next++;
      try {
        const response = await submit(running.url, index);
        if (response.status === 201) {
          acknowledged.push(((await response.json()) as { id: string }).id);
          if (acknowledged.length === KILL_AFTER) killed = running.kill();
        } else {
          await response.body?.cancel();
        }
      } catch {
        // The connection died with the server: this one was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killed;
  assert.ok(acknowledged.length >= KILL_AFTER, `at least ${KILL_AFTER} were acknowledged before the kill`);
  assert.ok(acknowledged.length < TOTAL, 'the kill interrupted the burst');

  server = await startServer({ dataDir, adminPassword: PASSWORD });
  const stored = new Set(await listAll(server.url));
  const lost = acknowledged.filter((id) => !stored.has(id));
  t.diagnostic(`${acknowledged.length} answered 201 before the kill, ${stored.size} stored after the restart`);
  assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged requests were lost`);
  assert.equal(await server.stop(), 0);
});
