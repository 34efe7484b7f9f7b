/**
 * Finds a PostgreSQL server for the store tests: `PG_TEST_URL` when set, otherwise a throwaway
 * cluster started from Debian's `postgresql` binaries in a temporary folder (trust auth on
 * 127.0.0.1, a free port, removed afterwards). Resolves `undefined` when neither is possible,
 * so the tests skip instead of failing on machines without PostgreSQL.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A reachable server and how to let it go. */
export interface TestDatabase {
  readonly url: string;
  /** Why this server (for the test log). */
  readonly origin: string;
  stop(): void;
}

function binDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((name) => existsSync(join(base, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
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

function postgresUid(): { uid: number; gid: number } | undefined {
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return result.status === 0 && group.status === 0 ? { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) } : undefined;
}

/** A server for the tests, or `undefined` (with the reason) when there is none. */
export async function startTestDatabase(): Promise<TestDatabase | string> {
  const given = process.env['PG_TEST_URL'];
  if (given) return { url: given, origin: 'PG_TEST_URL', stop: () => undefined };
  const bin = binDir();
  if (!bin) return 'no PostgreSQL server: set PG_TEST_URL or install Debian\'s postgresql package';
  // initdb refuses to run as root: run the cluster as the `postgres` user the package created.
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUid() : undefined;
  if (asRoot && !owner) return 'running as root and no postgres user to own a throwaway cluster';
  const run = (command: string, args: readonly string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, command), asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : [...args], { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'ar-pg-'));
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `could not start a throwaway PostgreSQL: ${(error as Error).message.split('\n')[0]}`;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    origin: `throwaway cluster from ${bin}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
