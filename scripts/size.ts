// Builds each single-file bundle with vite and checks its min+brotli size against its budget.
// Exit code 1 when a budget is exceeded; the summary is also written for scripts/test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Budget {
  readonly bundle: string;
  readonly label: string;
  readonly entry: string;
  readonly file: string;
  /** Maximum min+brotli size, in bytes (1 KB = 1000 bytes). */
  readonly max: number;
}

const BUDGETS: readonly Budget[] = [
  { bundle: 'sdk', label: 'SDK browser entry (catalog, config, validation, client)', entry: 'packages/sdk/src/index.ts', file: 'node_modules/.cache/size/sdk.bundle.js', max: 18_000 },
  { bundle: 'form', label: '<account-request-form> bundle', entry: 'packages/form/src/account-request-form/account-request-form.ts', file: 'packages/form/dist/account-request-form.bundle.js', max: 28_000 },
  { bundle: 'field-config', label: '<form-field-config> bundle (with sortablejs and the form)', entry: 'packages/field-config/src/form-field-config/form-field-config.ts', file: 'packages/field-config/dist/form-field-config.bundle.js', max: 50_000 },
];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
let passed = 0;
let failed = 0;

for (const budget of BUDGETS) {
  if (!existsSync(budget.entry)) {
    console.log(`- ${budget.label}: entry ${budget.entry} missing`);
    failed++;
    continue;
  }
  execFileSync('vite', ['build'], { env: { ...process.env, BUNDLE: budget.bundle }, stdio: 'inherit' });
  const code = readFileSync(budget.file);
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = brotli <= budget.max;
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${budget.label}: ${kb(code.length)} min, ${kb(gzip)} gzip, ${kb(brotli)} min+brotli (budget ${kb(budget.max)})`);
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/size.json', JSON.stringify({ passed, failed }));
if (failed > 0) process.exitCode = 1;
