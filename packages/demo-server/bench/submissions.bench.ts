// Valid submissions on the demo server (SQLite, WAL, synchronous=FULL), loopback, 32 connections,
// BENCH_SECONDS (default 10) per run, each request with its own Idempotency-Key:
// 1. durable submissions alone: the site with a notifier that does nothing (e-mails are still
//    written to the outbox in the submission's transaction, just not rendered nor sent), so the
//    figure is the HTTP, validation and storage path, group commit included;
// 2. the server as `npm start` runs it, with SMTP_URL pointing at a fake SMTP server on
//    loopback that answers each message after 500 ms: the p50 shows whether a submission waits
//    for its e-mails (it should not).
// Run: npm run bench -- submissions
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_SUBMISSION, withIdempotencyKey } from '../../../scripts/lib/bench-requests.js';
import { startSlowSmtp } from '../../../scripts/lib/slow-smtp.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 32;
const SMTP_DELAY_MS = 500;
const REQUEST = { method: 'POST' as const, path: '/api/account-requests', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_SUBMISSION), setupRequest: withIdempotencyKey };

interface Row {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly other: number;
}

async function load(name: string, url: string): Promise<Row> {
  // Warm-up: JIT-compiled paths, not a cold server.
  await autocannon({ url, connections: 4, duration: 1, requests: [REQUEST] });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [REQUEST] });
  const ok = result.statusCodeStats['201']?.count ?? 0;
  return { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, ok, other: result.requests.total - ok + result.errors + result.timeouts };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function stubbedMail(dataDir: string): Promise<Row> {
  const child = fork(fileURLToPath(new URL('./stubbed-mail-server.ts', import.meta.url)), [], { env: { ...process.env, DATA_DIR: dataDir }, execArgv: ['--import', 'tsx'] });
  process.once('exit', () => child.kill('SIGKILL'));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { url: string }).url));
      child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    return await load('durable submissions, e-mails stubbed', url);
  } finally {
    await stop(child);
  }
}

async function slowSmtp(dataDir: string): Promise<Row & { readonly received: number }> {
  const smtp = await startSlowSmtp(SMTP_DELAY_MS);
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: 'bench-submissions-password', RATE_LIMIT_MAX: '0', SMTP_URL: smtp.url, LOG_LEVEL: 'info' };
  delete env['NODE_TEST_CONTEXT'];
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  process.once('exit', () => child.kill('SIGKILL'));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        // Only the start-up lines are kept: the request log goes on.
        if (output.length < 10_000) output += chunk;
        const found = /Account request demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
    });
    const row = await load(`as npm start, SMTP answering after ${SMTP_DELAY_MS} ms per message`, url);
    return { ...row, received: smtp.received() };
  } finally {
    await stop(child);
    await smtp.close();
  }
}

const dirs = [mkdtempSync(join(tmpdir(), 'bench-submissions-')), mkdtempSync(join(tmpdir(), 'bench-submissions-smtp-'))];
try {
  const rows: Row[] = [await stubbedMail(dirs[0]!)];
  const smtp = await slowSmtp(dirs[1]!);
  rows.push(smtp);
  console.log(`\nValid submissions, demo server on SQLite (WAL, synchronous=FULL), loopback, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  console.log(`Machine: ${availableParallelism()} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min) at the end\n`);
  console.log('| run | req/s | p50 ms | p99 ms | 201 | other (must be 0) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.ok} | ${row.other} |`);
  console.log(`\nThe fake SMTP server received ${smtp.received} message(s) by the end of the second run (each submission sends 2; the rest go out after).`);
  if (rows.some((row) => row.other > 0)) process.exitCode = 1;
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
