// Worker of the concurrent-claim test: its own SQLite connection, claiming every key it is given
// as soon as the main thread says go, and reporting which claims it won.
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteStore } from '../sqlite-store.js';

const { path, keys } = workerData as { path: string; keys: string[] };
// Several connections on one file at once: none may release the others' claims when it opens.
const store = createSqliteStore(path, { sharedFile: true });
parentPort!.once('message', async () => {
  const won: string[] = [];
  for (const key of keys) {
    const claim = await store.claimIdempotencyKey(key, 'same-body', 60_000);
    if (claim.state === 'new') won.push(key);
  }
  store.close();
  parentPort!.postMessage(won);
});
parentPort!.postMessage('ready');
