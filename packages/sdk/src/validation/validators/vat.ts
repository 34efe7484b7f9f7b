import { compactIdentifier } from './text.js';

// National part of the number, after the two-letter prefix, per the European
// Commission's VIES formats. Greece uses its ISO 639 prefix EL; "GR" is refused as
// VIES refuses it. XI is Northern Ireland (UK formats, kept for goods under the
// Windsor Framework). Alike formats sit together: the table compresses better so.
const VAT_FORMATS: Readonly<Record<string, RegExp>> = {
  // First or last character a letter (a CIF/NIE starts with one, a NIF ends with one).
  ES: /^(?:[A-Z]\d{7}[A-Z\d]|\d{8}[A-Z])$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  LT: /^(?:\d{9}|\d{12})$/,
  XI: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  // Key: two digits, or two characters without I and O (new-style keys).
  FR: /^[\dA-HJ-NP-Z]{2}\d{9}$/,
  PL: /^\d{10}$/,
  SK: /^\d{10}$/,
  SE: /^\d{10}01$/,
  HR: /^\d{11}$/,
  IT: /^\d{11}$/,
  LV: /^\d{11}$/,
  CZ: /^\d{8,10}$/,
  DK: /^\d{8}$/,
  FI: /^\d{8}$/,
  HU: /^\d{8}$/,
  LU: /^\d{8}$/,
  MT: /^\d{8}$/,
  SI: /^\d{8}$/,
  CY: /^\d{8}[A-Z]$/,
  BG: /^\d{9,10}$/,
  DE: /^\d{9}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  PT: /^\d{9}$/,
  NL: /^\d{9}B\d{2}$/,
};

/**
 * Checks an intra-EU VAT number: the prefix of one of the 27 member states or XI
 * (Northern Ireland) and that country's national format; spaces, dots and dashes are
 * ignored, letters may be lower-case. Greece must use `EL` (`GR` is `invalid_format`).
 * For France, a numeric key must equal (12 + 3 × (SIREN mod 97)) mod 97, else
 * `invalid_checksum`; alphanumeric (new-style) keys have no published algorithm and
 * are checked for format only. Other countries are checked for format only.
 */
export function checkVatNumber(v: string): 'ok' | 'invalid_format' | 'invalid_checksum' {
  const s = compactIdentifier(v);
  const prefix = s.slice(0, 2);
  const rest = s.slice(2);
  if (!Object.hasOwn(VAT_FORMATS, prefix) || !VAT_FORMATS[prefix]?.test(rest)) return 'invalid_format';
  if (s.startsWith('FR') && /^\d\d/.test(rest)) {
    const key = (12 + 3 * (Number(rest.slice(2)) % 97)) % 97;
    if (key !== Number(rest.slice(0, 2))) return 'invalid_checksum';
  }
  return 'ok';
}
