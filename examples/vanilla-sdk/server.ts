/**
 * The server half of the vanilla example: `createAccountRequestHandler` mounted on a plain
 * `node:http` server (no framework), plus the page and its script, bundled on first request
 * with esbuild so the example has no build step of its own.
 *
 *   node --import tsx examples/vanilla-sdk/server.ts    # PORT=3000 by default
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore, type RequestStore } from '@account-request/sdk/server';
import { sendFetchResponse, toFetchRequest } from './node-adapter.js';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** The same policy as a strict production site: the page's script is a file, styles too. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** A running vanilla example server. */
export interface VanillaServer {
  readonly url: string;
  readonly store: RequestStore;
  close(): Promise<void>;
}

async function bundleBrowserScript(): Promise<string> {
  const result = await build({ entryPoints: [here('browser.ts')], bundle: true, format: 'esm', target: 'es2022', minify: true, write: false });
  return result.outputFiles[0]?.text ?? '';
}

/** Starts the example on 127.0.0.1 (`port` 0: any free port). */
export async function startVanillaServer(port = 0, store: RequestStore = createMemoryStore()): Promise<VanillaServer> {
  const config: unknown = JSON.parse(await readFile(here('config.json'), 'utf8'));
  const handler = createAccountRequestHandler({
    ...createMemoryConfigStore(config),
    store,
    basePath: '/api/account-requests',
    // No `authorize`: the admin routes (list, PUT config) stay refused with 403.
  });
  let script: Promise<string> | undefined;
  const assets: Readonly<Record<string, () => Promise<[string, string]>>> = {
    '/': async () => ['text/html; charset=utf-8', await readFile(here('index.html'), 'utf8')],
    '/app.css': async () => ['text/css; charset=utf-8', await readFile(here('app.css'), 'utf8')],
    '/app.js': async () => ['text/javascript; charset=utf-8', await (script ??= bundleBrowserScript())],
  };
  let origin = '';
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', origin);
    const asset = assets[pathname];
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const done = pathname.startsWith('/api/account-requests')
      ? handler(toFetchRequest(req, origin)).then((response) => sendFetchResponse(response, res))
      : asset
        ? asset().then(([type, body]) => void res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CSP }).end(body))
        : Promise.resolve(void res.writeHead(404).end());
    done.catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    store,
    close: () =>
      new Promise<void>((done, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : done()));
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startVanillaServer(Number(process.env['PORT'] ?? 3000));
  console.log(`Vanilla SDK example: ${server.url}/`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
