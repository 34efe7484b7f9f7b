// Plain JavaScript so that web-test-runner.firefox.config.js can import it as well as
// scripts/test.ts: one place says which Firefox runs the second browser suite.
import { existsSync } from 'node:fs';

/** Where Debian's `firefox-esr` package puts the browser. */
export const FIREFOX_ESR = '/usr/bin/firefox-esr';

/**
 * The Firefox binary to drive: `FIREFOX_PATH`, else Debian's `firefox-esr`; `undefined` when none
 * is installed. No browser is ever downloaded.
 * @returns {string | undefined}
 */
export function firefoxPath() {
  return process.env['FIREFOX_PATH'] ?? (existsSync(FIREFOX_ESR) ? FIREFOX_ESR : undefined);
}
