import type { MailMessage } from '../stores/processing-store.js';

/**
 * Sends one e-mail (SMTP, an HTTP mail API, a file). Resolve once the message is accepted;
 * throw or reject to have it retried later. The same `message.id` may come again after a crash
 * between sending and recording, so a transport that can deduplicate should key on it.
 */
export interface Notifier {
  notify(message: MailMessage): Promise<void> | void;
}

export type { MailMessage };
