// Server handler throughput on loopback: valid POST submissions (default config, each with its own
// Idempotency-Key, so every request validates and stores a new account request) for 5 seconds.
// The server runs in a child process so autocannon does not share its event loop.
// Run: node --import tsx packages/sdk/bench/handler.bench.ts
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import autocannon from 'autocannon';
import { BENCH_SUBMISSION, withIdempotencyKey } from '../../../scripts/lib/bench-requests.js';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore } from '../src/server.js';

const DURATION_S = 5;
const CONNECTIONS = 32;

const store = createMemoryStore();
const handler = createAccountRequestHandler({ ...createMemoryConfigStore(), store, basePath: '/api/account-requests' });

// The smallest IncomingMessage → Request → ServerResponse bridge: enough for a benchmark, not a
// production adapter (no trailers, no abort propagation).
async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
  const response = await handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function serve(): Promise<void> {
  const server = createServer((req, res) => {
    listener(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.on('message', async () => {
    const stored = (await store.list({ limit: 1_000_000 })).length;
    process.send?.({ stored }, () => process.exit(0));
  });
}

async function measure(): Promise<void> {
  // BENCH_PROFILE=dir writes a CPU profile of the server process there.
  const profile = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  const child = fork(new URL(import.meta.url).pathname, ['--serve'], { execArgv: ['--import', 'tsx', ...profile] });
  const port = await new Promise<number>((resolve) => child.once('message', (message) => resolve((message as { port: number }).port)));
  const url = `http://127.0.0.1:${port}/api/account-requests`;

  const body = JSON.stringify(BENCH_SUBMISSION);

  // One check before measuring: a benchmark of 4xx answers would measure the wrong thing.
  const probe = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() }, body });
  if (probe.status !== 201) throw new Error(`benchmark submission refused: ${probe.status} ${await probe.text()}`);

  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        setupRequest: withIdempotencyKey,
      },
    ],
  });
  const stored = await new Promise<number>((resolve) => {
    child.once('message', (message) => resolve((message as { stored: number }).stored));
    child.send('done');
  });

  console.log(
    `handler POST: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `non-2xx ${result.non2xx} (${result.requests.total} requests in ${DURATION_S} s over ${CONNECTIONS} connections, ${stored} stored, errors ${result.errors}, timeouts ${result.timeouts})`,
  );
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  await measure();
}
