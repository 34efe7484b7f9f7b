import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { isWebhookSecret } from '@account-request/sdk/webhooks';
import { checkVatNumber } from '@account-request/sdk';
import { API_ADRESSE_URL, RECHERCHE_ENTREPRISES_URL, VIES_URL } from '@account-request/sdk/server';
import { generatePassword } from './auth.js';
import { isLoopbackHost } from './loopback.js';
import { DEFAULT_RATE_LIMIT } from './app.js';

/** The server settings read from the environment. */
export interface ServerSettings {
  /** `HOST`: the interface to listen on. */
  readonly host: string;
  readonly port: number;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  /** `DATABASE_URL`: every store on this PostgreSQL database instead of SQLite under `dataDir`. */
  readonly databaseUrl?: string;
  /** `OUTBOX_INTERVAL_MS`: how often this instance's outbox worker sends due e-mails. */
  readonly outboxIntervalMs: number;
  /** `OUTBOX_LOCK_MS`: how long an instance holds an e-mail it is sending before another may. */
  readonly outboxLockMs: number;
  readonly adminPassword: string;
  /** True when `ADMIN_PASSWORD` was unset and the password was generated for this run. */
  readonly passwordGenerated: boolean;
  readonly rateLimit: { readonly max: number; readonly windowMs: number } | false;
  /** `SMTP_URL`: send e-mails through this server instead of writing `.eml` files. */
  readonly smtpUrl?: string;
  /** `MAIL_FROM`: the `From` of the e-mails. */
  readonly mailFrom?: string;
  /**
   * `TRUST_PROXY`: how many reverse proxies stand in front of the server (0: none). With N, the
   * client address is the Nth `X-Forwarded-For` entry counted from the right.
   */
  readonly trustProxy: number;
  /**
   * `PUBLIC_URL`: the origin people open (`https://shop.example`), that links in e-mails are built
   * on. Unset, links go to the loopback origin a request came to, else to `http://localhost`
   * (see {@link missingPublicUrl}), never to another `Host` a request named.
   */
  readonly publicUrl?: string;
  /** `LOG_LEVEL`: the least severe level written to the log. */
  readonly logLevel: LogLevel;
  /** `SHUTDOWN_TIMEOUT_MS`: how long a SIGTERM waits for in-flight work before cutting it. */
  readonly shutdownTimeoutMs: number;
  /** `WEBHOOK_URL` and `WEBHOOK_SECRET` (`whsec_…`): one endpoint that receives every event, kept in step with the environment at start-up. */
  readonly webhook?: { readonly url: string; readonly secret: string };
  /** `WEBHOOK_ALLOW_PRIVATE=1`: endpoints may be on loopback or private addresses, over plain http (local receivers, tests). */
  readonly webhookAllowPrivate: boolean;
  /** `ALTCHA_HMAC_KEY`: the key that signs bot-check challenges; without it the server offers no bot check. */
  readonly altchaHmacKey?: string;
  /**
   * `COMPANY_DIRECTORY_URL`, `VIES_URL`, `ADDRESS_API_URL`: the base URLs of the public services
   * (issue 14), the public ones by default; one set empty is off (absent here). `VIES_REQUESTER`:
   * the shop's own VAT number, for VIES consultation numbers.
   */
  readonly lookups: { readonly companyDirectoryUrl?: string; readonly viesUrl?: string; readonly addressApiUrl?: string; readonly viesRequester?: string };
}

/** The levels `LOG_LEVEL` accepts (pino's), most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The most proxies `TRUST_PROXY` may name. */
const MAX_PROXIES = 10;

