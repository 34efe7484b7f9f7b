import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** Las condiciones (`visibleWhen`) en palabras, tal como el editor las escribe en una fila. */
export const conditions = {
  shownWhen: 'Solo se muestra si {condition}',
  isValue: '{field} es {values}',
  isNot: '{field} no es {values}',
  isNoneOf: '{field} no es ninguno de estos: {values}',
  euMember: '{field} es un Estado miembro de la UE',
  euMemberExcept: '{field} es un Estado miembro de la UE distinto de {values}',
  filled: '{field} está rellenado',
  empty: '{field} está vacío',
  ticked: '{field} está marcado',
  notTicked: '{field} no está marcado',
  hasFile: 'hay un archivo adjunto en {field}',
  noFile: 'no hay ningún archivo adjunto en {field}',
  readsHidden: '{field} no se muestra: el formulario lo lee como vacío.',
  hiddenIsRead: '{field} no se muestra, y las condiciones de {fields} lo leen: el formulario ahora lo lee como vacío.',
} satisfies Table<typeof en>;
