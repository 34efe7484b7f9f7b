// Plain JavaScript so that web-test-runner.config.js can import it as well as the TypeScript
// tooling (scripts/lib/chromium.ts): one place says which Chromium runs and with which flags.
import { existsSync } from 'node:fs';

/**
 * Flags every headless Chromium run here gets: no sandbox (containers, root), no GPU, and no
 * traffic of the browser's own (QUIC, first-run, background networking, updates, sync), since
 * the machines reach no network but loopback and the package registries.
 * @type {readonly string[]}
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * The Chromium binary to drive: `CHROME_PATH`, else Debian's `chromium` (or the older
 * `chromium-browser` name); `undefined` when none is installed. No browser is ever downloaded.
 * @returns {string | undefined}
 */
export function chromiumPath() {
  return process.env['CHROME_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}
