import { compactIdentifier } from './text.js';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * French SIREN (company number): 9 digits passing the Luhn check. Spaces, dots and
 * dashes in the input are ignored. All zeros is refused (it passes Luhn but is no company).
 */
export function isValidSiren(v: string): boolean {
  const s = compactIdentifier(v);
  return /^\d{9}$/.test(s) && !/^0+$/.test(s) && luhn(s);
}

/**
 * French SIRET (establishment number): 14 digits passing the Luhn check, with La
 * Poste's documented exception: its establishments (SIREN 356000000) outnumber what
 * a Luhn-checked NIC allows, so INSEE validates them by the sum of their 14 digits
 * being a multiple of 5 (the head office, 35600000000048, passes Luhn). Spaces, dots
 * and dashes in the input are ignored.
 */
export function isValidSiret(v: string): boolean {
  const s = compactIdentifier(v);
  if (!/^\d{14}$/.test(s) || /^0+$/.test(s)) return false;
  // Either rule accepted for La Poste: a real number is never refused, and a made-up
  // one passing Luhn costs nothing more than any other made-up Luhn-valid number.
  return luhn(s) || (s.startsWith('356000000') && digitSum(s) % 5 === 0);
}
