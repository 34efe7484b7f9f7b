// The form's browser files and the end-to-end ones (test/browser/: the form and the editor against
// the real handler, faults, hostile input, languages) again in Debian's Firefox ESR
// (/usr/bin/firefox-esr, or FIREFOX_PATH), driven through WebDriver BiDi by the puppeteer-core
// web-test-runner already uses: a second engine, never a downloaded one. The editor's and the
// SDK's files stay Chromium's: some drive CDP-only commands (emulated media, reduced motion).
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import base from './web-test-runner.config.js';
import { FIREFOX_ESR, firefoxPath } from './scripts/lib/firefox-path.js';
import { summaryReporter } from './test/summary-reporter.js';

export default {
  ...base,
  files: ['packages/form/src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter('test-results/browser-firefox.json')],
  browsers: [
    chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefoxPath() ?? FIREFOX_ESR, headless: true },
      async createPage({ browser }) {
        const page = await browser.newPage();
        // web-test-runner sets the viewport on every page; this Firefox answers the BiDi command
        // that comes with it (a screen orientation) "unknown command". The default size stays.
        page.setViewport = async () => {};
        return page;
      },
    }),
  ],
};
