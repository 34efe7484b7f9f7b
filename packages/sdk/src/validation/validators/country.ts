// The ISO 3166-1 alpha-2 codes assigned to a country or territory (249), plus XK (Kosovo): the
// user-assigned code the EU, banks and carriers use, so that a company there can apply. Grouped
// by first letter, each group the first letter then every second letter. Exceptional
// reservations (AC, EU, UN…), user-assigned ranges (AA, QM–QZ, XA–XZ, ZZ) and withdrawn codes
// (UK, YU, SU, AN…) are not in it. A table rather than probing Intl for the 676 letter pairs:
// that cost a browser 20 to 30 ms per page load, and the answer never changes.
const ASSIGNED =
  'ADEFGILMOQRSTUWXZ BABDEFGHIJLMNOQRSTVWYZ CACDFGHIKLMNORUVWXYZ DEJKMOZ ECEGHRST FIJKMOR GABDEFGHILMNPQRSTUWY HKMNRTU IDELMNOQRST JEMOP KEGHIMNPRWYZ LABCIKRSTUVY MACDEFGHKLMNOPQRSTUVWXYZ NACEFGILOPRUZ OM PAEFGHKLMNRSTWY QA REOSUW SABCDEGHIJKLMNORSTVXYZ TCDFGHJKLMNORTVWZ UAGMSYZ VACEGINU WFS XK YET ZAMW';

let codes: readonly string[] | undefined;
let known: ReadonlySet<string> | undefined;

/** Every code {@link isValidCountryCode} accepts, in alphabetical order (250: ISO 3166-1 and XK). */
export function countryCodes(): readonly string[] {
  codes ??= Object.freeze(ASSIGNED.split(' ').flatMap((group) => [...group.slice(1)].map((second) => `${group[0]}${second}`)));
  return codes;
}

/**
 * An ISO 3166-1 alpha-2 country code: two upper-case letters assigned to a country or
 * territory, or XK (Kosovo). Withdrawn codes (UK, YU, SU, AN…) and non-country codes
 * (EU, UN, ZZ, XA…) are refused. The same answer on every runtime, whatever its Unicode data.
 */
export function isValidCountryCode(v: string): boolean {
  known ??= new Set(countryCodes());
  return known.has(v);
}
