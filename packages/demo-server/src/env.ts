import { resolve } from 'node:path';
import { generatePassword } from './auth.js';
import { DEFAULT_RATE_LIMIT } from './app.js';

/** The server settings read from the environment. */
export interface ServerSettings {
  readonly host: string;
  readonly port: number;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  readonly adminPassword: string;
  /** True when `ADMIN_PASSWORD` was unset and the password was generated for this run. */
  readonly passwordGenerated: boolean;
  readonly rateLimit: { readonly max: number; readonly windowMs: number } | false;
  /** `SMTP_URL`: send e-mails through this server instead of writing `.eml` files. */
  readonly smtpUrl?: string;
  /** `MAIL_FROM`: the `From` of the e-mails. */
  readonly mailFrom?: string;
}

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
 * `DATA_DIR/outbox/`) and `MAIL_FROM`. The server listens on 127.0.0.1 only: the demo is not
 * meant to face a network.
 */
export function readSettings(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ServerSettings {
  const password = env['ADMIN_PASSWORD'] ?? '';
  const max = integer(env, 'RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT.max, 0, 1_000_000);
  const windowMs = integer(env, 'RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 1, 24 * 60 * 60 * 1000);
  return {
    host: '127.0.0.1',
    port: integer(env, 'PORT', 5173, 0, 65535),
    dataDir: resolve(cwd, env['DATA_DIR']?.trim() || '.data'),
    adminPassword: password === '' ? generatePassword() : password,
    passwordGenerated: password === '',
    rateLimit: max === 0 ? false : { max, windowMs },
    ...smtp(env),
    ...(env['MAIL_FROM']?.trim() ? { mailFrom: env['MAIL_FROM'].trim() } : {}),
  };
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
