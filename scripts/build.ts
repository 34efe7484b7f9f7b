// `npm run build`: ESM + .d.ts of each package (tsc), the single-file browser bundles (vite),
// the demo server's JavaScript and the custom-elements.json of each element package (Custom
// Elements Manifest analyzer).
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { copyBotCheckAssets } from './lib/bot-check-assets.js';

const run = (command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  execFileSync(command, args, { stdio: 'inherit', ...options });

for (const pkg of ['sdk', 'form', 'field-config', 'postgres']) {
  rmSync(`packages/${pkg}/dist`, { recursive: true, force: true });
  run('tsc', ['-p', `packages/${pkg}/tsconfig.build.json`]);
}

for (const bundle of ['form', 'field-config']) {
  run('vite', ['build'], { env: { ...process.env, BUNDLE: bundle } });
}
// Beside every bot-check chunk: the ES build's (dist/bot-check/) and the form bundle's (dist/).
copyBotCheckAssets(['packages/form/dist/bot-check', 'packages/form/dist']);
// The editor's bundle fetches its preview's form from its own folder (vite.config.ts): the
// form's bundle, its chunks and the bot check's files go beside it, as they are.
for (const file of readdirSync('packages/form/dist')) {
  if (/^account-request-form\.[\w-]+\.(?:js|css)$/.test(file)) copyFileSync(`packages/form/dist/${file}`, `packages/field-config/dist/${file}`);
}

// The server as plain JavaScript, so production runs `node packages/demo-server/dist/main.js`
// without tsx (docs/deployment.md); after the packages whose dist/ it imports.
rmSync('packages/demo-server/dist', { recursive: true, force: true });
run('tsc', ['-p', 'packages/demo-server/tsconfig.build.json']);

for (const pkg of ['form', 'field-config']) {
  run('custom-elements-manifest', ['analyze', '--litelement', '--globs', 'src/**/*.component.ts', '--exclude', 'src/**/*.test.ts', '--outdir', '.'], {
    cwd: `packages/${pkg}`,
  });
}
