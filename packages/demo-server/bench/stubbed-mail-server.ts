// The demo site on a temporary DATA_DIR with an e-mail notifier that does nothing, for the
// submissions bench: what a durable submission costs without rendering and sending its e-mails.
// Reports its URL to the parent process over IPC.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDemoApp } from '../src/app.js';

const app = await createDemoApp({
  dataDir: process.env['DATA_DIR']!,
  adminPassword: 'bench-submissions-password',
  rateLimit: false,
  notifier: { notify: async () => undefined },
});
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => process.send?.({ url: `http://127.0.0.1:${info.port}` }));
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
