import type { Table } from '../../table.js';
import type { conditions as en } from '../en/conditions.js';

/** Les conditions (`visibleWhen`) en toutes lettres, telles que l’éditeur les écrit sur une ligne. */
export const conditions = {
  shownWhen: 'Affiché seulement si {condition}',
  isValue: '{field} est {values}',
  isNot: '{field} n’est pas {values}',
  isNoneOf: '{field} n’est aucun de ces choix : {values}',
  euMember: '{field} est un État membre de l’UE',
  euMemberExcept: '{field} est un État membre de l’UE autre que {values}',
  filled: '{field} est renseigné',
  empty: '{field} est vide',
  ticked: '{field} est coché',
  notTicked: '{field} n’est pas coché',
  hasFile: 'un fichier est joint à {field}',
  noFile: 'aucun fichier n’est joint à {field}',
  readsHidden: '{field} n’est pas affiché : le formulaire le lit comme vide.',
  hiddenIsRead: '{field} n’est pas affiché, et les conditions de {fields} le lisent : le formulaire le lit désormais comme vide.',
} satisfies Table<typeof en>;
