// Browser tests run in the system Chromium (Debian's package), never a downloaded build.
import { readFile } from 'node:fs/promises';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/summary-reporter.js';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium-flags.js';
import { COMPACTED_SOURCES, compactHtmlTemplates } from './scripts/lib/compact-templates.ts';

const mswWorker = new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url);

/** A strict CSP applied to pages under /test/csp/: used by tests that load code in an iframe under that policy. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'";

export default {
  files: ['packages/*/src/**/*.test.ts', 'test/browser/**/*.test.ts', '!**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  concurrency: 2,
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 600000,
  // From a file's page opening to its tests starting (default 20 s): the first load of a file
  // compiles its imports on demand, which a busy CI machine once took over 30 s to do.
  testsStartTimeout: 120000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] },
      // One browser context per test file: msw's service worker unregisters itself when its last
      // client in a context closes, so two files sharing a context could lose each other's mocks.
      // A context of its own also keeps each file's storage (drafts) apart.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        // A file's first load compiles its imports on demand: on a busy machine it has taken
        // longer than puppeteer's default 30 s navigation timeout (testsStartTimeout above is
        // the limit meant to apply).
        page.setDefaultNavigationTimeout(120_000);
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    // The bundles' field templates are compacted (vite.config.ts): the tests render them so too.
    {
      name: 'compact-html-templates',
      transform(context) {
        if (COMPACTED_SOURCES.test(context.path) && typeof context.body === 'string') return { body: compactHtmlTemplates(context.body) };
      },
    },
  ],
  middleware: [
    async function mswWorkerScript(ctx, next) {
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.body = await readFile(mswWorker, 'utf8');
        return;
      }
      await next();
      if (ctx.path.startsWith('/test/csp/')) {
        ctx.set('Content-Security-Policy', STRICT_CSP);
      }
    },
  ],
};
