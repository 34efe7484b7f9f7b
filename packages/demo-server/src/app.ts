import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { defaultConfig, type FormConfig } from '@account-request/sdk';
import { createAccountRequestHandler, createOutbox, DEFAULT_LOOKUP_RATE_LIMIT, problem, type Notifier, type ProcessingStore, type RateLimitOptions, type RetentionReport } from '@account-request/sdk/server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { defaultAssetPaths, EDITOR_SCRIPT, FORM_SCRIPT, mountAssets, type AssetPaths } from './assets.js';
import { createAdminGuard } from './admin-guard.js';
import { challengeHeaders } from './auth.js';
import { clientAddress } from './client-address.js';
import { adminPage } from './pages/admin.js';
import { notFoundPage } from './pages/not-found.js';
import { shopPage } from './pages/shop.js';
import { pageLocale } from './pages/text.js';
import { mountHealth } from './health.js';
import { maskedError, silentLogger, type Logger } from './logger.js';
import { isLoopbackHost } from './loopback.js';
import { loggedNotifier } from './mail-log.js';
import { createMailNotifier } from './mailer.js';
import { MAX_FORM_BYTES, mountProcessingPages } from './processing-routes.js';
import { setupRetention } from './retention.js';
import { requestLog } from './request-log.js';
import { securityHeaders } from './security.js';
import type { SqliteStore } from './sqlite-store.js';
import { DATABASE_FILE, openDemoStores, type DemoStores } from './stores.js';
import { createSqliteRateLimits } from './sqlite-rate-limit.js';
import { mountWebhookPages } from './webhook-routes.js';
import { setupDemoWebhooks, type DemoWebhookOptions, type DemoWebhooks } from './webhooks.js';
import { setupDemoLookups, type DemoLookupOptions, type DemoLookups } from './lookups.js';

/** Where the demo mounts the SDK handler (CONTRACT.md). */
export const API_BASE = '/api/account-requests';

/** Name of the SQLite file inside `dataDir`. */
export { DATABASE_FILE };

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** Folder of the SQLite database (unless `databaseUrl`) and of the `.eml` files; created when missing. */
  readonly dataDir: string;
  /** `postgres://…` (`DATABASE_URL`): every store on PostgreSQL instead of SQLite, safe with several instances. */
  readonly databaseUrl?: string;
  /** Password of the `admin` user for `/admin/` and the admin API. */
  readonly adminPassword: string;
  /** Submissions per client address and window; `false` turns the limit off. Default 20 per 10 minutes. */
  readonly rateLimit?: Pick<RateLimitOptions, 'max' | 'windowMs'> | false;
  /** Bundle and public file locations; default: the built packages and this package's `public/`. */
  readonly assets?: AssetPaths;
  /** The config stored on first start; default {@link seedConfig}. */
  readonly seed?: FormConfig;
  /** E-mail delivery: `.eml` files under `dataDir/outbox/` unless `smtpUrl` is set. */
  readonly mail?: { readonly from?: string; readonly smtpUrl?: string };
  /** Replaces the nodemailer notifier (tests). */
  readonly notifier?: Notifier;
  /** How often failed e-mails are retried; default 30 s. */
  readonly retryIntervalMs?: number;
  /** How often the retention setting (`settings.retentionDays`) erases expired requests; default hourly (and once at start). */
  readonly retentionIntervalMs?: number;
  /**
   * How long this instance holds an e-mail it is sending; default 2 minutes. Past it (the
   * instance died mid-send) another instance's worker sends it.
   */
  readonly outboxLockMs?: number;
  /**
   * The origin people open (`PUBLIC_URL`), that links in e-mails are built on. Without it, a
   * link goes to the origin the request came to only when that is a loopback one (a developer's
   * machine), and to `http://localhost` otherwise: never to a `Host` header someone else sent.
   */
  readonly publicUrl?: string;
  /** Where requests, e-mail deliveries and errors are logged; default none. */
  readonly logger?: Logger;
  /**
   * How many reverse proxies stand in front (`TRUST_PROXY`): the rate limit then takes the client
   * address from `X-Forwarded-For` (see `clientAddress`). Default 0: the socket's peer.
   */
  readonly trustProxy?: number;
  /** Wraps the SQLite store before the site uses it (fault-injection tests: see `test/test-helpers/freeze-after-commit.ts`). */
  readonly wrapStore?: (store: SqliteStore) => SqliteStore;
  /** Webhooks: the environment's endpoint, private addresses, retries (docs/webhooks.md). Sent by the retry timer too. */
  readonly webhooks?: DemoWebhookOptions;
  /**
   * The bot check (`ALTCHA_HMAC_KEY`): offered when given, asked of the form when its config
   * switches it on. Used solutions are remembered in the database, so every instance refuses a reuse.
   */
  readonly botCheck?: { readonly hmacKey: string; readonly cost?: number; readonly expiresInSeconds?: number };
  /**
   * The public services (issue 14): company prefill and register checks, VIES checks, address
   * suggestions, each off unless its base URL is given (main.ts gives the environment's, the
   * public ones by default). Due checks run on the retry timer too.
   */
  readonly lookups?: DemoLookupOptions;
}

