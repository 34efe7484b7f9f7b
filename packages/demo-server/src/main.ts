// `npm start`: reads the environment, starts the demo on 127.0.0.1, prints where it is and how
// to sign in, and closes the server and the database on Ctrl+C or SIGTERM.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDemoApp } from './app.js';
import { readSettings, SettingsError } from './env.js';

// Open keep-alive connections (a browser tab) would hold `server.close()` forever.
const FORCE_CLOSE_AFTER_MS = 3000;

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const app = await createDemoApp({
    dataDir: settings.dataDir,
    adminPassword: settings.adminPassword,
    rateLimit: settings.rateLimit,
    mail: { ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}), ...(settings.mailFrom ? { from: settings.mailFrom } : {}) },
  });

  const server = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, (info: AddressInfo) => {
    const url = `http://${settings.host}:${info.port}`;
    const limit = settings.rateLimit ? `${settings.rateLimit.max} per ${Math.round(settings.rateLimit.windowMs / 1000)} s per address` : 'off';
    console.log(
      [
        '',
        `  Account request demo: ${url}/`,
        `  Admin (field editor):  ${url}/admin/`,
        `  Admin (requests):      ${url}/admin/requests/`,
        `  Admin credentials:     admin / ${settings.adminPassword}${settings.passwordGenerated ? '   (generated for this run; set ADMIN_PASSWORD to choose one)' : ''}`,
        `  API:                   ${url}/api/account-requests`,
        `  Data:                  ${settings.dataDir}`,
        `  E-mails:               ${settings.smtpUrl ? 'sent through SMTP_URL' : `.eml files in ${app.outboxDir}`}`,
        `  Submission rate limit: ${limit}`,
        '',
        '  Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${settings.port} is in use: set PORT to another one.` : error);
    app.close();
    process.exitCode = 1;
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, FORCE_CLOSE_AFTER_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      app.close();
      console.log('Stopped.');
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exitCode = 1;
});
