// A webhook receiver on loopback for tests: records every request and answers as told.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from '../../webhooks/events.js';

/**
 * Events as a receiver orders them: by the request's version (docs/webhooks.md), not by arrival
 * (changes made close together are sent side by side and may arrive in either order).
 */
export function inVersionOrder(events: readonly WebhookEvent[]): WebhookEvent[] {
  const version = (event: WebhookEvent) => ('request' in event.data ? event.data.request.version : 0);
  return [...events].sort((a, b) => version(a) - version(b));
}

/** One request the receiver got. */
export interface ReceivedWebhook {
  readonly id: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status it was answered with (`undefined` when the receiver let it hang). */
  readonly answered: number | undefined;
}

/** How to answer one request: a status, or `hang` (never answer, so the sender times out). */
export type ReceiverAnswer = number | 'hang';

/**
 * Starts a receiver at `http://127.0.0.1:<port>/hook`. It answers the queued answers in turn
 * (`answerNext`), then `fallback` (200 by default).
 */
export async function startWebhookReceiver(options: { fallback?: ReceiverAnswer } = {}) {
  const received: ReceivedWebhook[] = [];
  const queue: ReceiverAnswer[] = [];
  let fallback: ReceiverAnswer = options.fallback ?? 200;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = queue.shift() ?? fallback;
      const header = (name: string): string => String(request.headers[name] ?? '');
      received.push({
        id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'),
        headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered: answer === 'hang' ? undefined : answer,
      });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
      if (answer === 'hang') return;
      response.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : `refused with ${answer}\nretry later`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Answers the next requests with these, in order. */
    answerNext(...answers: ReceiverAnswer[]) {
      queue.push(...answers);
    },
    setFallback(answer: ReceiverAnswer) {
      fallback = answer;
    },
    /** Resolves once `count` requests in all have arrived. */
    waitFor(count: number, timeoutMs = 10_000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      // A message that never comes fails the test that waits for it, instead of hanging the run.
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the receiver got ${received.length} messages, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
