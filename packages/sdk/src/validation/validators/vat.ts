import { compactIdentifier } from './text.js';

// National part of the number, after the two-letter prefix, per the European
// Commission's VIES formats. Greece uses its ISO 639 prefix EL; "GR" is refused as
// VIES refuses it. XI is Northern Ireland (UK formats, kept for goods under the
// Windsor Framework).
const VAT_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  // First or last character a letter (a CIF/NIE starts with one, a NIF ends with one).
  ES: /^(?:[A-Z]\d{7}[A-Z\d]|\d{8}[A-Z])$/,
  FI: /^\d{8}$/,
  // Key: two digits, or two characters without I and O (new-style keys).
  FR: /^[\dA-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^[1-9]\d{1,9}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
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
