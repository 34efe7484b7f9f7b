import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** Die Einstellung der Roboterprüfung im Editor, auf Deutsch. */
export const botCheck = {
  setting: 'Prüfung gegen Roboter (Proof of Work)',
  settingHelp: 'Vor dem Senden löst der Browser des Besuchers eine kleine Rechenaufgabe (etwa eine Sekunde): ohne Cookie, ohne externen Dienst. Der Server braucht dafür einen Schlüssel (ALTCHA_HMAC_KEY in der Demo).',
} satisfies Table<typeof en>;
