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
  readsHidden: '{field} non è visualizzato: il modulo lo legge come vuoto.',
  hiddenIsRead: '{field} non è visualizzato, e le condizioni di {fields} lo leggono: il modulo ora lo legge come vuoto.',
} satisfies Table<typeof en>;
