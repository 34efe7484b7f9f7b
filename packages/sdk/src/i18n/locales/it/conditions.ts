import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** Le condizioni (`visibleWhen`) a parole, come l’editor le scrive su una riga. */
export const conditions = {
  shownWhen: 'Mostrato solo se {condition}',
  isValue: '{field} è {values}',
  isNot: '{field} non è {values}',
  isNoneOf: '{field} non è nessuno di questi: {values}',
  euMember: '{field} è uno Stato membro dell’UE',
  euMemberExcept: '{field} è uno Stato membro dell’UE diverso da {values}',
  filled: '{field} è compilato',
  empty: '{field} è vuoto',
  ticked: '{field} è selezionato',
  notTicked: '{field} non è selezionato',
  hasFile: 'a {field} è allegato un file',
  noFile: 'a {field} non è allegato alcun file',
} satisfies Table<typeof en>;