/** A setting with a value the server cannot use. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new SettingsError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return Number(raw);
}

/**
 * Reads `PORT` (default 5173), `DATA_DIR` (default `.data`, relative to the working folder),
 * `ADMIN_PASSWORD` (generated when unset or empty), `RATE_LIMIT_MAX` (submissions per client
 * address and window, default 20; 0 turns the limit off) and `RATE_LIMIT_WINDOW_MS` (default
 * 600000), `SMTP_URL` (`smtp://user:pass@host:587`; unset: e-mails are `.eml` files under
 * `DATA_DIR/outbox/`), `MAIL_FROM`, `HOST` (default 127.0.0.1), `TRUST_PROXY`, `LOG_LEVEL`,
 * `SHUTDOWN_TIMEOUT_MS`, `DATABASE_URL` (PostgreSQL instead of SQLite), `OUTBOX_INTERVAL_MS`,
 * `OUTBOX_LOCK_MS`, `WEBHOOK_URL`, `WEBHOOK_SECRET`, `WEBHOOK_ALLOW_PRIVATE`,
 * `ALTCHA_HMAC_KEY`, `COMPANY_DIRECTORY_URL`, `VIES_URL`, `ADDRESS_API_URL`, `VIES_REQUESTER` and `PUBLIC_URL`:
 * see docs/deployment.md. A value the server cannot use throws a
 * {@link SettingsError} naming the variable.
 */
export function readSettings(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerSettings {
  const password = env['ADMIN_PASSWORD'] ?? '';
  const max = integer(env, 'RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT.max, 0, 1_000_000);
  const windowMs = integer(env, 'RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 1, 24 * 60 * 60 * 1000);
  const listen = host(env);
  const proxies = trustProxy(env);
  const origin = publicUrl(env);
  return {
    host: listen,
    port: integer(env, 'PORT', 5173, 0, 65535),
    dataDir: resolve(cwd, env['DATA_DIR']?.trim() || '.data'),
    adminPassword: password === '' ? generatePassword() : password,
    passwordGenerated: password === '',
    rateLimit: max === 0 ? false : { max, windowMs },
    ...database(env),
    outboxIntervalMs: integer(env, 'OUTBOX_INTERVAL_MS', 30_000, 100, 24 * 60 * 60 * 1000),
    outboxLockMs: integer(env, 'OUTBOX_LOCK_MS', 120_000, 1000, 24 * 60 * 60 * 1000),
    ...smtp(env),
    ...(env['MAIL_FROM']?.trim() ? { mailFrom: env['MAIL_FROM'].trim() } : {}),
    trustProxy: proxies,
    ...(origin ? { publicUrl: origin } : {}),
    logLevel: logLevel(env),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 10 * 60 * 1000),
    ...webhook(env),
    webhookAllowPrivate: flag(env, 'WEBHOOK_ALLOW_PRIVATE'),
    ...altcha(env),
    lookups: lookups(env),
  };
}

/** The public base URLs of the services of issue 14: the defaults of the three lookup variables. */
export const PUBLIC_SERVICE_URLS = {
  COMPANY_DIRECTORY_URL: RECHERCHE_ENTREPRISES_URL,
  VIES_URL,
  ADDRESS_API_URL: API_ADRESSE_URL,
} as const;

function serviceUrl(env: NodeJS.ProcessEnv, name: keyof typeof PUBLIC_SERVICE_URLS): string | undefined {
  const raw = env[name];
  if (raw === undefined) return PUBLIC_SERVICE_URLS[name];
  const value = raw.trim();
  if (value === '') return undefined;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // Reported below.
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new SettingsError(`${name} must be an http(s) URL, or empty to turn the service off (got "${value.slice(0, 60)}").`);
  return value;
}

function lookups(env: NodeJS.ProcessEnv): ServerSettings['lookups'] {
  const company = serviceUrl(env, 'COMPANY_DIRECTORY_URL');
  const vies = serviceUrl(env, 'VIES_URL');
  const address = serviceUrl(env, 'ADDRESS_API_URL');
  const requester = env['VIES_REQUESTER']?.trim() ?? '';
  if (requester !== '' && checkVatNumber(requester) !== 'ok') throw new SettingsError('VIES_REQUESTER must be the shop\'s own VAT number with its country prefix (FR40303265045).');
  return {
    ...(company ? { companyDirectoryUrl: company } : {}),
    ...(vies ? { viesUrl: vies } : {}),
    ...(address ? { addressApiUrl: address } : {}),
    ...(requester ? { viesRequester: requester } : {}),
  };
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new SettingsError(`${name} must be 1 or 0 (got "${raw.slice(0, 20)}").`);
}

function webhook(env: NodeJS.ProcessEnv): { webhook?: { url: string; secret: string } } {
  const url = env['WEBHOOK_URL']?.trim() ?? '';
  const secret = env['WEBHOOK_SECRET']?.trim() ?? '';
  if (url === '' && secret === '') return {};
  if (url === '') throw new SettingsError('WEBHOOK_SECRET is set without WEBHOOK_URL.');
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Reported below without echoing the URL: it may carry a token.
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new SettingsError('WEBHOOK_URL must be an https:// URL (http:// only with WEBHOOK_ALLOW_PRIVATE=1).');
  // The secret itself is never echoed.
  if (!isWebhookSecret(secret)) throw new SettingsError('WEBHOOK_SECRET must be whsec_ followed by 24 to 64 random bytes in base64 (see docs/webhooks.md).');
  return { webhook: { url, secret } };
}

function altcha(env: NodeJS.ProcessEnv): { altchaHmacKey?: string } {
  const key = env['ALTCHA_HMAC_KEY']?.trim() ?? '';
  if (key === '') return {};
  if (key.length < 32) throw new SettingsError('ALTCHA_HMAC_KEY must hold at least 32 characters (a random secret, e.g. `openssl rand -base64 32`).');
  return { altchaHmacKey: key };
}

function host(env: NodeJS.ProcessEnv): string {
  const raw = env['HOST']?.trim();
  if (!raw) return '127.0.0.1';
  // An IP address (`0.0.0.0` and `::` listen on every interface) or a host name such as `localhost`.
  if (isIP(raw) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(raw)) return raw;
  throw new SettingsError(`HOST must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name (got "${raw.slice(0, 60)}").`);
}

// Links in e-mails (activation, the request in the back office) must not follow a request's
// Host header: anyone can send one, and the link would then lead the admin or the applicant to
// their site, with the activation token in it.
function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['PUBLIC_URL']?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new SettingsError(`PUBLIC_URL must be an https:// (or http://) origin with no path, such as https://shop.example (got "${raw.slice(0, 60)}").`);
  }
  return url.origin;
}

