// Starts the bot check's worker the way the widget does, under the strict CSP of /test/csp/
// (Trusted Types enforced: a worker's URL must be a TrustedScriptURL), and posts what happened.
import { startWorker } from '../../packages/form/src/bot-check/bot-check.js';
import { reportToParent } from './report-to-parent.js';

const results: Record<string, unknown> = {};
try {
  const worker = startWorker(new URL('../../packages/form/src/test-helpers/echo-worker.js', import.meta.url).href);
  results['message'] = await new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = () => reject(new Error('the worker failed to start'));
  });
  worker.terminate();
} catch (error) {
  results['exception'] = String(error);
}
await reportToParent(results);
