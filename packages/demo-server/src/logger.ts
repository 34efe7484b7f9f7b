import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './env.js';

export type { Logger } from 'pino';

/**
 * Keys that must never reach the log whatever object is logged by mistake: secrets (passwords,
 * tokens, the Authorization header) and the applicant's personal data. Requests are logged by
 * route pattern (`/activation/:token`), never by URL, so a token in a path stays out too.
 */
const REDACTED_PATHS = [
  'password', '*.password', 'passwordHash', '*.passwordHash',
  'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'cookie', '*.cookie', 'values', '*.values', 'email', '*.email',
];

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where the JSON lines go; default stdout, written synchronously so nothing is lost at exit. */
  readonly destination?: DestinationStream;
}

/** The server's logger: one JSON object per line (pino), with ISO timestamps and sensitive keys redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing (tests, and apps built without one). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

const ADDRESS = /[^\s<>"'@,;:]+@[^\s<>"'@,;:]+/g;

/** An error as a log field: its name and message with e-mail addresses masked (a mail server's refusal names the recipient). */
export function maskedError(error: unknown): { readonly type: string; readonly message: string } {
  const type = error instanceof Error ? error.name : typeof error;
  const message = (error instanceof Error ? error.message : String(error)).replace(ADDRESS, '[address]').slice(0, 500);
  return { type, message };
}
