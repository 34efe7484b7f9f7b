// Checks what each package would publish: publint for the package.json/exports map and files,
// are-the-types-wrong for the types each export condition resolves to. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFileSync } from 'node:fs';

const PACKAGES = ['packages/sdk', 'packages/form', 'packages/field-config', 'packages/postgres'];
let passed = 0;
let failed = 0;

for (const dir of PACKAGES) {
  const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true });
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as Record<string, unknown>;
  if (messages.length === 0) {
    passed++;
    console.log(`✓ publint ${dir}`);
  } else {
    failed++;
    console.log(`✗ publint ${dir}`);
    for (const message of messages) console.log(`  - ${formatMessage(message, pkg) ?? message.code}`);
  }

  // ESM-only packages: the `node10` (CommonJS-era) resolution is deliberately not supported.
  const attw = spawnSync('attw', ['--pack', dir, '--profile', 'esm-only', '--format', 'ascii'], { encoding: 'utf8' });
  if (attw.status === 0) {
    passed++;
    console.log(`✓ are-the-types-wrong ${dir}`);
  } else {
    failed++;
    console.log(`✗ are-the-types-wrong ${dir}\n${attw.stdout}${attw.stderr}`);
  }
}

// A single-file bundle fetches its chunks (and the editor's preview, the form's bundle) from its
// own folder: each file it or its chunks name must be there, as published.
for (const bundle of ['packages/form/dist/account-request-form.bundle.js', 'packages/field-config/dist/form-field-config.bundle.js']) {
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) return void missing.push(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/import\(\s*[`'"]\.\/([^`'"]+)[`'"]\s*\)/g)) visit(file.replace(/[^/]+$/, match[1] as string));
  };
  visit(bundle);
  if (missing.length === 0) {
    passed++;
    console.log(`✓ ${bundle}: the ${seen.size - 1} files it fetches are beside it`);
  } else {
    failed++;
    console.log(`✗ ${bundle}: it fetches files that are not beside it: ${missing.join(', ')}`);
  }
}

mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/packages.json', JSON.stringify({ passed, failed }));
if (failed > 0) process.exitCode = 1;
