// Graceful shutdown of the real server process: SIGTERM while a submission is still uploading
// lets it finish (201) and then exits 0; past SHUTDOWN_TIMEOUT_MS a request that never ends
// is cut and the exit code is 1.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt, startServer, type RunningServer } from './test-helpers/server.js';

const root = mkdtempSync(join(tmpdir(), 'demo-shutdown-'));
const servers: RunningServer[] = [];
let counter = 0;

before(() => ensureBuilt());
after(async () => {
  for (const server of servers) await server.kill();
  rmSync(root, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer({ dataDir: join(root, `data-${(counter += 1)}`), adminPassword: 'shutdown-admin-pw', env: { RATE_LIMIT_MAX: '0', ...env } });
  servers.push(server);
  return server;
}

const BODY = JSON.stringify({
  values: { companyName: 'Lenteur SA', lastName: 'Lent', email: 'lent@lenteur.example', phone: '01 23 45 67 89', street: '1 rue Lente', postalCode: '75001', city: 'Paris', country: 'FR' },
  confirmed: true,
  locale: 'fr',
});

/** A submission whose body is sent in two halves: the first now, the second when `finish` is called. */
function slowSubmission(url: string): { finish: () => void; response: Promise<{ status: number; body: string }> } {
  const bytes = Buffer.from(BODY);
  const half = Math.floor(bytes.length / 2);
  const outgoing = request(`${url}/api/account-requests`, {
    method: 'POST',
    agent: false,
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), 'Idempotency-Key': `slow-${counter}`, Origin: url },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.on('response', (incoming: IncomingMessage) => {
      let body = '';
      incoming.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
  });
  outgoing.write(bytes.subarray(0, half));
  return { finish: () => outgoing.end(bytes.subarray(half)), response };
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

function logLines(server: RunningServer): { msg?: string; exitCode?: number; level?: number }[] {
  return server.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg?: string });
}

test('SIGTERM during a slow upload: no new connections, the request completes with 201, then exit 0', { timeout: 60_000 }, async () => {
  const server = await start();
  // An idle keep-alive connection must not hold the shutdown.
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  const slow = slowSubmission(server.url);
  await sleep(300);

  const exited = server.stop();
  await sleep(500);
  assert.ok(await refused(server.url), 'a new connection is refused once stopping');
  slow.finish();
  const answer = await slow.response;
  assert.equal(answer.status, 201, answer.body);
  assert.match(answer.body, /"status":"pending"/);
  assert.equal(await exited, 0);

  const messages = logLines(server).map((line) => line.msg);
  assert.ok(messages.includes('stopping: no new connections, finishing the requests in flight'));
  const stopped = logLines(server).find((line) => line.msg === 'stopped');
  assert.equal(stopped?.exitCode, 0);
});

test('past SHUTDOWN_TIMEOUT_MS a request that never finishes is cut and the process exits 1', { timeout: 60_000 }, async () => {
  const server = await start({ SHUTDOWN_TIMEOUT_MS: '800' });
  const stuck = slowSubmission(server.url);
  stuck.response.catch(() => undefined);
  await sleep(300);
  const started = performance.now();
  assert.equal(await server.stop(), 1);
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 700 && elapsed < 5000, `stopped after ${Math.round(elapsed)} ms`);
  await assert.rejects(stuck.response, 'the stuck request was cut');
  assert.ok(logLines(server).some((line) => line.msg === 'stopped before in-flight work finished' && line.exitCode === 1));
});
