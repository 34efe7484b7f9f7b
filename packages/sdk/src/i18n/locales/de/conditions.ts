import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** Bedingungen (`visibleWhen`) in Worten, wie der Editor sie in einer Zeile ausschreibt. (Satzstellung eines Nebensatzes: Verb am Ende.) */
export const conditions = {
  shownWhen: 'Nur angezeigt, wenn {condition}',
  isValue: '{field} den Wert {values} hat',
  isNot: '{field} nicht den Wert {values} hat',
  isNoneOf: '{field} keinen der Werte {values} hat',
  euMember: '{field} ein EU-Mitgliedstaat ist',
  euMemberExcept: '{field} ein anderer EU-Mitgliedstaat als {values} ist',
  filled: '{field} ausgefüllt ist',
  empty: '{field} leer ist',
  ticked: '{field} angekreuzt ist',
  notTicked: '{field} nicht angekreuzt ist',
  hasFile: 'an {field} eine Datei angehängt ist',
  noFile: 'an {field} keine Datei angehängt ist',
  readsHidden: '{field} wird nicht angezeigt: Das Formular liest es als leer.',
  hiddenIsRead: '{field} wird nicht angezeigt, und die Bedingungen von {fields} lesen es: Das Formular liest es jetzt als leer.',
} satisfies Table<typeof en>;
