// A fake SMTP server on loopback that takes its time: it accepts every message but answers the
// end of DATA only after `delayMs`, the way a distant or overloaded mail relay does. Used to show
// what a slow SMTP_URL costs a submission (benchmarks and tests). Nothing is delivered anywhere.
//
// Run alone: `node --import tsx scripts/lib/slow-smtp.ts [delayMs]` prints `SMTP_URL=smtp://…`
// and counts the messages it received on SIGINT/SIGTERM.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A running fake SMTP server. */
export interface SlowSmtp {
  /** `smtp://127.0.0.1:<port>` (no TLS, no authentication). */
  readonly url: string;
  /** Messages accepted so far. */
  received(): number;
  close(): Promise<void>;
}

function serve(socket: Socket, delayMs: number, onMessage: () => void): void {
  socket.setEncoding('latin1');
  const reply = (line: string): void => {
    if (!socket.destroyed) socket.write(`${line}\r\n`);
  };
  let buffer = '';
  let inData = false;
  reply('220 slow-smtp.test ESMTP');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end === -1) return;
        buffer = buffer.slice(end + 5);
        inData = false;
        const timer = setTimeout(() => {
          onMessage();
          reply('250 2.0.0 queued');
        }, delayMs);
        socket.once('close', () => clearTimeout(timer));
        continue;
      }
      const newline = buffer.indexOf('\r\n');
      if (newline === -1) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-slow-smtp.test\r\n250 8BITMIME');
      else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RCPT' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
      else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
        return;
      } else reply('502 not implemented');
    }
  });
  socket.on('error', () => undefined);
}

/** Starts a fake SMTP server on 127.0.0.1 (a free port unless `port` is given). */
export async function startSlowSmtp(delayMs: number, port = 0): Promise<SlowSmtp> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serve(socket, delayMs, () => (count += 1));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
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
