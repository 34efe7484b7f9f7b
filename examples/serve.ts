/**
 * A tiny static server for the examples, with the account-request handler mounted at
 * `/api/account-requests` on in-memory stores. It serves the repository root, so
 * `examples/cms-snippet/index.html` finds the built bundles at their real paths, and every page
 * gets a strict Content-Security-Policy to show the elements need no inline script or style.
 *
 *   npm run build && node --import tsx examples/serve.ts    # PORT=8080 to choose the port
 *
 * For local trials only: the admin routes are open to every caller of this loopback server.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore, type RequestStore } from '@account-request/sdk/server';
import { sendFetchResponse, toFetchRequest } from './vanilla-sdk/node-adapter.js';

/** The policy of every page served here: no inline script, no inline style, no eval. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'; form-action 'self'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Options of {@link startExampleServer}. */
export interface ExampleServerOptions {
  /** Folder served as `/`; default: the repository root. */
  readonly root?: string;
  /** Default: an ephemeral port. */
  readonly port?: number;
  /** Where submissions go; default: a fresh memory store. */
  readonly store?: RequestStore;
  /** Starting config of the handler. */
  readonly initialConfig?: unknown;
}

/** A running example server. */
export interface ExampleServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly store: RequestStore;
  close(): Promise<void>;
}

async function serveFile(root: string, pathname: string, res: ServerResponse): Promise<void> {
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    await stat(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': STRICT_CSP,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/** Starts the server on 127.0.0.1. */
export async function startExampleServer(options: ExampleServerOptions = {}): Promise<ExampleServer> {
  const root = resolve(options.root ?? fileURLToPath(new URL('..', import.meta.url)));
  const store = options.store ?? createMemoryStore();
  const handler = createAccountRequestHandler({
    ...createMemoryConfigStore(options.initialConfig),
    store,
    basePath: '/api/account-requests',
    // Loopback-only trial server: anyone who can reach it is the developer running it.
    authorize: () => true,
  });
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const done = url.pathname.startsWith('/api/account-requests')
      ? handler(toFetchRequest(req, origin)).then((response) => sendFetchResponse(response, res))
      : serveFile(root, url.pathname, res);
    done.catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    store,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}

/** The config inlined in a page's `<script type="application/json">`, so the server validates with the same one. */
export function inlineConfigOf(page: string): unknown {
  const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(page)?.[1];
  if (json === undefined) throw new Error('The page has no inline JSON config.');
  return JSON.parse(json);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const snippet = readFileSync(new URL('cms-snippet/index.html', import.meta.url), 'utf8');
  const server = await startExampleServer({ port: Number(process.env['PORT'] ?? 8080), initialConfig: inlineConfigOf(snippet) });
  console.log(`Form:   ${server.url}/examples/cms-snippet/`);
  console.log(`Editor: ${server.url}/examples/cms-snippet/admin.html`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
