/**
 * A PostgreSQL server for the test suites, shared by every suite that needs one.
 *
 * - `PG_TEST_URL` set (e.g. `postgres://user:pass@127.0.0.1:5432/postgres`, a role that may
 *   create databases): each suite gets a fresh database on that server, dropped afterwards.
 * - Otherwise a throwaway cluster from Debian's `postgresql` binaries: `initdb` in a temporary
 *   folder (as the `postgres` user when run as root: initdb refuses root), a random password
 *   (SCRAM) for TCP, listening on 127.0.0.1 only on a free port, its Unix socket inside the
 *   folder; stopped and removed afterwards (and on process exit, should a suite crash).
 * - Neither possible: under `CI=true` that is an error (the suite fails); elsewhere the suite
 *   skips, with the reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running server the suites may create databases on. */
export interface PostgresServer {
  /** A URL of the server's maintenance database (`postgres`), with credentials. */
  readonly adminUrl: string;
  /** Where it comes from, for the test log. */
  readonly origin: string;
  /** Creates an empty database and resolves its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Drops the databases it created and, for a throwaway cluster, stops and removes it. */
  stop(): Promise<void>;
}

/** What a suite declares: the server, or why it skips. */
export type PostgresForTests = { readonly server: PostgresServer; readonly skip: false } | { readonly server: undefined; readonly skip: string };

const DEFAULT_BIN_ROOT = '/usr/lib/postgresql';

/** The newest `bin` folder of Debian's PostgreSQL packages, or `PG_BIN` when set. */
export function postgresBinDir(): string | undefined {
  const given = process.env['PG_BIN'];
  if (given) return existsSync(join(given, 'initdb')) ? given : undefined;
  if (!existsSync(DEFAULT_BIN_ROOT)) return undefined;
  const versions = readdirSync(DEFAULT_BIN_ROOT)
    .filter((name) => existsSync(join(DEFAULT_BIN_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEFAULT_BIN_ROOT, versions[0], 'bin') : undefined;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim();
  return (stderr || (error instanceof Error ? error.message : String(error))).split('\n')[0] ?? 'unknown error';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

// Database names the suites create: a prefix of letters and a random suffix, nothing to quote.
function databaseName(prefix: string): string {
  return `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(5).toString('hex')}`;
}

function serverOn(adminUrl: string, origin: string, shutdown: () => void): PostgresServer {
  const created: string[] = [];
  let stopped = false;
  return {
    adminUrl,
    origin,
    async createDatabase(prefix = 'test') {
      const name = databaseName(prefix);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      return withDatabase(adminUrl, name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (created.length > 0) {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          try {
            // WITH (FORCE): a pool a failed test left open must not keep the database alive.
            for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await client.end();
          }
        }
      } finally {
        shutdown();
      }
    },
  };
}

/**
 * Starts a throwaway cluster from `bin` and resolves it, or a reason it could not. Root runs
 * it as the `postgres` user the Debian package creates.
 */
export async function startThrowawayCluster(bin: string): Promise<PostgresServer | string> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (asRoot && !owner) return 'running as root and there is no postgres user to own a throwaway cluster';
  const run = (command: string, args: readonly string[]): void => {
    const tool = join(bin, command);
    execFileSync(asRoot ? 'runuser' : tool, asRoot ? ['-u', 'postgres', '--', tool, ...args] : [...args], { stdio: 'pipe', cwd: tmpdir() });
  };
  const dir = mkdtempSync(join(tmpdir(), 'ar-pg-'));
  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    // --no-sync only skips initdb's own final flush; the server itself runs with fsync on.
    run('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth-host=scram-sha-256', '--auth-local=peer', '--no-sync', '-E', 'UTF8', '--locale=C']);
  } catch (error) {
    remove();
    return `initdb failed: ${firstLine(error)}`;
  }
  rmSync(passwordFile, { force: true });
  let port = 0;
  let lastError = '';
  // The free port may be taken between the probe and the start: try a few.
  for (let attempt = 0; attempt < 3 && port === 0; attempt += 1) {
    const candidate = await freePort();
    try {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${candidate} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, 'start']);
      port = candidate;
    } catch (error) {
      lastError = firstLine(error);
    }
  }
  if (port === 0) {
    remove();
    return `pg_ctl could not start the cluster: ${lastError}`;
  }
  let down = false;
  const shutdown = (): void => {
    if (down) return;
    down = true;
    process.removeListener('exit', shutdown);
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped (or killed): removing the folder is all that is left.
    } finally {
      remove();
    }
  };
  process.on('exit', shutdown);
  return serverOn(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, `throwaway cluster from ${bin} on 127.0.0.1:${port}`, shutdown);
}

/** A server: `PG_TEST_URL`, else a throwaway cluster; or the reason there is none. */
export async function startPostgres(): Promise<PostgresServer | string> {
  const given = process.env['PG_TEST_URL'];
  if (given) return serverOn(given, 'PG_TEST_URL', () => undefined);
  const bin = postgresBinDir();
  if (!bin) return "no PostgreSQL: set PG_TEST_URL or install Debian's postgresql package (or set PG_BIN)";
  return startThrowawayCluster(bin);
}

/**
 * For a suite's top level: `const postgres = await postgresForTests();` then
 * `describe(name, { skip: postgres.skip }, …)`. Under `CI=true` a missing server throws, so the
 * suite fails instead of skipping.
 */
export async function postgresForTests(): Promise<PostgresForTests> {
  const found = await startPostgres();
  if (typeof found !== 'string') return { server: found, skip: false };
  if (process.env['CI'] === 'true') throw new Error(`PostgreSQL suites must run under CI=true: ${found}`);
  return { server: undefined, skip: `skipped: ${found}` };
}
