import { fr } from '../../fr.js';
import type { Table } from '../../table.js';
import type { core as en } from '../en/core.js';

/** Textes communs en français. */
export const core = {
  ...fr,
  language: 'Français',
  intl: 'fr-FR',
} satisfies Table<typeof en>;
