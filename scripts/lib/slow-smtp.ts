// A slow fake SMTP server: the sink of ./smtp-sink.ts confirming each message after `delayMs`,
// the way a distant or overloaded mail relay does. Used to show what a slow SMTP_URL costs a
// submission (benchmarks). Nothing is delivered anywhere.
//
// Run alone: `node --import tsx scripts/lib/slow-smtp.ts [delayMs]` prints `SMTP_URL=smtp://…`
// and counts the messages it received on SIGINT/SIGTERM.
import { fileURLToPath } from 'node:url';
import { startSmtpSink } from './smtp-sink.js';

/** A running fake SMTP server. */
export interface SlowSmtp {
  /** `smtp://127.0.0.1:<port>` (no TLS, no authentication). */
  readonly url: string;
  /** Messages received so far (each confirmed `delayMs` later). */
  received(): number;
  close(): Promise<void>;
}

/** Starts a slow fake SMTP server on 127.0.0.1 (a free port unless `port` is given). */
export async function startSlowSmtp(delayMs: number, port = 0): Promise<SlowSmtp> {
  const sink = await startSmtpSink({ delayMs, port });
  return { url: sink.url, received: () => sink.received.length, close: () => sink.close() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const delay = Number(process.argv[2] ?? 500);
  const smtp = await startSlowSmtp(delay, Number(process.env['PORT'] ?? 0));
  console.log(`SMTP_URL=${smtp.url} (each message answered after ${delay} ms)`);
  const stop = (): void => {
    console.log(`${smtp.received()} message(s) received`);
    void smtp.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
