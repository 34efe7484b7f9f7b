// A server started with a setting it cannot use stops at once with exit code 1 and one plain
// line naming the variable, before it opens anything. Without ADMIN_PASSWORD it generates one
// and prints it on stderr (CONTRACT.md), never into the JSON log on stdout.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NO_PUBLIC_SERVICES, REPO_ROOT } from './test-helpers/server.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const dataDir = join(mkdtempSync(join(tmpdir(), 'demo-startup-')), 'data');
after(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, ADMIN_PASSWORD: 'startup-admin-pw', ...NO_PUBLIC_SERVICES, ...env };
  delete childEnv['NODE_TEST_CONTEXT'];
  for (const [name, value] of Object.entries(env)) if (value === '<unset>') delete childEnv[name];
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}

test('a bad setting: exit 1, one line naming the variable and what it accepts, nothing opened', { timeout: 60_000 }, async () => {
  const cases = [
    [{ PORT: 'eighty' }, 'Configuration error: PORT must be a whole number from 0 to 65535 (got "eighty").'],
    [{ TRUST_PROXY: 'maybe' }, 'Configuration error: TRUST_PROXY must be false, true (one proxy) or the number of proxies in front of the server, 0 to 10 (got "maybe").'],
    [{ LOG_LEVEL: 'loud' }, 'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").'],
  ] as const;
  const results = await Promise.all(cases.map(([env]) => run(env)));
  for (const [index, [env, message]] of cases.entries()) {
    const { code, stdout, stderr } = results[index]!;
    assert.equal(code, 1, JSON.stringify(env));
    assert.equal(stderr, `${message}\n`);
    assert.equal(stdout, '');
  }
  assert.equal(existsSync(dataDir), false, 'no database was created');
});

test('ADMIN_PASSWORD unset without a terminal: a generated password is printed on stderr, not logged, and it opens /admin/', { timeout: 60_000 }, async () => {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, ...NO_PUBLIC_SERVICES };
  delete childEnv['NODE_TEST_CONTEXT'];
  delete childEnv['ADMIN_PASSWORD'];
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  try {
    const [password, url] = await new Promise<[string, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner; stderr: ${stderr}`)), 45_000);
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const password = /Admin credentials: +admin \/ (\S+) +\(generated/.exec(stderr)?.[1];
        const url = /Shop page: +(http:\/\/\S+?)\/\n/.exec(stderr)?.[1];
        if (password && url) {
          clearTimeout(timer);
          resolve([password, url]);
        }
      });
    });
    assert.ok(password.length >= 16, 'a long random password');
    const denied = await fetch(`${url}/admin/`);
    assert.equal(denied.status, 401);
    const admitted = await fetch(`${url}/admin/`, { headers: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` } });
    assert.equal(admitted.status, 200);
    assert.equal(stdout.includes(password), false, 'the JSON log never holds the password');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
  }
});
