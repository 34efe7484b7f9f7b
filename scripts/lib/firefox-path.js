// Plain JavaScript so that web-test-runner.firefox.config.js can import it as well as
// scripts/test.ts: one place says which Firefox runs the second browser suite.
import { existsSync } from 'node:fs';

/**
 * The Firefox binary to drive: `FIREFOX_PATH`, else Debian's `firefox-esr`; `undefined` when none
 * is installed. No browser is ever downloaded.
 * @returns {string | undefined}
 */
export function firefoxPath() {
  return process.env['FIREFOX_PATH'] ?? ['/usr/bin/firefox-esr'].find((path) => existsSync(path));
}
