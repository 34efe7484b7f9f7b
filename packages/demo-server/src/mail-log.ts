import type { Notifier } from '@account-request/sdk/server';
import { maskedError, type Logger } from './logger.js';

/**
 * Logs each delivery attempt of `notifier` (the handler's own right after a submission, and the
 * retry loop's): the notification id, its kind and request id, and the outcome; never the
 * recipient, the subject or the body, which hold personal data and activation links.
 */
export function loggedNotifier(notifier: Notifier, logger: Logger): Notifier {
  return {
    async notify(message) {
      const fields = { notification: message.id, kind: message.kind, requestId: message.requestId };
      try {
        await notifier.notify(message);
      } catch (error) {
        logger.warn({ ...fields, error: maskedError(error) }, 'e-mail not sent');
        throw error;
      }
      logger.info(fields, 'e-mail sent');
    },
  };
}
