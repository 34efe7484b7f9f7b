import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** Le réglage de la vérification anti-robot dans l’éditeur, en français. */
export const botCheck = {
  setting: 'Vérification anti-robot (preuve de travail)',
  settingHelp: 'Avant l’envoi, le navigateur du visiteur résout un petit calcul (environ une seconde) : sans cookie ni service extérieur. Le serveur doit avoir une clé pour cela (ALTCHA_HMAC_KEY dans la démo).',
} satisfies Table<typeof en>;
