import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** El ajuste de la comprobación antirrobots en el editor, en español. */
export const botCheck = {
  setting: 'Comprobación antirrobots (prueba de trabajo)',
  settingHelp: 'Antes del envío, el navegador del visitante resuelve un pequeño cálculo (un segundo aproximadamente): sin cookie ni servicio externo. El servidor necesita una clave para ello (ALTCHA_HMAC_KEY en la demo).',
} satisfies Table<typeof en>;