/** A demo server, ready to be given to a Node adapter or called directly in tests (on SQLite unless `S` says otherwise). */
export interface DemoApp<S extends ProcessingStore = SqliteStore> {
  /** The fetch handler of the whole site. */
  readonly fetch: (request: Request, env?: unknown) => Promise<Response>;
  /** The SQLite store, or the PostgreSQL one with `databaseUrl`. */
  readonly store: S;
  /** The folder of the `.eml` files. */
  readonly outboxDir: string;
  /** Runs the e-mail retry loop once (the timer does it every `retryIntervalMs`). */
  retryMail(): Promise<void>;
  /** Runs the webhook retry loop once (the same timer does it). */
  retryWebhooks(): Promise<void>;
  /** Runs the due checks of stored requests once (VIES, register; the same timer does it). */
  runChecks(): Promise<void>;
  /** Applies the retention setting once, at `now` (the timer does it every `retentionIntervalMs`). */
  applyRetention(now?: Date): Promise<RetentionReport>;
  /** Resolves once the e-mail deliveries started after answering (submissions) have ended. */
  settled(): Promise<void>;
  /**
   * Stops the retry loop, waits for the e-mail batch in progress (and the deliveries started
   * after submissions), then closes the database. With none running the database is closed
   * before this returns.
   */
  close(): Promise<void>;
}

/** Name of the folder of `.eml` files inside `dataDir`. */
export const OUTBOX_DIR = 'outbox';

/** The `From` of the demo's e-mails when `MAIL_FROM` is unset. */
export const DEFAULT_MAIL_FROM = 'Comptoir Duval <no-reply@comptoir-duval.example>';

/** How many requests the admin page lists. */
const RECENT_REQUESTS = 20;

/** The default rate limit of submissions: 20 per client address per 10 minutes. */
export const DEFAULT_RATE_LIMIT = { max: 20, windowMs: 10 * 60 * 1000 } as const;

/** The config of a fresh demo: the SDK's defaults with a confirmation message in French and English. */
export function seedConfig(): FormConfig {
  const config = defaultConfig();
  return {
    ...config,
    settings: {
      ...config.settings,
      alertEmail: 'ventes@comptoir-duval.example',
      confirmation: {
        message: {
          fr: 'Merci ! Votre demande d’ouverture de compte professionnel est bien enregistrée. Notre service commercial la vérifie et revient vers vous par e-mail sous un jour ouvré.',
          en: 'Thank you! Your business account request is saved. Our sales team will review it and get back to you by e-mail within one working day.',
        },
      },
    },
  };
}

/**
 * Builds the demo site: the shop page at `/`, the editor at `/admin/` (HTTP Basic), the SDK
 * handler at {@link API_BASE} over a SQLite store in `dataDir` (or PostgreSQL at `databaseUrl`),
 * and the static assets.
 */
