/**
 * Headless system Chromium for the example tests and the screenshot script: playwright-core
 * drives the Debian `chromium` binary (or `CHROME_PATH`); no browser is ever downloaded.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary to drive, or `undefined` when none is installed. */
export function chromiumPath(): string | undefined {
  return process.env['CHROME_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

/** Launches headless Chromium with the flags our sandboxed machines need. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install Debian\'s chromium package or set CHROME_PATH.');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
