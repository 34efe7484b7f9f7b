/**
 * Headless system Chromium for the Node-side tooling (example and end-to-end tests, benches,
 * the screenshot script): playwright-core drives the Debian `chromium` binary (or
 * `CHROME_PATH`); no browser is ever downloaded.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-flags.js';

export { CHROMIUM_ARGS, chromiumPath };

/** Launches headless Chromium with the flags our sandboxed machines need. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install Debian\'s chromium package or set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
