import type { Table } from '../../table.js';
import type { form as en } from '../en/form.js';

/** Textos próprios do formulário, em português (Portugal). */
export const form = {
  loading: 'A carregar o formulário…',
  configError: 'De momento, não é possível apresentar este formulário. Tente novamente mais tarde.',
  requiredLegend: 'Os campos assinalados com * são obrigatórios.',
  choose: 'Escolha…',
  sending: 'A enviar…',
  retry: 'Tentar novamente',
  offline: 'Não foi possível enviar o pedido: parece estar sem ligação ou o servidor está inacessível.',
  timeout: 'O servidor está a demorar demasiado a responder.',
  serverError: 'O servidor encontrou um problema.',
  tooManyRequests: 'Foram enviados demasiados pedidos.',
  rejected: 'O servidor recusou o pedido.',
  lost: 'A resposta do servidor perdeu-se pelo caminho: tentar novamente não enviará o seu pedido duas vezes.',
  kept: 'Os dados introduzidos foram mantidos.',
  canRetry: 'Pode tentar novamente.',
  honeypot: 'Deixe este campo em branco',
  summary: { one: '{count} campo precisa de correção.', other: '{count} campos precisam de correção.' },
  retryIn: 'Poderá tentar novamente dentro de {wait}.',
  retrying: 'Nova tentativa dentro de {wait}…',
  retryingNow: 'Nova tentativa…',
} satisfies Table<typeof en>;
