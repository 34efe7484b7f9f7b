import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** De instelling van de robotcontrole in de editor, in het Nederlands. */
export const botCheck = {
  setting: 'Controle tegen robots (proof of work)',
  settingHelp: 'Voor het versturen lost de browser van de bezoeker een kleine berekening op (ongeveer een seconde): geen cookie, geen externe dienst. De server heeft er een sleutel voor nodig (ALTCHA_HMAC_KEY in de demo).',
} satisfies Table<typeof en>;
