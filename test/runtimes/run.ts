// `node --import tsx test/runtimes/run.ts deno|bun|workerd`: runs the handler's smoke suite
// (smoke.ts) in another runtime and writes test-results/runtime-<name>.json for the summary of
// `npm test`. Deno and Bun run serve.ts themselves (their own HTTP server, the SDK's built
// dist/); workerd serves examples/worker, bundled by esbuild, through miniflare, and the suite
// runs here as the client. A runtime whose binary is missing is skipped, or fails under CI=true.
// Nothing is downloaded: Deno runs with --no-remote, --cached-only and the repository's
// node_modules, in a throwaway DENO_DIR; Bun with --no-install.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SmokeResult } from './smoke.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const WORKER = fileURLToPath(new URL('../../examples/worker/worker.ts', import.meta.url));
const SDK_BUILD = join(ROOT, 'packages/sdk/dist/server.js');
const TIMEOUT_MS = 120_000;
const RUNTIMES = ['deno', 'bun', 'workerd'] as const;
type Runtime = (typeof RUNTIMES)[number];

const bin = (name: string): string => join(ROOT, 'node_modules/.bin', name);

/** Runs a runtime's binary on serve.ts, echoing its TAP, and reads the counts it printed. */
function runBinary(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<SmokeResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      output += `\n# killed after ${TIMEOUT_MS} ms\n`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
    child.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const passed = Number(/^# pass (\d+)$/m.exec(output)?.[1] ?? 0);
      const failed = Number(/^# fail (\d+)$/m.exec(output)?.[1] ?? 0);
      // A crash before the summary, or an exit code that disagrees with it, is one more failure.
      resolve({ passed, failed: failed + (code === 0 && passed > 0 ? 0 : failed === 0 ? 1 : 0) });
    });
  });
}

async function runDeno(): Promise<SmokeResult> {
  const denoDir = mkdtempSync(join(tmpdir(), 'deno-dir-'));
  try {
    const env = { ...process.env, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
    return await runBinary(bin('deno'), ['run', '--no-remote', '--cached-only', '--node-modules-dir=manual', '--no-lock', '--no-prompt', '--allow-net=127.0.0.1', SERVE], env);
  } finally {
    rmSync(denoDir, { recursive: true, force: true });
  }
}

function runBun(): Promise<SmokeResult> {
  return runBinary(bin('bun'), ['--no-install', SERVE], { ...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1' });
}

async function runWorkerd(): Promise<SmokeResult> {
  const { build } = await import('esbuild');
  const { Miniflare } = await import('miniflare');
  const { runSmoke } = await import('./smoke.ts');
  const bundle = await build({ entryPoints: [WORKER], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2022', write: false, logLevel: 'warning' });
  const script = bundle.outputFiles[0]?.text ?? '';
  const miniflare = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-26', host: '127.0.0.1', port: 0 });
  try {
    const url = await miniflare.ready;
    const { version } = (await import('workerd/package.json', { with: { type: 'json' } })).default as { version: string };
    return await runSmoke(new URL('/api/account-requests', url).href, `workerd ${version} (miniflare)`);
  } finally {
    await miniflare.dispose();
  }
}

function installed(runtime: Runtime): string | undefined {
  if (runtime === 'workerd') {
    const binary = join(ROOT, 'node_modules/workerd/bin/workerd');
    return existsSync(binary) && existsSync(join(ROOT, 'node_modules/miniflare/package.json')) ? undefined : 'node_modules/workerd/bin/workerd or miniflare is missing';
  }
  return existsSync(bin(runtime)) ? undefined : `node_modules/.bin/${runtime} is missing`;
}

async function main(): Promise<void> {
  const runtime = process.argv[2] as Runtime;
  if (!RUNTIMES.includes(runtime)) throw new Error(`Usage: run.ts ${RUNTIMES.join('|')}`);
  const file = join(ROOT, 'test-results', `runtime-${runtime}.json`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const write = (result: SmokeResult): void => writeFileSync(file, `${JSON.stringify(result)}\n`);

  const missing = installed(runtime) ?? (existsSync(SDK_BUILD) ? undefined : 'packages/sdk/dist is missing: run `npm run build` first');
  if (missing) {
    const ci = process.env['CI'] === 'true';
    console.log(`${ci ? 'FAILED' : 'skipped'}: ${missing}${ci ? ' (CI=true: a missing runtime fails)' : ''}`);
    write({ passed: 0, failed: ci ? 1 : 0 });
    process.exitCode = ci ? 1 : 0;
    return;
  }

  const started = performance.now();
  const result = await (runtime === 'deno' ? runDeno() : runtime === 'bun' ? runBun() : runWorkerd());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${runtime}: ${result.passed} passed, ${result.failed} failed in ${seconds} s`);
  write(result);
  process.exitCode = result.failed === 0 && result.passed > 0 ? 0 : 1;
}

await main();
