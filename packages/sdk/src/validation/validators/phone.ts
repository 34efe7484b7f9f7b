/**
 * A phone number, international (`+` then a country code not starting with 0) or
 * national: 6 to 20 digits once spaces, dots, dashes and parentheses are dropped,
 * at most one `+` and only in front, no letters (so no "ext." suffix) nor other signs.
 * Deliberately loose: numbering plans differ too much between countries to check more
 * without shipping libphonenumber's metadata in the browser bundle.
 */
export function isValidPhone(v: string): boolean {
  return /^(?:\+[1-9]\d{5,19}|\d{6,20})$/.test(v.replace(/[\s.()\-]/g, ''));
}
