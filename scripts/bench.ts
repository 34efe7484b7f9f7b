// `npm run bench`: runs every packages/*/bench/*.bench.ts in turn and prints their figures.
// Benchmarks live here, never in timed unit tests.
// `npm run bench -- page-load render` runs only the benches whose path contains one of the words;
// arguments starting with `--` (e.g. `--loads=20`) are handed to each bench that runs.
import { execFileSync } from 'node:child_process';
import { globSync } from 'node:fs';

const args = process.argv.slice(2);
const words = args.filter((arg) => !arg.startsWith('--'));
const flags = args.filter((arg) => arg.startsWith('--'));
const all = globSync('packages/*/bench/*.bench.ts').sort();
if (all.length === 0) throw new Error('No benchmark found under packages/*/bench/');
const files = words.length === 0 ? all : all.filter((file) => words.some((word) => file.includes(word)));
if (files.length === 0) throw new Error(`No benchmark path contains ${words.join(' or ')}; there are: ${all.join(', ')}`);
for (const file of files) {
  console.log(`\n━━ ${file}`);
  execFileSync('node', ['--import', 'tsx', file, ...flags], { stdio: 'inherit' });
}
