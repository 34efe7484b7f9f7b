// What the page-load bench serves besides its pages: the element's single-file bundle (built
// with the project's vite config, as `npm run build` does, into a cache folder), the probe and
// the hand-written page's script (esbuild, minified) and that page's stylesheet.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A file served as is. */
export interface Asset {
  readonly type: string;
  readonly body: Uint8Array;
}

/** The served files by path, and the bundle's sizes in bytes. */
export interface Assets {
  readonly files: ReadonlyMap<string, Asset>;
  readonly bundle: { readonly path: string; readonly min: number; readonly gzip: number; readonly brotli: number; readonly staticChunks: readonly string[] };
}

const BUNDLE = 'account-request-form.bundle.js';
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Builds the form bundle into `node_modules/.cache/bench-page-load/`, unless `bundlePath` names one already built. */
function formBundle(bundlePath: string | undefined): string {
  if (bundlePath) return bundlePath;
  const outDir = 'node_modules/.cache/bench-page-load';
  execFileSync('vite', ['build', '--outDir', outDir], { env: { ...process.env, BUNDLE: 'form' }, stdio: 'inherit' });
  return `${outDir}/${BUNDLE}`;
}

async function script(entry: string): Promise<Uint8Array> {
  const { outputFiles } = await build({ entryPoints: [here(entry)], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, logLevel: 'warning' });
  const output = outputFiles[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  return output.contents;
}

// The chunks the bundle imports statically: a single-file bundle has none, but when a build
// splits one off, every page load fetches it, so its bytes count with the bundle's.
function staticChunks(folder: string, code: string, seen = new Set<string>()): string[] {
  for (const [, file] of code.matchAll(/(?:^|[;}])import(?:[^'"`;]*?from)?\s*["'](\.\/[^"']+)["']/g)) {
    const name = basename(file ?? '');
    if (seen.has(name)) continue;
    seen.add(name);
    staticChunks(folder, readFileSync(join(folder, name), 'utf8'), seen);
  }
  return [...seen];
}

const brotliSize = (code: Uint8Array) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export async function loadAssets(bundlePath: string | undefined): Promise<Assets> {
  const path = formBundle(bundlePath);
  const code = readFileSync(path);
  const js = 'text/javascript; charset=utf-8';
  const folder = dirname(path);
  const files = new Map<string, Asset>([
    [`/${BUNDLE}`, { type: js, body: code }],
    ['/probe.js', { type: js, body: await script('./probe.ts') }],
    ['/hand-written.js', { type: js, body: await script('./hand-written.client.ts') }],
    ['/hand-written.css', { type: 'text/css; charset=utf-8', body: readFileSync(here('./hand-written.css')) }],
  ]);
  // The chunks beside the bundle (languages, parts some configs need), served as a page would.
  for (const file of readdirSync(folder)) {
    if (file.startsWith('account-request-form.') && file !== BUNDLE && file.endsWith('.js')) files.set(`/${file}`, { type: js, body: readFileSync(join(folder, file)) });
  }
  const chunks = staticChunks(folder, code.toString('utf8'));
  const loaded = [code, ...chunks.map((file) => readFileSync(join(folder, file)))];
  const sum = (measure: (each: Uint8Array) => number) => loaded.reduce((total, each) => total + measure(each), 0);
  return { files, bundle: { path, min: sum((each) => each.length), gzip: sum((each) => gzipSync(each, { level: 9 }).length), brotli: sum(brotliSize), staticChunks: chunks } };
}
