import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** As condições (`visibleWhen`) por extenso, tal como o editor as escreve numa linha. */
export const conditions = {
  shownWhen: 'Mostrado apenas se {condition}',
  isValue: '{field} é {values}',
  isNot: '{field} não é {values}',
  isNoneOf: '{field} não é nenhum destes: {values}',
  euMember: '{field} é um Estado-Membro da UE',
  euMemberExcept: '{field} é um Estado-Membro da UE diferente de {values}',
  filled: '{field} está preenchido',
  empty: '{field} está vazio',
  ticked: '{field} está assinalado',
  notTicked: '{field} não está assinalado',
  hasFile: 'há um ficheiro anexado a {field}',
  noFile: 'não há nenhum ficheiro anexado a {field}',
  readsHidden: '{field} não é mostrado: o formulário lê-o como vazio.',
  hiddenIsRead: '{field} não é mostrado, e as condições de {fields} leem-no: o formulário lê-o agora como vazio.',
} satisfies Table<typeof en>;
