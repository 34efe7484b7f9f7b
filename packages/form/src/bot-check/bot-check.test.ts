import { expect } from '@open-wc/testing';
import { startWorker } from './bot-check.js';

/** The first message of a worker, or its error. */
function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'the worker failed to start'));
  });
}

describe('the bot check’s worker', () => {
  const sameOrigin = new URL('../test-helpers/echo-worker.js', import.meta.url);
  // The same file from another origin, as when the bundle is served from a CDN.
  const otherOrigin = new URL(sameOrigin);
  otherOrigin.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';

  it('starts from the worker file itself when the bundle is on the page’s origin', async () => {
    const worker = startWorker(sameOrigin.href);
    try {
      expect(await firstMessage(worker)).to.equal(`ready in ${location.protocol}`);
    } finally {
      worker.terminate();
    }
  });

  it('starts from another origin (the bundle on a CDN), where the browser refuses a worker of that URL', async () => {
    expect(() => new Worker(otherOrigin.href)).to.throw(DOMException);
    const workers = [startWorker(otherOrigin.href), startWorker(otherOrigin.href)];
    try {
      // The widget starts several workers: each one loads the file.
      for (const worker of workers) expect(await firstMessage(worker)).to.equal('ready in blob:');
    } finally {
      for (const worker of workers) worker.terminate();
    }
  });
});
