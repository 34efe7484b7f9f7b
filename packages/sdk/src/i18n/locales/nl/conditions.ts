import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** Voorwaarden (`visibleWhen`) in woorden, zoals de editor ze op een rij uitschrijft. (Bijzin: werkwoord achteraan.) */
export const conditions = {
  shownWhen: 'Alleen getoond als {condition}',
  isValue: '{field} {values} is',
  isNot: '{field} niet {values} is',
  isNoneOf: '{field} geen van de waarden {values} heeft',
  euMember: '{field} een EU-lidstaat is',
  euMemberExcept: '{field} een andere EU-lidstaat dan {values} is',
  filled: '{field} ingevuld is',
  empty: '{field} leeg is',
  ticked: '{field} aangevinkt is',
  notTicked: '{field} niet aangevinkt is',
  hasFile: 'bij {field} een bestand is gevoegd',
  noFile: 'bij {field} geen bestand is gevoegd',
  readsHidden: '{field} wordt niet getoond: het formulier leest het als leeg.',
  hiddenIsRead: '{field} wordt niet getoond, en de voorwaarden van {fields} lezen het: het formulier leest het nu als leeg.',
} satisfies Table<typeof en>;
