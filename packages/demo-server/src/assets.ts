import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { etag } from 'hono/etag';

/** Files served under `/assets/`. */
export interface AssetPaths {
  /** The single-file build of `<account-request-form>`. */
  readonly formBundle: string;
  /** The single-file build of `<form-field-config>` (its preview fetches the form bundle, served beside it under /assets/). */
  readonly editorBundle: string;
  /** The folder of the page's CSS and images. */
  readonly publicDir: string;
}

/** URL of the form bundle, as a CMS page includes it. */
export const FORM_SCRIPT = '/assets/account-request-form.bundle.js';
/** URL of the editor bundle. */
export const EDITOR_SCRIPT = '/assets/form-field-config.bundle.js';

const require = createRequire(import.meta.url);

/** Where the built bundles and this package's `public/` folder are. */
export function defaultAssetPaths(): AssetPaths {
  const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
  return {
    formBundle: join(packageDir('@account-request/form'), 'dist', 'account-request-form.bundle.js'),
    editorBundle: join(packageDir('@account-request/field-config'), 'dist', 'form-field-config.bundle.js'),
    publicDir: fileURLToPath(new URL('../public/', import.meta.url)),
  };
}

/**
 * Mounts `/assets/*`. The URLs carry no content hash (a CMS template names the bundle by a
 * fixed URL), so browsers may keep a copy but must revalidate it: `no-cache` with a strong
 * ETag, answered by a 304 while the file is unchanged.
 */
export function mountAssets(app: Hono, paths: AssetPaths): void {
  // Outside the ETag middleware, so the 304 it makes carries the header too.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 304) c.res.headers.set('Cache-Control', 'public, no-cache');
  });
  app.use('/assets/*', etag());
  app.get(FORM_SCRIPT, serveStatic({ path: paths.formBundle }));
  app.get(EDITOR_SCRIPT, serveStatic({ path: paths.editorBundle }));
  // The languages beyond fr and en: chunks beside each bundle, which it fetches from its own URL.
  const chunks = (bundle: string) => serveStatic({ root: dirname(bundle), rewriteRequestPath: (path) => path.slice('/assets'.length) });
  app.get('/assets/:chunk{account-request-form\\.[a-z]+(?:-[a-z]+)?\\.js}', chunks(paths.formBundle));
  app.get('/assets/:chunk{form-field-config\\.[a-z]+(?:-[a-z]+)?\\.js}', chunks(paths.editorBundle));
  // The bot check's widget: its style sheet beside each bundle (its worker is matched as a chunk above).
  app.get('/assets/:sheet{account-request-form\\.altcha\\.css}', chunks(paths.formBundle));
  app.get('/assets/*', serveStatic({ root: paths.publicDir, rewriteRequestPath: (path) => path.slice('/assets'.length) }));
}
