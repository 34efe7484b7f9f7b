// Codes CLDR names but ISO 3166-1 does not assign to a country: exceptional
// reservations (AC, CP, CQ, DG, EA, EU, EZ, IC, TA, UN) and user-assigned ranges
// (AA, QM–QZ, XA–XZ, ZZ). XK (Kosovo) stays accepted: the user-assigned code that
// the EU, banks and carriers use, and a company there must be able to apply.
const NOT_A_COUNTRY = /^(?:A[AC]|C[PQ]|DG|E[AUZ]|IC|Q[M-Z]|TA|UN|X[A-JL-Z]|ZZ)$/;

let names: Intl.DisplayNames | undefined;
// Answers per code: the Intl calls cost a third of a whole validateSubmission, and the shape
// test below bounds the cache at 26 × 26 entries.
const known = new Map<string, boolean>();

/**
 * An ISO 3166-1 alpha-2 country code: two upper-case letters naming a country or
 * territory the runtime's `Intl.DisplayNames` knows. Deprecated codes it maps to a
 * successor (UK → GB, YU, SU, AN…) and non-country codes (EU, UN, ZZ, XA…) are
 * refused. No country table is bundled: the runtime's Unicode data is the table.
 */
export function isValidCountryCode(v: string): boolean {
  if (!/^[A-Z]{2}$/.test(v) || NOT_A_COUNTRY.test(v)) return false;
  // Runtimes without Intl.DisplayNames (none of the supported ones) fall back to shape.
  if (typeof Intl.DisplayNames !== 'function') return true;
  let valid = known.get(v);
  if (valid === undefined) {
    names ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    valid = names.of(v) !== undefined && Intl.getCanonicalLocales(`und-${v}`)[0] === `und-${v}`;
    known.set(v, valid);
  }
  return valid;
}
