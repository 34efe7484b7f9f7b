import type { Server } from 'node:http';
import { maskedError, type Logger } from './logger.js';

/** How often connections that went idle after their last answer are closed while draining. */
const IDLE_SWEEP_MS = 100;

/** Options of {@link gracefulShutdown}. */
export interface ShutdownOptions {
  readonly server: Pick<Server, 'close' | 'closeIdleConnections' | 'closeAllConnections'>;
  /** Stops timers, waits for the e-mail batch in progress, closes the database. */
  readonly close: () => Promise<void>;
  readonly logger: Logger;
  /** The bound: past it, open connections are cut and the process exits with code 1. */
  readonly timeoutMs: number;
  /** Ends the process; default `process.exit`. */
  readonly exit?: (code: number) => void;
}

/**
 * Returns the signal handler of the server. On the first signal it stops accepting connections,
 * lets the requests in flight finish (closing each keep-alive connection as soon as it is idle),
 * then runs `close` and exits 0. Whatever is still running after `timeoutMs` (a stuck request,
 * a slow mail server) is cut and the process exits 1; a second signal cuts at once.
 */
export function gracefulShutdown(options: ShutdownOptions): (signal: NodeJS.Signals) => void {
  const { server, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = 0;
  let sweep: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let done = false;

  const finish = (code: number, message: string): void => {
    if (done) return;
    done = true;
    clearInterval(sweep);
    clearTimeout(deadline);
    (code === 0 ? logger.info.bind(logger) : logger.warn.bind(logger))({ ms: Math.round(performance.now() - started), exitCode: code }, message);
    exit(code);
  };
  const cut = (reason: string): void => {
    if (done) return;
    logger.warn({ reason }, 'cutting the connections still open');
    server.closeAllConnections();
    finish(1, 'stopped before in-flight work finished');
  };

  return (signal) => {
    if (started !== 0) {
      cut(`second ${signal}`);
      return;
    }
    started = performance.now();
    logger.info({ signal, timeoutMs: options.timeoutMs }, 'stopping: no new connections, finishing the requests in flight');
    deadline = setTimeout(() => cut(`still busy after ${options.timeoutMs} ms`), options.timeoutMs);
    server.close(() => {
      options.close().then(
        () => finish(0, 'stopped'),
        (error: unknown) => {
          logger.error({ error: maskedError(error) }, 'closing the database failed');
          finish(1, 'stopped with an error');
        },
      );
    });
    server.closeIdleConnections();
    sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  };
}
