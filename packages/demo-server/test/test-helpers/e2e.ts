// What the Chromium end-to-end tests of the demo server share (packages/demo-server/test and
// test/e2e-security): the hooks that build, launch Chromium, start the server on a temporary
// DATA_DIR and clean up, console-error collection, fetch and CSP watching, axe, and the form fill.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium } from '../../../../scripts/lib/chromium.js';
import { ensureBuilt, startServer, type RunningServer } from './server.js';

/** Options of {@link useDemoE2E}. */
export interface DemoE2EOptions {
  /** Prefix of the temporary DATA_DIR's name. */
  readonly tmpPrefix: string;
  readonly adminPassword: string;
  /** Start the server in the `before` hook (otherwise a test calls `start()`). */
  readonly startBefore: boolean;
}

/** The browser and server of an end-to-end test file, set up by {@link useDemoE2E}. */
export interface DemoE2E {
  /** The temporary DATA_DIR, removed after the tests. */
  readonly dataDir: string;
  /** Headless Chromium, launched in the `before` hook. */
  readonly browser: Browser;
  /** The server last started on `dataDir`. */
  readonly server: RunningServer;
  /** Starts the server on `dataDir` (again, after a `stop()`), as `npm start` would: the demo's defaults. */
  start(): Promise<RunningServer>;
}

/**
 * Registers `before` (build if needed, launch Chromium, optionally start the server) and `after`
 * (close the browser, stop the server, remove DATA_DIR) hooks for the calling test file.
 */
export function useDemoE2E({ tmpPrefix, adminPassword, startBefore }: DemoE2EOptions): DemoE2E {
  const dataDir = mkdtempSync(join(tmpdir(), tmpPrefix));
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  const e2e: DemoE2E = {
    dataDir,
    get browser() {
      if (!browser) throw new Error('Chromium is launched in the before hook.');
      return browser;
    },
    get server() {
      if (!server) throw new Error('The demo server is not started.');
      return server;
    },
    async start() {
      server = await startServer({ dataDir, adminPassword });
      return server;
    },
  };
  before(async () => {
    ensureBuilt();
    browser = await launchChromium();
    if (startBefore) await e2e.start();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return e2e;
}

/** Collects what would show in the console as an error: script errors, failed loads, CSP refusals. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * Watches `page` from before it navigates: the paths it fetches, and the refusals its own CSP
 * makes (`securitypolicyviolation`, recorded by an init script, which CSP does not govern).
 */
export async function watchPage(page: Page): Promise<{ readonly fetched: string[]; readonly violations: () => Promise<string[]> }> {
  const fetched: string[] = [];
  page.on('request', (request) => void fetched.push(new URL(request.url()).pathname));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return { fetched, violations: () => page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations) };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations inside the first element matching `selector` on `page`, as `id (nodes)`. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (context) => {
    const run = (globalThis as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const report = await run.run(document.querySelector(context)!, { resultTypes: ['violations'] });
    return report.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, selector);
}

/**
 * Fills `<account-request-form>` on `page` with `values` (by control name), checks the
 * confirmation box and clicks submit; resolves with the answer to the POST it sends.
 */
export async function fillAndSubmit(page: Page, values: Readonly<Record<string, string>>): Promise<Response> {
  for (const [name, value] of Object.entries(values)) await page.locator(`account-request-form [name="${name}"]`).fill(value);
  await page.locator('account-request-form [name="confirmed"]').check();
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/account-requests') && response.request().method() === 'POST');
  await page.locator('account-request-form [part~="submit"]').click();
  return posted;
}
