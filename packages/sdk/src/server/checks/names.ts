import { foldText } from '../processing/query.js';

// Words of legal forms, in the languages of the VIES member states, that a registry adds to a
// name or leaves out of it: they do not tell two companies apart.
const LEGAL_WORDS = new Set([
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'ei', 'snc', 'sca', 'scs', 'sci', 'scop', 'selarl', 'selas', 'sel',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'eg', 'ev', 'bv', 'nv', 'vof', 'cv', 'bvba', 'sprl', 'srl', 'spa', 'sl', 'slu',
  'lda', 'ltd', 'limited', 'plc', 'llc', 'inc', 'as', 'ab', 'oy', 'aps', 'sro', 'kft', 'zrt', 'oe', 'ae', 'ike', 'se',
  'et', 'cie', 'co', 'and', 'und', 'y', 'e', 'societe', 'society',
]);

function words(name: string): string[] {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !LEGAL_WORDS.has(word));
}

/**
 * True when two company names name the same company as far as a person would tell: compared
 * without case, accents, punctuation or legal-form words (`SAS`, `GmbH`…), one name's words all
 * found in the other's (`COMPTOIR DUVAL SAS` matches `Comptoir Duval`; `Quincaillerie Morel`
 * does not). The back office warns when the name VIES registered does not match the one entered.
 */
export function companyNamesMatch(a: string, b: string): boolean {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return foldText(a) === foldText(b);
  const [shorter, longer] = left.length <= right.length ? [left, new Set(right)] : [right, new Set(left)];
  return shorter.every((word) => longer.has(word));
}

/** True when a request's VIES check found a name that does not match `companyName`. */
export function vatNameMismatch(check: { readonly name?: string } | undefined, companyName: unknown): boolean {
  return typeof check?.name === 'string' && typeof companyName === 'string' && companyName.trim() !== '' && !companyNamesMatch(check.name, companyName);
}
