// `npm start` and production: reads the environment, starts the server, logs JSON lines to
// stdout (pino), and stops gracefully on SIGTERM or SIGINT (see docs/deployment.md).
import { SettingsError } from './env.js';
import { runServer } from './run.js';

runServer().catch((error: unknown) => {
  // Before the logger exists (or when it could not be configured): one plain line for a person.
  process.stderr.write(`${error instanceof SettingsError ? `Configuration error: ${error.message}` : String(error instanceof Error ? error.stack : error)}\n`);
  process.exitCode = 1;
});
