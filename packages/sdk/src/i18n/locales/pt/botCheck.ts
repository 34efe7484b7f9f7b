import type { Table } from '../../table.js';
import type { botCheck as en } from '../en/botCheck.js';

/** A definição da verificação anti-robô no editor, em português. */
export const botCheck = {
  setting: 'Verificação anti-robô (prova de trabalho)',
  settingHelp: 'Antes do envio, o navegador do visitante resolve um pequeno cálculo (cerca de um segundo): sem cookie nem serviço externo. O servidor precisa de uma chave para isso (ALTCHA_HMAC_KEY na demonstração).',
} satisfies Table<typeof en>;