export async function createDemoApp(options: DemoAppOptions & { readonly databaseUrl?: undefined }): Promise<DemoApp<SqliteStore>>;
export async function createDemoApp(options: DemoAppOptions): Promise<DemoApp<ProcessingStore>>;
export async function createDemoApp(options: DemoAppOptions): Promise<DemoApp<ProcessingStore>> {
  const stores = await openDemoStores({
    dataDir: options.dataDir,
    seed: options.seed ?? seedConfig(),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.wrapStore ? { wrapStore: options.wrapStore } : {}),
  });
  const { store } = stores;
  try {
    const outboxDir = join(options.dataDir, OUTBOX_DIR);
    const logger = options.logger ?? silentLogger();
    const notifier = loggedNotifier(options.notifier ?? createMailNotifier({ outboxDir, from: options.mail?.from ?? DEFAULT_MAIL_FROM, ...(options.mail?.smtpUrl ? { smtpUrl: options.mail.smtpUrl } : {}) }), logger);
    // Submissions answer before their e-mails are sent: keep track of those deliveries so a
    // shutdown (and a test) can wait for them.
    const background = new Set<Promise<unknown>>();
    const waitUntil = (promise: Promise<unknown>): void => {
      background.add(promise);
      void promise.finally(() => background.delete(promise));
    };
    // Aborted by close(): the handler then starts no more e-mails or webhooks after answers
    // (they stay due in the store), so a shutdown waits for the batch being sent, not a backlog.
    const stopping = new AbortController();
    const settled = async (): Promise<void> => {
      while (background.size > 0) await Promise.allSettled([...background]);
    };
    const webhooks = await setupDemoWebhooks(store, options.webhooks ?? {}, logger);
    const lookups = setupDemoLookups(store, options.lookups ?? {}, logger);
    const retention = setupRetention(store, stores.config.loadConfig, logger, options.retentionIntervalMs ?? 60 * 60 * 1000);
    const app = buildRoutes(options, stores, notifier, outboxDir, logger, { waitUntil, signal: stopping.signal }, webhooks, lookups);
    const outbox = createOutbox({ store, notifier, ...(options.outboxLockMs !== undefined ? { lockMs: options.outboxLockMs } : {}) });
    let running: Promise<void> | undefined;
    const retryMail = (): Promise<void> =>
      // One run at a time; an error (database busy) waits for the next tick.
      (running ??= outbox.deliver().then(
        (report) => {
          if (report.sent + report.retrying + report.failed > 0) logger.info({ outbox: report }, 'e-mail retry run');
        },
        (error: unknown) => logger.error({ error: maskedError(error) }, 'e-mail retry run failed'),
      ).finally(() => (running = undefined)));
    const retryWebhooks = (): Promise<void> => webhooks?.run() ?? Promise.resolve();
    const timer = setInterval(() => void Promise.all([retryMail(), retryWebhooks(), lookups.run()]), options.retryIntervalMs ?? 30_000);
    timer.unref();
    return {
      fetch: async (request, env) => app.fetch(request, env),
      store,
      outboxDir,
      retryMail,
      retryWebhooks,
      runChecks: lookups.run,
      applyRetention: retention.run,
      settled,
      close: async () => {
        stopping.abort();
        clearInterval(timer);
        retention.stop();
        await retention.idle();
        if (running) await running;
        await webhooks?.idle();
        await lookups.idle();
        if (background.size > 0) await settled();
        await stores.close();
      },
    };
  } catch (error) {
    await stores.close();
    throw error;
  }
}

