// A fake SMTP server on loopback that keeps what it receives, for tests that count e-mails and
// benches that time them: every message with its Message-ID and the demo's X-Notification-Kind /
// X-Account-Request headers, and when it arrived. `delayMs` confirms each message only after that
// wait (a distant or overloaded relay); `hang` never confirms one (a relay that stopped
// answering): the sender keeps waiting, and holds its outbox rows. Nothing is delivered anywhere.
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** One message as the sink received it. */
export interface ReceivedMail {
  /** The notification id (the demo sends `<id@account-request.demo>` as Message-ID). */
  readonly id: string;
  readonly kind: string;
  readonly requestId: string;
  readonly to: readonly string[];
  /** `Date.now()` when its DATA ended. */
  readonly at: number;
}

/** A running sink. */
export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every message received so far, in order. */
  readonly received: readonly ReceivedMail[];
  close(): Promise<void>;
}

function header(text: string, name: string): string {
  // Unfold continuation lines first (RFC 5322 §2.2.3).
  const unfolded = text.replace(/\r\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? '';
}

/** Options of {@link startSmtpSink}. */
export interface SmtpSinkOptions {
  /** Never confirm a message. */
  readonly hang?: boolean;
  /** Confirm each message this long after its DATA ended. */
  readonly delayMs?: number;
  /** Default: a free port. */
  readonly port?: number;
}

function session(socket: Socket, options: SmtpSinkOptions, onMail: (mail: ReceivedMail) => void): void {
  socket.setEncoding('latin1');
  const reply = (line: string): void => {
    if (!socket.destroyed) socket.write(`${line}\r\n`);
  };
  let buffer = '';
  let inData = false;
  let recipients: string[] = [];
  reply('220 sink.test ESMTP');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end === -1) return;
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        const headers = message.slice(0, message.indexOf('\r\n\r\n'));
        onMail({
          id: header(headers, 'Message-ID').replace(/^<|@.*$/g, ''),
          kind: header(headers, 'X-Notification-Kind'),
          requestId: header(headers, 'X-Account-Request'),
          to: recipients,
          at: Date.now(),
        });
        recipients = [];
        if (options.hang) continue;
        if (!options.delayMs) reply('250 2.0.0 queued');
        else {
          const timer = setTimeout(() => reply('250 2.0.0 queued'), options.delayMs);
          socket.once('close', () => clearTimeout(timer));
        }
        continue;
      }
      const newline = buffer.indexOf('\r\n');
      if (newline === -1) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-sink.test\r\n250 8BITMIME');
      else if (verb === 'RCPT') {
        recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        reply('250 OK');
      } else if (verb === 'HELO' || verb === 'MAIL' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
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

/** Starts a sink on 127.0.0.1. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    session(socket, options, (mail) => received.push(mail));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
