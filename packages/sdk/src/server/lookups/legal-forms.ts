import type { LegalForm } from '../../lookups/types.js';

// INSEE's legal categories (catégories juridiques, level III: four digits) that name one of the
// catalog's legal forms on their own.
const EXACT: Readonly<Record<string, LegalForm>> = {
  // SARL unipersonnelle, and its liberal-profession form (EURL d'exercice libéral).
  '5498': 'EURL',
  '5488': 'EURL',
  '5710': 'SAS',
  // SAS à associé unique.
  '5720': 'SASU',
  // SNC, and SNC coopérative.
  '5202': 'SNC',
  '5203': 'SNC',
  // Associations: non déclarée, déclarée (and its insertion, intermediary, employer-group and
  // lawyers' variants), reconnue d'utilité publique, de droit local (Alsace-Moselle).
  '9210': 'association',
  '9220': 'association',
  '9221': 'association',
  '9222': 'association',
  '9223': 'association',
  '9224': 'association',
  '9230': 'association',
  '9260': 'association',
};

/**
 * The catalog's `legalForm` option of an INSEE legal category (`nature_juridique`, four digits):
 * 1xxx (entrepreneur individuel) → `EI`; 5498 → `EURL`; other 54xx (SARL: 5499, 5410…, SELARL
 * 5485) → `SARL`; 55xx and 56xx (SA with a board or a directorate: 5599, 5699…) → `SA`; 5720 →
 * `SASU`; other 57xx (5710, SELAS 5785) → `SAS`; 5202/5203 → `SNC`; the associations (92xx but
 * 9240, congregations) → `association`; any other category → `other`. `undefined` when `code`
 * is not a category.
 */
export function legalFormOf(code: unknown): LegalForm | undefined {
  if (typeof code !== 'string' || !/^\d{4}$/.test(code)) return undefined;
  const exact = EXACT[code];
  if (exact) return exact;
  if (code.startsWith('1')) return 'EI';
  if (code.startsWith('54')) return 'SARL';
  if (code.startsWith('55') || code.startsWith('56')) return 'SA';
  if (code.startsWith('57')) return 'SAS';
  return 'other';
}
