// The form's and the editor's browser files and the end-to-end ones (test/browser/: the form and
// the editor against the real handler, faults, hostile input, languages) again in Debian's
// Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH), driven through WebDriver BiDi by the
// puppeteer-core web-test-runner already uses: a second engine, never a downloaded one. The
// SDK's files and three of the editor's (below) stay Chromium's.
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import base from './web-test-runner.config.js';
import { FIREFOX_ESR, firefoxPath } from './scripts/lib/firefox-path.js';
import { summaryReporter } from './test/summary-reporter.js';

export default {
  ...base,
  files: [
    'packages/form/src/**/*.test.ts',
    'test/browser/**/*.test.ts',
    'packages/field-config/src/**/*.test.ts',
    '!**/*.node.test.ts',
    // Chromium's only: the pointer drags set reduced motion through CDP (emulateMedia), and the
    // CSP page's srcdoc frame names 'self', which Firefox does not read as the parent's origin
    // there (w3c/webappsec-csp#405); a page served with the header works in Firefox.
    '!packages/field-config/src/field-rows/field-rows.test.ts',
    '!packages/field-config/src/field-rows/steps.test.ts',
    '!packages/field-config/src/form-field-config/csp.test.ts',
  ],
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter('test-results/browser-firefox.json')],
  browsers: [
    chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefoxPath() ?? FIREFOX_ESR, headless: true },
      async createPage({ browser }) {
        const page = await browser.newPage();
        // As in web-test-runner.config.js: a first load once took longer than puppeteer's 30 s here.
        page.setDefaultNavigationTimeout(120_000);
        // web-test-runner sets the viewport on every page; this Firefox answers the BiDi command
        // that comes with it (a screen orientation) "unknown command". The default size stays.
        page.setViewport = async () => {};
        return page;
      },
    }),
  ],
};
