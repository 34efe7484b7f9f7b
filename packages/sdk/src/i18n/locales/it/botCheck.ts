import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** L’impostazione della verifica anti-robot nell’editor, in italiano. */
export const botCheck = {
  setting: 'Verifica anti-robot (prova di lavoro)',
  settingHelp: 'Prima dell’invio, il browser del visitatore risolve un piccolo calcolo (circa un secondo): nessun cookie, nessun servizio esterno. Il server deve avere una chiave (ALTCHA_HMAC_KEY nella demo).',
} satisfies Table<typeof en>;
