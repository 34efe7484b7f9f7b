// `npm run bench:load`: load on the demo server, loopback only, bounded in time. Not part of
// `npm test` (timed figures belong in benchmarks, not in tests).
//
// Runs everything below twice: on SQLite (the default) and on PostgreSQL (a throwaway cluster of
// Debian's binaries, or PG_TEST_URL; skipped with a line saying why when there is none).
// 1. Starts the demo server as `npm start` does (packages/demo-server/src/main.ts, its own Node
//    process) on 127.0.0.1, a free port and a temporary DATA_DIR, rate limit off
//    (RATE_LIMIT_MAX=0), with an IPC channel through which it reports its memory (no public route).
// 2. autocannon for BENCH_SECONDS (default 10) each: valid submissions (one Idempotency-Key per
//    request), then invalid ones (422), then both mixed with config reads.
// 3. 1,000 concurrent submissions sharing ONE Idempotency-Key, then the admin API must list
//    exactly one request from them.
// Prints requests/s, p50/p99 latency, 2xx/4xx/other answers (other must be 0) and the server's
// RSS before and after; exits non-zero when a guarantee fails.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonRequest as CannonRequest, type AutocannonResult as CannonResult } from 'autocannon';
import { startPostgres } from '../test/test-helpers/postgres.js';
import { BENCH_SUBMISSION as VALID, withIdempotencyKey as withKey } from './lib/bench-requests.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const BURST = 1000;
const PASSWORD = 'bench-load-password';
const AUTH = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;
const MAIN = fileURLToPath(new URL('../packages/demo-server/src/main.ts', import.meta.url));

