// `npm test`: every suite in order, then one plain line "N passed, N failed" summing them all.
// Each suite runs even when an earlier one failed, so one run shows every problem.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { firefoxPath } from './lib/firefox-path.js';

interface Totals {
  passed: number;
  failed: number;
}

interface Suite {
  readonly name: string;
  readonly command: readonly string[];
  /** Reads the suite's own counts; without it the suite counts as one test. */
  readonly counts?: () => Totals | undefined;
}

const readJson = (file: string): Totals | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Totals) : undefined;

function readTap(file: string): Totals | undefined {
  if (!existsSync(file)) return undefined;
  const tap = readFileSync(file, 'utf8');
  const pass = /^# pass (\d+)$/m.exec(tap);
  const fail = /^# fail (\d+)$/m.exec(tap);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
}

const nodeTestGlobs = ['packages/*/src/**/*.node.test.ts', 'packages/*/test/**/*.node.test.ts', 'examples/**/*.node.test.ts', 'test/**/*.node.test.ts'];

const suites: Suite[] = [
  { name: 'type check (tsc --noEmit, strict)', command: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'build (packages, bundles, manifests)', command: ['npm', 'run', '--silent', 'build'] },
  {
    name: 'unit and server tests (node:test)',
    command: [
      'node', '--import', 'tsx', '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', '--test-reporter-destination=test-results/unit.tap',
      ...nodeTestGlobs,
    ],
    counts: () => readTap('test-results/unit.tap'),
  },
  // The handler's smoke suite in the other runtimes the README names (test/runtimes/).
  ...Object.entries({ deno: 'Deno', bun: 'Bun', workerd: 'workerd (miniflare)' }).map(([runtime, label]) => ({
    name: `handler smoke suite under ${label}`,
    command: ['node', '--import', 'tsx', 'test/runtimes/run.ts', runtime],
    counts: () => readJson(`test-results/runtime-${runtime}.json`),
  })),
  { name: 'browser tests (web-test-runner, system Chromium)', command: ['web-test-runner'], counts: () => readJson('test-results/browser.json') },
  // A second engine for the form's, the editor's and the end-to-end files, when Debian's Firefox ESR is there (CI installs it;
  // under CI=true a missing one fails the suite rather than skipping it).
  ...(process.env['CI'] || firefoxPath()
    ? [{ name: 'form, editor and end-to-end browser tests in Firefox ESR', command: ['web-test-runner', '--config', 'web-test-runner.firefox.config.js'], counts: () => readJson('test-results/browser-firefox.json') }]
    : (console.log('Firefox ESR not found (/usr/bin/firefox-esr or FIREFOX_PATH): its browser suite is skipped; `apt-get install firefox-esr` runs it.'), [])),
  { name: 'size budgets (min+brotli)', command: ['node', '--import', 'tsx', 'scripts/size.ts'], counts: () => readJson('test-results/size.json') },
  { name: 'package checks (publint, are-the-types-wrong)', command: ['node', '--import', 'tsx', 'scripts/check-packages.ts'], counts: () => readJson('test-results/packages.json') },
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
const total: Totals = { passed: 0, failed: 0 };
const lines: string[] = [];

for (const suite of suites) {
  console.log(`\n━━ ${suite.name}\n`);
  const [command, ...args] = suite.command;
  const result = spawnSync(command!, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env['CI'] ? '0' : '1' } });
  const ok = result.status === 0;
  const counts = suite.counts?.() ?? (ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A suite that exits non-zero without a reported failure (a crash, a load error) is one failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  lines.push(`${ok ? '✓' : '✗'} ${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
}

console.log(`\n━━ summary\n\n${lines.join('\n')}\n`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
