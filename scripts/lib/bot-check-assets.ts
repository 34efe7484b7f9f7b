// The bot check's widget (altcha) needs two files beside the chunk that loads it: its
// proof-of-work worker and its style sheet. Neither may be inlined under a strict CSP (a blob:
// worker, a <style> element), so the build copies them, under the names the chunk asks for
// (packages/form/src/bot-check/bot-check.ts), into each folder that holds such a chunk.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// altcha's main entry is dist/main/…: its package root is two folders up.
const ALTCHA = join(dirname(require.resolve('altcha')), '..', '..');

/** The files, from altcha's package to their names beside the chunk. */
export const BOT_CHECK_ASSETS: readonly (readonly [string, string])[] = [
  ['dist/workers/pbkdf2.js', 'account-request-form.altcha-worker.js'],
  ['dist/external/altcha.css', 'account-request-form.altcha.css'],
];

/** Copies the widget's worker and style sheet into each folder of `dirs` (which must exist). */
export function copyBotCheckAssets(dirs: readonly string[]): void {
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new Error(`copyBotCheckAssets: no folder ${dir}`);
    for (const [from, to] of BOT_CHECK_ASSETS) {
      if (!to.endsWith('.css')) copyFileSync(join(ALTCHA, from), join(dir, to));
      // The sheet sets its variables on :root, which a shadow root has none of: linked in the
      // form's shadow root, the checkbox had no size and no focus ring. :host gets them too.
      else writeFileSync(join(dir, to), readFileSync(join(ALTCHA, from), 'utf8').replaceAll(/:root(?=\s*\{)/g, ':root,:host'));
    }
  }
}