// Loaded into the server process before main.ts: answers `memory` over IPC, after a full GC so
// "after" is the memory kept, not garbage not yet collected.
const PROBE = `data:text/javascript,${encodeURIComponent(`
process.on('message', (message) => {
  if (message !== 'memory') return;
  globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.send({ rss, heapUsed, external, arrayBuffers });
});
// A listened-to IPC channel keeps a process alive: without this, SIGTERM closes the server but
// the process never exits.
process.channel?.unref();
`)}`;

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  memory(): Promise<Memory>;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, databaseUrl?: string): Promise<Server> {
  // The public services of issue 14 off: the bench measures the server, not them.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, RATE_LIMIT_MAX: '0', COMPANY_DIRECTORY_URL: '', VIES_URL: '', ADDRESS_API_URL: '' };
  delete env['NODE_TEST_CONTEXT'];
  if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
  else delete env['DATABASE_URL'];
  const child = fork(MAIN, [], { env, execArgv: ['--expose-gc', '--import', 'tsx', '--import', PROBE], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // The server logs a line per request: keep only the last lines for an error message (the whole
  // of it, scanned on each chunk, made this process the bottleneck of the later runs).
  let output = '';
  const keep = (chunk: string): void => {
    output = (output + chunk).slice(-16_384);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  process.once('exit', () => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo server did not start:\n${output}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the demo server exited (${code}):\n${output}`)));
    const watch = (): void => {
      const found = /Account request demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        child.stdout?.off('data', watch);
        resolve(found);
      }
    };
    child.stdout?.on('data', watch);
  });
  return {
    child,
    url,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as Memory));
        child.send('memory');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const INVALID = { ...VALID, values: { ...VALID.values, email: 'elodie.martin@', postalCode: 'ABC', siret: '12345678901234' } };
const JSON_HEADERS = { 'content-type': 'application/json' };

interface Row {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly ok: number;
  readonly client: number;
  readonly other: number;
  /** The server's memory right after the run. */
  readonly memory: Memory;
}

function summarize(name: string, result: CannonResult, memory: Memory): Row {
  let ok = 0;
  let client = 0;
  let other = result.errors + result.timeouts;
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    const status = Number(code);
    if (status >= 200 && status < 300) ok += count;
    else if (status >= 400 && status < 500) client += count;
    else other += count;
  }
  return { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, ok, client, other, memory };
}

async function run(server: Server, name: string, requests: CannonRequest[]): Promise<Row> {
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests });
  return summarize(name, result, await server.memory());
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// The demo writes each sent e-mail as DATA_DIR/outbox/<id>.eml: counting them shows the outbox
// catching up after a run (e-mails wait while submissions are being answered).
function sentMails(dataDir: string): number {
  try {
    return readdirSync(join(dataDir, 'outbox')).filter((name) => name.endsWith('.eml')).length;
  } catch {
    return 0;
  }
}

/** The e-mails sent once the count stays the same for a second (the warm-up's are done). */
async function quietMails(dataDir: string): Promise<number> {
  let count = sentMails(dataDir);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = sentMails(dataDir);
    if (now === count) return count;
    count = now;
  }
}

/** Waits until `expected` e-mails are sent (at most 120 s); the seconds it took, or undefined. */
async function drained(dataDir: string, expected: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (sentMails(dataDir) >= expected) return (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

async function bench(backend: string, failures: string[], databaseUrl?: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const server = await startServer(dataDir, databaseUrl);
  try {
    const submit = `/api/account-requests`;
    const probe = await fetch(`${server.url}${submit}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body: JSON.stringify(VALID) });
    if (probe.status !== 201) throw new Error(`the valid submission is refused (${probe.status}): ${await probe.text()}`);
    // Warm-up, so "before" is a server that has JIT-compiled its paths, not a cold one.
    await autocannon({ url: server.url, connections: 4, duration: 1, requests: [{ method: 'POST', path: submit, headers: JSON_HEADERS, body: JSON.stringify(VALID), setupRequest: withKey }] });
    const before = await server.memory();

    const rows: Row[] = [];
    const mailsBefore = await quietMails(dataDir);
    rows.push(await run(server, 'valid submissions (201, unique keys)', [{ method: 'POST', path: submit, headers: JSON_HEADERS, body: JSON.stringify(VALID), setupRequest: withKey }]));
    // Two e-mails per request: the confirmation and the seed config's alert.
    const mailsExpected = mailsBefore + 2 * rows[0]!.ok;
    const mailsAtEnd = sentMails(dataDir);
    const drainSeconds = await drained(dataDir, mailsExpected);
    rows.push(await run(server, 'invalid submissions (422)', [{ method: 'POST', path: submit, headers: JSON_HEADERS, body: JSON.stringify(INVALID), setupRequest: withKey }]));
    rows.push(
      await run(server, 'mixed: valid, invalid, malformed, GET config', [
        { method: 'POST', path: submit, headers: JSON_HEADERS, body: JSON.stringify(VALID), setupRequest: withKey },
        { method: 'POST', path: submit, headers: JSON_HEADERS, body: JSON.stringify(INVALID), setupRequest: withKey },
        { method: 'POST', path: submit, headers: JSON_HEADERS, body: '{"values": ', setupRequest: withKey },
        { method: 'GET', path: `${submit}/config` },
      ]),
    );
    const after = await server.memory();

    // 1,000 submissions at once under one key: one request, the others replay it.
    const key = randomUUID();
    const marker = { ...VALID, values: { ...VALID.values, companyName: `Rafale ${key.slice(0, 8)} SARL` } };
    const answers = await Promise.all(
      Array.from({ length: BURST }, () =>
        fetch(`${server.url}${submit}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(marker) })
          .then(async (response) => ({ status: response.status, id: response.status === 201 ? ((await response.json()) as { id: string }).id : undefined }))
          .catch((error: unknown) => ({ status: 0, id: undefined, error })),
      ),
    );
    const statuses = new Map<number, number>();
    for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const ids = new Set(answers.map((answer) => answer.id).filter(Boolean));
    const listed = (await (await fetch(`${server.url}${submit}?limit=200`, { headers: { Authorization: AUTH } })).json()) as { values: Record<string, unknown> }[];
    const created = listed.filter((record) => record.values['companyName'] === marker.values.companyName).length;

    console.log(`\nDemo server load, loopback, ${SECONDS} s per run, ${CONNECTIONS} connections, rate limit off, ${backend}`);
    console.log(`Machine: ${availableParallelism()} CPUs, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the runs\n`);
    console.log('| run | req/s | p50 ms | p99 ms | requests | 2xx | 4xx | other (must be 0) | server RSS / heap after |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(`| ${row.name} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.total} | ${row.ok} | ${row.client} | ${row.other} | ${mb(row.memory.rss)} / ${mb(row.memory.heapUsed)} |`);
    const line = (memory: Memory) => `RSS ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, external ${mb(memory.external)} (array buffers ${mb(memory.arrayBuffers)})`;
    console.log(`\nServer memory (after a full GC): before ${line(before)}; after ${line(after)}`);
    console.log(
      `\nE-mails of the valid run (${mailsExpected - mailsBefore}, sent after the answers as .eml files): ${mailsAtEnd - mailsBefore} sent when the run ended, ` +
        (drainSeconds === undefined ? `NOT all sent 120 s later (${sentMails(dataDir) - mailsBefore})` : `all sent ${drainSeconds.toFixed(1)} s later`),
    );
    console.log(`\n${BURST} concurrent submissions with one Idempotency-Key: statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${ids.size} distinct id(s) answered, ${created} request(s) listed by the admin API`);

    for (const row of rows) if (row.other > 0) failures.push(`${backend}, ${row.name}: ${row.other} answers neither 2xx nor 4xx`);
    if (drainSeconds === undefined) failures.push(`${backend}: the e-mails of the valid run were not all sent within 120 s`);
    if (created !== 1) failures.push(`${backend}: the burst created ${created} requests, not 1`);
    if (ids.size !== 1) failures.push(`${backend}: the burst answered ${ids.size} different ids`);
    if ([...statuses.keys()].some((status) => status !== 201 && status !== 409)) failures.push(`${backend}: the burst got statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const failures: string[] = [];
  await bench('SQLite (WAL, synchronous=FULL, group commit)', failures);
  // `npm run bench:load -- --sqlite`: the SQLite half only (when comparing changes quickly).
  const postgres = process.argv.includes('--sqlite') ? 'the --sqlite argument' : await startPostgres();
  if (typeof postgres === 'string') console.log(`\nPostgreSQL run skipped: ${postgres}`);
  else {
    try {
      await bench(`PostgreSQL (${postgres.origin}, synchronous_commit on)`, failures, await postgres.createDatabase('bench_load'));
    } finally {
      await postgres.stop();
    }
  }
  if (failures.length) {
    console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

await main();
