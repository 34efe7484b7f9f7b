// Why ASCII only, after NFKC: compatibility look-alikes (the Kelvin sign, full-width
// letters) fold to their ASCII form, and what is still not ASCII (Cyrillic "а" in a
// Latin-looking name, decomposed accents that NFKC recomposes into non-ASCII letters)
// is refused. That closes homograph spoofing of addresses shown to back-office staff,
// avoids SMTPUTF8, which many mail servers still lack, and gives the same answer in
// every browser and on the server. International domains can be typed in their
// ASCII (xn--) form. Quoted local parts and IP-literal domains are refused too: legal
// in RFC 5321, unseen in business addresses and a common way to slip past filters.
const LOCAL_PART = /^[A-Za-z\d!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z\d!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})$/;

/**
 * Unicode NFKC, trim, then lower-case the domain (the local part is left as typed:
 * it may be case-sensitive).
 */
export function normalizeEmail(v: string): string {
  const s = v.normalize('NFKC').trim();
  const at = s.lastIndexOf('@');
  return at < 0 ? s : s.slice(0, at) + s.slice(at).toLowerCase();
}

/**
 * Checks `v` after {@link normalizeEmail}: exactly one `@`, an ASCII dot-atom local
 * part of at most 64 characters, an ASCII domain of valid labels (1–63 characters,
 * letters, digits, inner dashes) ending in a top-level domain of at least 2 letters
 * (or an `xn--` one), and at most 254 characters in all.
 */
export function isValidEmail(v: string): boolean {
  const s = normalizeEmail(v);
  const at = s.indexOf('@');
  if (s.length > 254 || at < 1 || at !== s.lastIndexOf('@') || at > 64) return false;
  return LOCAL_PART.test(s.slice(0, at)) && DOMAIN.test(s.slice(at + 1));
}