function buildRoutes(
  options: DemoAppOptions,
  { store, config, rateLimits }: DemoStores,
  notifier: Notifier,
  outboxDir: string,
  logger: Logger,
  background: { readonly waitUntil: (promise: Promise<unknown>) => void; readonly signal: AbortSignal },
  webhooks: DemoWebhooks | undefined,
  lookups: DemoLookups,
): Hono {
  const password = options.adminPassword;
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  // The handler sees only a Request; the socket address is looked up here, per request object.
  const addresses = new WeakMap<Request, string>();

  const link = linkBuilder(options.publicUrl, logger);
  // Wrong admin passwords are counted where the submissions' limits are: in the database, so
  // that instances sharing it count together.
  const sqlite = (store as Partial<SqliteStore>).database;
  const guard = createAdminGuard(password, { ...(rateLimits ? { counts: rateLimits } : sqlite ? { counts: createSqliteRateLimits(sqlite) } : {}) });
  const clientAddressOf = (c: Context): string | undefined => clientAddress(remoteAddress(c), c.req.header('X-Forwarded-For') ?? null, options.trustProxy ?? 0);
  const handler = createAccountRequestHandler({
    loadConfig: config.loadConfig,
    saveConfig: config.saveConfig,
    store,
    basePath: API_BASE,
    authorize: async (request) => {
      const verdict = await guard(request, addresses.get(request));
      if (verdict.ok) return true;
      if (verdict.retryAfterSeconds === undefined) return problem(401, 'Sign in as the admin (HTTP Basic).', { headers: challengeHeaders() });
      return problem(429, 'Too many wrong admin passwords from this address; try again later.', { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
    },
    ...(rateLimit ? { rateLimit: { max: rateLimit.max, windowMs: rateLimit.windowMs, ...(rateLimits ? { store: rateLimits } : {}) } } : {}),
    clientAddress: (request) => addresses.get(request),
    notifier,
    ...(options.outboxLockMs !== undefined ? { delivery: { lockMs: options.outboxLockMs } } : {}),
    waitUntil: background.waitUntil,
    signal: background.signal,
    ...(webhooks ? { webhooks: webhooks.handlerOptions } : {}),
    ...(options.botCheck ? { botCheck: { ...options.botCheck, store: rateLimits ?? createSqliteRateLimits((store as SqliteStore).database) } } : {}),
    ...lookups.handlerOptions,
    // On PostgreSQL the lookups' limit is counted in the database too, across instances.
    ...(lookups.handlerOptions.lookups && rateLimits ? { lookups: { ...lookups.handlerOptions.lookups, rateLimit: { ...DEFAULT_LOOKUP_RATE_LIMIT, store: rateLimits } } } : {}),
    siteName: 'Comptoir Duval',
    adminLocale: 'fr',
    activationUrl: (token, request) => link(`/activation/${token}`, request),
    informationUrl: (token, request) => link(`/information/${token}`, request),
    invitationUrl: (token, request) => link(`/invitation/${token}`, request),
    adminRequestUrl: (id, request) => link(`/admin/requests/${id}`, request),
  });

  const app = new Hono();
  app.use(requestLog(logger));
  app.use(securityHeaders());
  mountHealth(app, store, logger);

  app.get('/', (c) => {
    const body = shopPage({ locale: pageLocale(c.req.query('lang')), formScript: FORM_SCRIPT, configSrc: `${API_BASE}/config`, action: API_BASE });
    return c.html(body, 200, { 'Cache-Control': 'no-cache' });
  });

  // The pages' forms are small; a body is cut off past that size as it streams in, never read
  // whole first (the public activation page read 300 MB into memory).
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text(`The form sent is larger than ${MAX_FORM_BYTES} bytes.\n`, 413, { 'Cache-Control': 'no-store' }) });
  app.post('/activation/*', formLimit);
  app.use('/admin/*', async (c, next) => {
    const verdict = await guard(c.req.raw, clientAddressOf(c));
    if (verdict.ok) return next();
    if (verdict.retryAfterSeconds === undefined) return c.text('Sign in as the admin to open this page.\n', 401, challengeHeaders());
    return c.text('Too many wrong admin passwords from this address; try again later.\n', 429, { 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'no-store' });
  });
  app.post('/admin/*', formLimit);
  app.get('/admin', (c) => c.redirect('/admin/', 308));
  app.get('/admin/', async (c) => {
    const requests = await store.list({ limit: RECENT_REQUESTS });
    const body = adminPage({ locale: pageLocale(c.req.query('lang')), editorScript: EDITOR_SCRIPT, configSrc: `${API_BASE}/config`, requestsHref: API_BASE, requests });
    return c.html(body, 200, { 'Cache-Control': 'no-store' });
  });

  mountProcessingPages(app, { handler, store, apiBase: API_BASE, outboxDir, loadConfig: config.loadConfig });
  if (webhooks) mountWebhookPages(app, webhooks);

  const api = async (c: Context): Promise<Response> => {
    const address = clientAddressOf(c);
    if (address !== undefined) addresses.set(c.req.raw, address);
    return handler(c.req.raw);
  };
  app.all(API_BASE, api);
  app.all(`${API_BASE}/*`, api);

  mountAssets(app, options.assets ?? defaultAssetPaths());

  app.notFound((c) => c.html(notFoundPage(pageLocale(c.req.query('lang'))), 404, { 'Cache-Control': 'no-cache' }));
  app.onError((error, c) => {
    logger.error({ error: maskedError(error), stack: error.stack?.split('\n').slice(1, 6).join('\n') }, 'unhandled error');
    return c.text('Internal server error\n', 500, { 'Cache-Control': 'no-store' });
  });
  return app;
}

function linkBuilder(publicUrl: string | undefined, logger: Logger): (path: string, request: Request) => string {
  let warned = false;
  return (path, request) => {
    if (publicUrl) return new URL(path, publicUrl).href;
    const origin = new URL(request.url);
    if (isLoopbackHost(origin.hostname)) return new URL(path, origin.origin).href;
    if (!warned) logger.warn({ host: origin.host.slice(0, 100) }, 'a link in an e-mail points at http://localhost: set PUBLIC_URL to the origin people open');
    warned = true;
    return new URL(path, 'http://localhost').href;
  };
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Called without a Node socket (tests calling `fetch` directly): one shared bucket.
    return undefined;
  }
}
