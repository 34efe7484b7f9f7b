// The server of `npm start` and production (see docs/deployment.md), started by main.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDemoApp, type DemoAppOptions } from './app.js';
import { missingPublicUrl, readSettings, type ServerSettings } from './env.js';
import { createLogger } from './logger.js';
import { gracefulShutdown } from './shutdown.js';

function baseUrl(settings: ServerSettings, port: number): string {
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return `http://${host}:${port}`;
}

// For a person at a terminal (`npm start`), or whoever started the server without
// ADMIN_PASSWORD: where to go, and the generated password, which never goes to the JSON log.
function banner(settings: ServerSettings, url: string, outboxDir: string): string {
  const limit = settings.rateLimit ? `${settings.rateLimit.max} per ${Math.round(settings.rateLimit.windowMs / 1000)} s per address` : 'off';
  return [
    '',
    `  Shop page:             ${url}/`,
    `  Admin (field editor):  ${url}/admin/`,
    `  Admin (requests):      ${url}/admin/requests/`,
    `  Admin credentials:     admin / ${settings.passwordGenerated ? `${settings.adminPassword}   (generated for this run; set ADMIN_PASSWORD to choose one)` : '$ADMIN_PASSWORD'}`,
    `  API:                   ${url}/api/account-requests`,
    `  Data:                  ${settings.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : settings.dataDir}`,
    `  E-mails:               ${settings.smtpUrl ? 'sent through SMTP_URL' : `.eml files in ${outboxDir}`}`,
    `  Submission rate limit: ${limit}`,
    '',
    '  Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** What a test may change in the server {@link runServer} starts; production passes nothing. */
export interface RunHooks {
  /** Wraps the SQLite store before the site uses it (fault injection). */
  readonly wrapStore?: DemoAppOptions['wrapStore'];
}

/**
 * Reads the environment, starts the server, logs JSON lines to stdout (pino), and stops
 * gracefully on SIGTERM or SIGINT. Throws a `SettingsError` for a bad environment.
 */
export async function runServer(hooks: RunHooks = {}): Promise<void> {
  const settings = readSettings(process.env);
  const logger = createLogger({ level: settings.logLevel });
  // Safe without it (no link follows a Host header), but the links would not work: said at start.
  const missing = missingPublicUrl(settings);
  if (missing) {
    logger.warn({ host: settings.host, trustProxy: settings.trustProxy }, missing);
    process.stderr.write(`Warning: ${missing}\n`);
  }
  // Guessing is slowed (admin-guard.ts), not stopped: a short password still falls to patience.
  if (!settings.passwordGenerated && settings.adminPassword.length < 12) logger.warn({ length: settings.adminPassword.length }, 'ADMIN_PASSWORD is shorter than 12 characters: choose a longer one');
  const app = await createDemoApp({
    dataDir: settings.dataDir,
    ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
    retryIntervalMs: settings.outboxIntervalMs,
    outboxLockMs: settings.outboxLockMs,
    adminPassword: settings.adminPassword,
    rateLimit: settings.rateLimit,
    mail: { ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}), ...(settings.mailFrom ? { from: settings.mailFrom } : {}) },
    logger,
    trustProxy: settings.trustProxy,
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(hooks.wrapStore ? { wrapStore: hooks.wrapStore } : {}),
    webhooks: { ...(settings.webhook ? { endpoint: settings.webhook } : {}), allowPrivate: settings.webhookAllowPrivate },
    ...(settings.altchaHmacKey ? { botCheck: { hmacKey: settings.altchaHmacKey } } : {}),
    lookups: settings.lookups,
  });

  const server = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, (info: AddressInfo) => {
    const url = baseUrl(settings, info.port);
    // Tests and benches find the URL in this message: keep its wording.
    logger.info(
      {
        url,
        dataDir: settings.dataDir,
        database: settings.databaseUrl ? 'postgres' : 'sqlite',
        mail: settings.smtpUrl ? 'smtp' : 'eml-files',
        rateLimit: settings.rateLimit,
        trustProxy: settings.trustProxy,
        // Which public services are on; their URLs stay out of the log.
        lookups: { company: settings.lookups.companyDirectoryUrl !== undefined, vies: settings.lookups.viesUrl !== undefined, address: settings.lookups.addressApiUrl !== undefined },
      },
      `Account request demo: ${url}/`,
    );
    // The contract promises a generated password is printed: it goes to stderr with the banner,
    // never into the JSON log on stdout, whether or not a terminal is attached.
    if (process.stderr.isTTY || settings.passwordGenerated) process.stderr.write(banner(settings, url, app.outboxDir));
  }) as Server;

  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal({ err: error }, error.code === 'EADDRINUSE' ? `Port ${settings.port} is in use: set PORT to another one.` : 'The server could not listen.');
    void app.close();
    process.exitCode = 1;
  });

  const stop = gracefulShutdown({ server, close: () => app.close(), logger, timeoutMs: settings.shutdownTimeoutMs });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
