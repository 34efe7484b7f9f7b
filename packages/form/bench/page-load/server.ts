// The page-load bench's loopback server: fixed files and pages by path (the query string is
// ignored), uncompressed, never cached by the browser (each load is a fresh context anyway).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Asset } from './assets.js';

/** A running server. */
export interface PageServer {
  readonly origin: string;
  /** Serves `html` at `path` from now on. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startPageServer(files: ReadonlyMap<string, Asset>): Promise<PageServer> {
  const routes = new Map(files);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const asset = routes.get(path);
    if (!asset) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length, 'cache-control': 'no-store' }).end(asset.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    page(path, html) {
      routes.set(path, { type: 'text/html; charset=utf-8', body: Buffer.from(html) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
