/**
 * The SDK handler on PostgreSQL with `@account-request/postgres`: every store (requests,
 * processing, activation tokens, the e-mail outbox, rate limits, the config) from one call,
 * an outbox worker, and a clean shutdown. Run as many copies as you like on one database.
 *
 *   DATABASE_URL=postgres://user:pass@127.0.0.1:5432/shop node --import tsx examples/postgres-store/server.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccountRequestHandler, createOutbox, type Notifier } from '@account-request/sdk/server';
import { createPostgresStores } from '@account-request/postgres';
// The few lines that put a fetch-style handler on node:http, shared with the vanilla example.
import { sendFetchResponse, toFetchRequest } from '../vanilla-sdk/node-adapter.js';

/** A running example server. */
export interface PostgresExample {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the example on 127.0.0.1 (`port` 0: any free port). */
export async function startPostgresExample(options: { databaseUrl: string; notifier: Notifier; port?: number; adminToken?: string }): Promise<PostgresExample> {
  // Migrates the schema on first start (once, whatever the number of instances starting).
  const pg = await createPostgresStores({ connectionString: options.databaseUrl });
  const handler = createAccountRequestHandler({
    ...pg.config,
    store: pg.store,
    basePath: '/api/account-requests',
    authorize: (request) => options.adminToken !== undefined && request.headers.get('Authorization') === `Bearer ${options.adminToken}`,
    // Counted in the database: the limit holds across every instance.
    rateLimit: { max: 20, windowMs: 10 * 60_000, store: pg.rateLimits },
    notifier: options.notifier,
  });
  // Each instance runs a worker; the outbox gives every e-mail to one of them.
  const outbox = createOutbox({ store: pg.store, notifier: options.notifier });
  const worker = setInterval(() => void outbox.deliver().catch((error: unknown) => console.error(error)), 30_000);
  worker.unref();

  let origin = '';
  const server = createServer((req, res) => {
    handler(toFetchRequest(req, origin))
      .then((response) => sendFetchResponse(response, res))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    async close() {
      clearInterval(worker);
      await new Promise<void>((done) => server.close(() => done()));
      await pg.close();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('Set DATABASE_URL=postgres://…');
  const example = await startPostgresExample({
    databaseUrl,
    port: Number(process.env['PORT'] ?? 3000),
    // Prints instead of sending: plug nodemailer or your provider's API here.
    notifier: { notify: async (message) => console.log(`e-mail to ${message.to}: ${message.subject}`) },
    ...(process.env['ADMIN_TOKEN'] ? { adminToken: process.env['ADMIN_TOKEN'] } : {}),
  });
  console.log(`PostgreSQL example: ${example.url}/api/account-requests`);
  process.once('SIGTERM', () => void example.close());
  process.once('SIGINT', () => void example.close());
}
