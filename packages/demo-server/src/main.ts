// `npm start` and production: reads the environment, starts the server, logs JSON lines to
// stdout (pino), and stops gracefully on SIGTERM or SIGINT (see docs/deployment.md).
import { SettingsError } from './env.js';
import { runServer } from './run.js';
import { DatabaseStartError } from './stores.js';

/** One plain line for a person for the errors of settings and of the database, the stack otherwise. */
function startError(error: unknown): string {
  if (error instanceof SettingsError) return `Configuration error: ${error.message}`;
  if (error instanceof DatabaseStartError) return `Database error: ${error.message}`;
  return String(error instanceof Error ? error.stack : error);
}

runServer().catch((error: unknown) => {
  // Before the logger exists (or when it could not be configured).
  process.stderr.write(`${startError(error)}\n`);
  process.exitCode = 1;
});
