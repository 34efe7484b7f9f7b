// Starts the demo server the way `npm start` does (its own Node process running src/main.ts)
// and stops it with SIGTERM, for the end-to-end and crash tests.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

const BUILT = [
  'packages/sdk/dist/index.js',
  'packages/sdk/dist/server.js',
  'packages/form/dist/account-request-form.bundle.js',
  'packages/field-config/dist/form-field-config.bundle.js',
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0);
  }
  return newest;
}

/**
 * Runs the root `npm run build` steps when a bundle or the SDK's build is missing, and rebuilds
 * the SDK alone (the server runs its `dist`) when a source file is newer than its build.
 */
export function ensureBuilt(): void {
  const sdkBuild = `${REPO_ROOT}packages/sdk/dist/server.js`;
  if (existsSync(sdkBuild) && statSync(sdkBuild).mtimeMs < newestSource(`${REPO_ROOT}packages/sdk/src`)) {
    try {
      execFileSync(`${REPO_ROOT}node_modules/.bin/tsc`, ['-p', 'packages/sdk/tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
    } catch {
      // Type errors still emit JavaScript; a build that cannot run shows up as a failing test.
    }
  }
  if (BUILT.every((file) => existsSync(new URL(file, `file://${REPO_ROOT}`)))) return;
  const PATH = [`${REPO_ROOT}node_modules/.bin`, process.env['PATH'] ?? ''].join(delimiter);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: REPO_ROOT, env: { ...process.env, PATH }, stdio: 'pipe' });
}

/** The `Authorization` value the demo's admin pages and API accept (user `admin`). */
export function basicAuth(password: string): string {
  return `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
}

/** A demo server running in a child process. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`, as printed by the server. */
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, then the exit code (null when it had to be killed). */
  stop(): Promise<number | null>;
  /** SIGKILL (of its whole process group with `processGroup`): a crash, no clean-up. */
  kill(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  readonly dataDir: string;
  readonly adminPassword: string;
  /** Extra environment (e.g. `RATE_LIMIT_MAX`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run the server as the leader of its own process group, which `kill()` kills whole. */
  readonly processGroup?: boolean;
  /** The file to run instead of `src/main.ts` (a test's entry with a fault injected). */
  readonly entry?: string;
}

/**
 * The public services of issue 14 off: a test server never calls the real ones (their
 * variables default to the public URLs). A test gives them its local fakes' URLs in `env`.
 */
export const NO_PUBLIC_SERVICES = { COMPANY_DIRECTORY_URL: '', VIES_URL: '', ADDRESS_API_URL: '' } as const;

/** Starts `src/main.ts` (or `entry`) on a free port (PORT=0) and resolves once it printed its URL. */
export function startServer(options: StartOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: options.dataDir, ADMIN_PASSWORD: options.adminPassword, ...NO_PUBLIC_SERVICES, ...options.env };
  // The child is a server, not a test file: keep node:test's own variables away from it.
  delete env['NODE_TEST_CONTEXT'];
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.processGroup === true });
  const sigkill = (): void => {
    if (options.processGroup && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
        return;
      } catch {
        // The group is gone already: signal the child alone below.
      }
    }
    child.kill('SIGKILL');
  };
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // A test process that ends early (failure, timeout) must not leave a server behind.
  const reap = (): void => sigkill();
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`The demo server did not start within 60 s:\n${output}`)), 60_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      sigkill();
      reject(error);
    };
    void exited.then((code) => fail(new Error(`The demo server exited (${code}) before it was ready:\n${output}`)));
    const onData = (): void => {
      const url = /Account request demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({
        url,
        output: () => output,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const code = await exited;
          clearTimeout(force);
          return code;
        },
        async kill() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          sigkill();
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
  });
}
