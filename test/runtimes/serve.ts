// Run by Deno and Bun themselves (see run.ts): serves examples/worker, the SDK handler on memory
// stores, with the runtime's own HTTP server on loopback, runs the smoke suite against it over
// HTTP, and exits 0 only when every check passed. The worker imports the SDK by its package
// name, which both runtimes resolve through node_modules to the built dist/.
import { defaultConfig } from '@account-request/sdk';
import { createWorker } from '../../examples/worker/worker.ts';
import { runSmoke } from './smoke.ts';

type Fetch = (request: Request) => Promise<Response>;

interface DenoServer {
  readonly addr: { readonly port: number };
  shutdown(): Promise<void>;
}
interface DenoLike {
  readonly version: { readonly deno: string };
  serve(options: { hostname: string; port: number; onListen?: () => void }, handler: Fetch): DenoServer;
  exit(code: number): never;
}
interface BunServer {
  readonly port: number;
  stop(closeActiveConnections?: boolean): Promise<void> | void;
}
interface BunLike {
  readonly version: string;
  serve(options: { hostname: string; port: number; fetch: Fetch }): BunServer;
}

const runtime = globalThis as unknown as { Deno?: DenoLike; Bun?: BunLike; process?: { exit(code: number): never } };
// With an optional file field, so the smoke suite also sends files through the parser and the type detector.
const kbis = { id: 'kbis', type: 'file', label: 'Kbis', accept: ['pdf'] };
const worker = createWorker({ initialConfig: { ...defaultConfig(), customFields: [kbis], fields: [...defaultConfig().fields, { id: 'kbis', displayed: true }] } });
const fetchHandler: Fetch = (request) => worker.fetch(request);

let name: string;
let port: number;
let stop: () => Promise<void>;
if (runtime.Deno) {
  const server = runtime.Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, fetchHandler);
  name = `Deno ${runtime.Deno.version.deno}`;
  port = server.addr.port;
  stop = () => server.shutdown();
} else if (runtime.Bun) {
  const server = runtime.Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: fetchHandler });
  name = `Bun ${runtime.Bun.version}`;
  port = server.port;
  stop = async () => void (await server.stop(true));
} else {
  throw new Error('serve.ts runs under Deno or Bun; for Node and workerd see run.ts');
}

const result = await runSmoke(`http://127.0.0.1:${port}/api/account-requests`, name);
await stop();
const code = result.failed === 0 && result.passed > 0 ? 0 : 1;
if (runtime.Deno) runtime.Deno.exit(code);
else runtime.process?.exit(code);
