// Durability of issue 5: the server is killed with SIGKILL in the middle of a burst of 200
// submissions; after a restart on the same DATA_DIR every submission answered 201 is there.
// Issue 10: the kill is aimed between a request's commit and what follows it, and every cut
// submission is retried with its key: exactly one request per key.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { FROZEN_MARKER } from './test-helpers/freeze-after-commit.js';
import { basicAuth, ensureBuilt, startServer, type RunningServer } from './test-helpers/server.js';

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

function submit(url: string, index: number, keyPrefix = 'crash'): Promise<Response> {
  return fetch(`${url}/api/account-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${keyPrefix}-${index}`, Origin: url },
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

async function listRecords(url: string): Promise<{ id: string; values: Record<string, unknown> }[]> {
  const records: { id: string; values: Record<string, unknown> }[] = [];
  for (let offset = 0; ; offset += 200) {
    const response = await fetch(`${url}/api/account-requests?limit=200&offset=${offset}`, { headers: AUTH });
    assert.equal(response.status, 200);
    const page = (await response.json()) as { id: string; values: Record<string, unknown> }[];
    records.push(...page);
    if (page.length < 200) return records;
  }
}

async function listAll(url: string): Promise<string[]> {
  return (await listRecords(url)).map((record) => record.id);
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

// The 40th committed request freezes the server (test/test-helpers/freeze-after-commit.ts): its
// request is on disk, nothing after the commit has run, and the other submissions of the burst
// are in flight at various steps. The whole process group is then killed.
const FREEZE_AT = 40;
const FROZEN_MAIN = fileURLToPath(new URL('./test-helpers/frozen-main.ts', import.meta.url));
const CUT_TOTAL = 120;
// A retry that keeps answering 409 is given this long (bounded loop) before the test fails.
const RETRY_DEADLINE_MS = 90_000;

test('a submission killed between its commit and its answer is stored once when retried after the restart', { timeout: 240_000 }, async (t) => {
  ensureBuilt();
  const cutDir = mkdtempSync(join(tmpdir(), 'demo-crash-cut-'));
  t.after(() => rmSync(cutDir, { recursive: true, force: true }));
  const running = await startServer({ dataDir: cutDir, adminPassword: PASSWORD, env: { RATE_LIMIT_MAX: '0', FREEZE_AFTER_COMMIT: String(FREEZE_AT) }, processGroup: true, entry: FROZEN_MAIN });
  server = running;
  const acknowledged = new Map<number, string>();
  const cut = new Set<number>();
  const refused: string[] = [];
  let next = 0;
  let killed = false;

  const worker = async (): Promise<void> => {
    while (!killed && next < CUT_TOTAL) {
      const index = next++;
      try {
        const response = await submit(running.url, index, 'cut');
        if (response.status === 201) acknowledged.set(index, ((await response.json()) as { id: string }).id);
        else refused.push(`${index}: ${response.status} ${await response.text()}`);
      } catch {
        // In flight when the process died: cut.
        cut.add(index);
      }
    }
  };
  const burst = Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const deadline = Date.now() + 60_000;
  let frozen: RegExpExecArray | null = null;
  while (!(frozen = new RegExp(`${FROZEN_MARKER} (\\S+)`).exec(running.output())) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.ok(frozen, `the server froze after its ${FREEZE_AT}th commit:\n${running.output()}`);
  const frozenId = frozen[1];
  killed = true;
  await running.kill();
  await burst;
  assert.deepEqual(refused, [], 'no submission of the burst was refused');

  const restartedAt = performance.now();
  server = await startServer({ dataDir: cutDir, adminPassword: PASSWORD });
  const readyMs = performance.now() - restartedAt;
  const url = server.url;
  const retried = await Promise.all([...cut].map(async (index) => {
    const start = performance.now();
    for (;;) {
      const response = await submit(url, index, 'cut');
      const ms = performance.now() - start;
      if (response.status !== 409 || ms > RETRY_DEADLINE_MS) {
        const body = (await response.json()) as { id?: string };
        return { index, status: response.status, id: body.id, replayed: response.headers.get('Idempotent-Replayed') === 'true', ms };
      }
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }));

  const records = await listRecords(url);
  const perIndex = new Map<string, number>();
  for (const record of records) perIndex.set(String(record.values['companyName']), (perIndex.get(String(record.values['companyName'])) ?? 0) + 1);
  const slowest = Math.max(...retried.map((retry) => retry.ms));
  t.diagnostic(`${acknowledged.size} answered 201 before the kill, ${cut.size} cut and retried; server ready ${Math.round(readyMs)} ms after the restart began, slowest retry answered ${Math.round(slowest)} ms after it was ready`);

  assert.deepEqual(retried.filter((retry) => retry.status !== 201).map((retry) => `${retry.index}: ${retry.status} after ${Math.round(retry.ms)} ms`), [], 'every retry is answered 201');
  const duplicated = [...perIndex].filter(([, count]) => count !== 1).map(([name, count]) => `${name}: ${count}`);
  assert.deepEqual(duplicated, [], 'exactly one request per key');
  // The frozen request was committed: it is stored, its submission was cut, and its retry answers it.
  const frozenRecord = records.find((record) => record.id === frozenId);
  assert.ok(frozenRecord, 'the request committed before the freeze is stored');
  const frozenIndex = Number(String(frozenRecord.values['companyName']).replace('Entreprise ', ''));
  assert.ok(cut.has(frozenIndex), 'the frozen submission was cut by the kill');
  const frozenRetry = retried.find((retry) => retry.index === frozenIndex);
  assert.equal(frozenRetry?.id, frozenId, 'the retry of the frozen submission answers the request committed before the kill');
  assert.equal(frozenRetry?.replayed, true);
  assert.equal(records.length, acknowledged.size + cut.size, 'one request for each submission sent, no other');
  const stored = new Set(records.map((record) => record.id));
  assert.deepEqual([...acknowledged.values()].filter((id) => !stored.has(id)), [], 'every acknowledged request is stored');
  assert.ok(slowest < 5000, `the retries were processed within 5 s of the restart (slowest ${Math.round(slowest)} ms)`);
  assert.equal(await server.stop(), 0);
});
