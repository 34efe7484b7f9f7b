// `npm run bench`: runs every packages/*/bench/*.bench.ts in turn and prints their figures.
// Benchmarks live here, never in timed unit tests.
import { execFileSync } from 'node:child_process';
import { globSync } from 'node:fs';

const files = globSync('packages/*/bench/*.bench.ts').sort();
if (files.length === 0) throw new Error('No benchmark found under packages/*/bench/');
for (const file of files) {
  console.log(`\n━━ ${file}`);
  execFileSync('node', ['--import', 'tsx', file], { stdio: 'inherit' });
}
