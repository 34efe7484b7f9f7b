// Connections that go silent (a failover, a dropped NAT entry, a partition: no reset ever
// arrives) and a database that accepts TCP but never answers: every wait is bounded, the
// silent connections are thrown away, and the stores work again once the database answers.
// Start-up fails within its bound, and the demo server says so in one line and exits 1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPostgresStores, type PostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';
import { NO_PUBLIC_SERVICES, REPO_ROOT } from '../../demo-server/test/test-helpers/server.js';

const postgres = await postgresForTests();
const MAIN = fileURLToPath(new URL('../../demo-server/src/main.ts', import.meta.url));

/** A TCP proxy to PostgreSQL that can go silent on the connections open at that moment, without closing them. */
async function silencingProxy(target: URL): Promise<{ url: string; silence(): void; close(): Promise<void> }> {
  const sockets = new Set<{ silent: boolean; client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair = { silent: false, client, upstream };
    sockets.add(pair);
    client.on('data', (chunk) => void (pair.silent || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (pair.silent || client.write(chunk)));
    const end = (): void => {
      sockets.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.href,
    silence() {
      for (const pair of sockets) pair.silent = true;
    },
    close: () => {
      for (const pair of sockets) pair.client.destroy(), pair.upstream.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A listener that accepts connections and never answers. */
async function silentListener(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket.on('error', () => undefined)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Settles `promise` or fails the test after `ms`: what a wait without bound would do. */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<PromiseSettledResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no outcome after ${ms} ms`)), ms)));
  try {
    return await Promise.race([Promise.allSettled([promise]).then(([settled]) => settled!), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('@account-request/postgres connection bounds', { skip: postgres.skip }, () => {
  let databaseUrl: URL;
  before(async () => {
    databaseUrl = new URL(await postgres.server!.createDatabase('bounds'));
    // Migrated once directly, so the stores through the proxy find the schema up to date.
    await (await createPostgresStores({ connectionString: databaseUrl.href })).close();
  });
  after(async () => {
    await postgres.server?.stop();
  });

  it('fails the queries of silent pooled connections within queryTimeoutMs, throws those connections away and recovers', async () => {
    const proxy = await silencingProxy(databaseUrl);
    let stores: PostgresStores | undefined;
    try {
      stores = await createPostgresStores({ connectionString: proxy.url, poolSize: 3, queryTimeoutMs: 1_000, connectTimeoutMs: 1_000 });
      const { store } = stores;
      // Open the three connections of the pool, then silence them all.
      await Promise.all([1, 2, 3].map(() => stores!.pool.query('SELECT pg_sleep(0.05)')));
      assert.equal(stores.pool.totalCount, 3);
      proxy.silence();
      const started = Date.now();
      const reads = await within(5_000, Promise.all([store.get('r1'), store.update('r1', { note: 'x' }, 1, { at: new Date().toISOString(), actor: 'a', changes: [] }), stores.ping()]), 'queries on silent connections');
      // Each fails (the handler answers 503), within the bound: a transaction does not wait a second time for its ROLLBACK.
      assert.equal(reads.status, 'rejected');
      assert.ok(Date.now() - started < 2_500, `failed after ${Date.now() - started} ms`);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      // New connections pass: the instance works again.
      const again = await within(5_000, store.get('r1'), 'a query once the database answers');
      assert.deepEqual(again, { status: 'fulfilled', value: undefined });
    } finally {
      await stores?.close();
      await proxy.close();
    }
  });

  it('start-up against a database that accepts TCP and never answers fails within connectTimeoutMs', async () => {
    const silent = await silentListener();
    try {
      const started = Date.now();
      const opened = await within(5_000, createPostgresStores({ connectionString: `postgres://app:secret@127.0.0.1:${silent.port}/app`, connectTimeoutMs: 500 }), 'start-up');
      assert.equal(opened.status, 'rejected');
      assert.ok(Date.now() - started < 2_500, `failed after ${Date.now() - started} ms`);
    } finally {
      await silent.close();
    }
  });

  it('the demo server says in one line why it cannot use the database, and exits 1 (silent, refused)', { timeout: 60_000 }, async () => {
    const silent = await silentListener();
    const refused = await silentListener();
    await refused.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'pg-startup-'));
    const run = (url: string) =>
      new Promise<{ code: number | null; stderr: string; ms: number }>((resolve) => {
        const started = Date.now();
        const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: 'startup-admin-pw', ...NO_PUBLIC_SERVICES, DATABASE_URL: url };
        const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const kill = setTimeout(() => child.kill('SIGKILL'), 40_000);
        child.on('close', (code) => (clearTimeout(kill), resolve({ code, stderr, ms: Date.now() - started })));
      });
    try {
      const [hung, down] = await Promise.all([run(`postgres://app:secret@127.0.0.1:${silent.port}/shop`), run(`postgres://app:secret@127.0.0.1:${refused.port}/shop`)]);
      assert.equal(hung.code, 1, hung.stderr);
      assert.match(hung.stderr, new RegExp(`^Database error: PostgreSQL at 127\\.0\\.0\\.1:${silent.port}/shop: no answer: the connection timed out .*\\n$`));
      assert.ok(hung.ms < 30_000, `exited after ${hung.ms} ms`);
      assert.equal(down.code, 1, down.stderr);
      assert.match(down.stderr, new RegExp(`^Database error: PostgreSQL at 127\\.0\\.0\\.1:${refused.port}/shop: connection refused .*\\n$`));
      for (const { stderr } of [hung, down]) assert.doesNotMatch(stderr, /secret|\n {4}at /);
    } finally {
      await silent.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
