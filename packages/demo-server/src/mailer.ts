import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage, Notifier } from '@account-request/sdk/server';
import nodemailer from 'nodemailer';

/** Options of {@link createMailNotifier}. */
export interface MailerOptions {
  /** The folder of the `.eml` files (`DATA_DIR/outbox`), used when `smtpUrl` is absent. */
  readonly outboxDir: string;
  /** `smtp://user:pass@host:587` or `smtps://…`: send for real instead of writing files. */
  readonly smtpUrl?: string;
  /** The `From` header, e.g. `Comptoir Duval <no-reply@comptoir-duval.example>`. */
  readonly from: string;
}

/** Notification ids are UUIDs: the only names the outbox folder holds. */
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The path of a notification's `.eml` file, or `undefined` for an id that is not a notification id. */
export function emlPath(outboxDir: string, id: string): string | undefined {
  return ID_PATTERN.test(id) ? join(outboxDir, `${id}.eml`) : undefined;
}

/** The raw `.eml` text of a notification, or `undefined` when there is no such file. */
export async function readEml(outboxDir: string, id: string): Promise<string | undefined> {
  const path = emlPath(outboxDir, id);
  if (!path) return undefined;
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The demo's {@link Notifier} on nodemailer. By default its stream transport renders each
 * message (MIME, headers encoded by nodemailer) into `outboxDir/<notification id>.eml`:
 * written to a temporary name then renamed, so a file is whole or absent, and a retry of the
 * same notification rewrites the same file instead of adding one. With `smtpUrl`, messages go
 * to that SMTP server, with the notification id as Message-ID so a retried mail can be
 * recognized.
 */
export function createMailNotifier(options: MailerOptions): Notifier {
  const smtp = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const envelope = (message: MailMessage) => ({
    from: options.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${message.id}@account-request.demo>`,
    headers: { 'X-Account-Request': message.requestId, 'X-Notification-Kind': message.kind },
  });
  return {
    async notify(message) {
      if (smtp) {
        await smtp.sendMail(envelope(message));
        return;
      }
      const path = emlPath(options.outboxDir, message.id);
      if (!path) throw new Error(`Unexpected notification id ${message.id.slice(0, 40)}`);
      const info = await files.sendMail(envelope(message));
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, info.message);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // The folder is made on the first message (or again if it was removed), not for each one.
        await mkdir(options.outboxDir, { recursive: true });
        await writeFile(temporary, info.message);
      }
      await rename(temporary, path);
    },
  };
}