/**
 * Why `settings` need a `PUBLIC_URL` they lack (a server reached under another name than
 * localhost: links in e-mails would point at `http://localhost`), or `undefined`.
 */
export function missingPublicUrl(settings: Pick<ServerSettings, 'host' | 'trustProxy' | 'publicUrl'>): string | undefined {
  if (settings.publicUrl || (isLoopbackHost(settings.host) && settings.trustProxy === 0)) return undefined;
  const why = settings.trustProxy === 0 ? `HOST is ${settings.host}, not a loopback address` : 'TRUST_PROXY says a proxy stands in front';
  return `PUBLIC_URL is not set and ${why}: links in e-mails point at http://localhost until it is set to the origin people open, such as https://shop.example.`;
}

function trustProxy(env: NodeJS.ProcessEnv): number {
  const raw = env['TRUST_PROXY']?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  if (/^\d{1,2}$/.test(raw) && Number(raw) <= MAX_PROXIES) return Number(raw);
  throw new SettingsError(`TRUST_PROXY must be false, true (one proxy) or the number of proxies in front of the server, 0 to ${MAX_PROXIES} (got "${raw.slice(0, 60)}").`);
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env['LOG_LEVEL']?.trim().toLowerCase();
  if (!raw) return 'info';
  const level = LOG_LEVELS.find((name) => name === raw);
  if (level) return level;
  throw new SettingsError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw.slice(0, 60)}").`);
}

function database(env: NodeJS.ProcessEnv): { databaseUrl?: string } {
  const raw = env['DATABASE_URL']?.trim();
  if (!raw) return {};
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // Reported below without echoing the URL: it holds the database password.
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new SettingsError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  return { databaseUrl: raw };
}

function smtp(env: NodeJS.ProcessEnv): { smtpUrl?: string } {
  const raw = env['SMTP_URL']?.trim();
  if (!raw) return {};
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // Reported below without echoing the URL: it may hold a password.
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new SettingsError('SMTP_URL must be an smtp:// or smtps:// URL.');
  return { smtpUrl: raw };
}
