/**
 * The frame of the in-browser benches (packages/form/bench, packages/field-config/bench): the
 * bench's page script bundled and minified with esbuild, served on 127.0.0.1 behind a one-line
 * HTML page, and opened in the system Chromium once the script has set its entry point on `window`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.js';

/** Options of {@link openBenchPage}. */
export interface BenchPageOptions {
  /** Absolute path of the page script (TypeScript, bundled for the browser). */
  readonly entry: string;
  /** The page's `<title>`. */
  readonly title: string;
  /** The global the page script sets once it is ready to be called. */
  readonly ready: string;
}

/** An open bench page. */
export interface BenchPage {
  /** The Chromium tab showing the page, its script ready. */
  readonly tab: Page;
  /** Size of the minified bundle, in bytes. */
  readonly bundleBytes: number;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Bundles `entry`, serves it on a free loopback port and opens it in headless Chromium. */
export async function openBenchPage({ entry, title, ready }: BenchPageOptions): Promise<BenchPage> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['source', 'browser'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const script = outputFiles[0]?.contents ?? new Uint8Array();
  const page = `<!doctype html><html lang="en"><title>${title}</title><body><script type="module" src="/bench.js"></script></body></html>`;

  const server = createServer((request, response) => {
    if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const browser = await launchChromium();
  const close = async (): Promise<void> => {
    await browser.close();
    server.close();
  };
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction((name) => name in window, ready);
    return { tab, bundleBytes: script.length, close };
  } catch (error) {
    await close();
    throw error;
  }
}
