// Assets for a demo app under test: the pages name the bundles, but no test needs the real
// builds, so empty modules stand in for them (no `npm run build` before the unit tests).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetPaths } from '../assets.js';

/** Writes stub form and editor bundles under `root/bundles`; the paths with this package's `public/`. */
export function stubAssetPaths(root: string): AssetPaths {
  const bundles = join(root, 'bundles');
  mkdirSync(bundles, { recursive: true });
  const formBundle = join(bundles, 'form.js');
  const editorBundle = join(bundles, 'editor.js');
  writeFileSync(formBundle, 'export {};\n');
  writeFileSync(editorBundle, 'export {};\n');
  // One language chunk of each, served beside its bundle.
  writeFileSync(join(bundles, 'account-request-form.de.js'), 'export {};\n');
  writeFileSync(join(bundles, 'form-field-config.editor-de.js'), 'export {};\n');
  return { formBundle, editorBundle, publicDir: fileURLToPath(new URL('../../public/', import.meta.url)) };
}
