import { defineConfig, type Plugin } from 'vite';
import { compactTemplates } from './scripts/lib/compact-templates.ts';

/**
 * Single-file browser bundles, one per `BUNDLE` value: each inlines every dependency
 * (lit, zod, ky, sortablejs, the SDK) so a CMS page needs one `<script type="module">`.
 * `sdk` is only built to measure the SDK browser entry against its size budget.
 */
const targets = {
  sdk: { entry: 'packages/sdk/src/index.ts', outDir: 'node_modules/.cache/size', fileName: 'sdk.bundle.js' },
  form: {
    entry: 'packages/form/src/account-request-form/account-request-form.ts',
    outDir: 'packages/form/dist',
    fileName: 'account-request-form.bundle.js',
  },
  'field-config': {
    entry: 'packages/field-config/src/form-field-config/form-field-config.ts',
    outDir: 'packages/field-config/dist',
    fileName: 'form-field-config.bundle.js',
  },
} as const;

/**
 * The editor's preview imports the form on demand (field-config/src/preview/load-form.ts). In
 * the editor's bundle that import is the form's own single-file bundle, which the build copies
 * beside it (scripts/build.ts): one copy of the form's code, fetched only by editors that show
 * a preview, and none of its modules split into a chunk the editor would import at start.
 */
const FORM_ENTRY = '@account-request/form/account-request-form.js';
function formBundleBeside(): Plugin {
  return {
    name: 'form-bundle-beside',
    enforce: 'pre',
    resolveId(source, _importer, options) {
      if (source !== FORM_ENTRY) return null;
      if (options.kind !== 'dynamic-import') throw new Error(`${FORM_ENTRY} may only be imported on demand in the editor's bundle`);
      return { id: './account-request-form.bundle.js', external: true };
    },
  };
}

type Target = keyof typeof targets;
const name = (process.env['BUNDLE'] ?? 'form') as Target;
const target = targets[name];
if (!target) throw new Error(`Unknown BUNDLE "${name}": expected one of ${Object.keys(targets).join(', ')}`);

export default defineConfig({
  // The field templates' indentation would be a text node per line of every field.
  plugins: [compactTemplates(), ...(name === 'field-config' ? [formBundleBeside()] : [])],
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: target.outDir,
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: { entry: target.entry, formats: ['es'], fileName: () => target.fileName },
    // Vite keeps whitespace and /*@__PURE__*/ comments in ES library output so that a consumer's
    // bundler can tree-shake it again. These bundles are never re-bundled: a CMS page loads them
    // as they are (and the `sdk` one stands for an app's minified output), so minify them fully.
    // Languages beyond fr and en are chunks beside the bundle, named after it
    // (account-request-form.de.js): a page serves them from the bundle's folder.
    rolldownOptions: { output: { minify: true, comments: false, chunkFileNames: `${target.fileName.replace(/\.bundle\.js$/, '')}.[name].js` } },
  },
});
