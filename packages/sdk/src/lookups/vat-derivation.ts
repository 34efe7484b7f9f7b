import { isValidSiren, isValidSiret } from '../validation/validators/siret.js';
import { compactIdentifier } from '../validation/validators/text.js';
import { checkVatNumber } from '../validation/validators/vat.js';
import { own } from '../own.js';

/** The code of a {@link IdentifierWarning}: words for it are `lookups.warnings[code]` in the registry. */
export type IdentifierWarningCode = 'vat_siren_mismatch';

/**
 * Something worth pointing out about the identifiers of a submission that does not make it
 * invalid: the form shows it beside the field and still sends the request.
 */
export interface IdentifierWarning {
  readonly field: 'vatNumber';
  readonly code: IdentifierWarningCode;
  /** `siren`: the SIRET's company number, which the French VAT number should contain. */
  readonly params: { readonly siren: string };
}

/**
 * The French VAT number of a company: `FR`, a two-digit key, then the SIREN, where
 * key = (12 + 3 × (SIREN mod 97)) mod 97. Spaces, dots and dashes are ignored;
 * `undefined` when `siren` is not a valid SIREN (9 digits passing the Luhn check).
 * `frenchVatFromSiren('732 829 320')` → `FR44732829320`.
 */
export function frenchVatFromSiren(siren: string): string | undefined {
  const digits = compactIdentifier(siren);
  if (!isValidSiren(digits)) return undefined;
  // 9 digits stay below 2^53: Number is exact here.
  const key = (12 + 3 * (Number(digits) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${digits}`;
}

/** The SIREN (first 9 digits) of a valid SIRET, else `undefined`. */
export function sirenOfSiret(siret: string): string | undefined {
  const digits = compactIdentifier(siret);
  return isValidSiret(digits) ? digits.slice(0, 9) : undefined;
}

/**
 * Warnings about a submission's identifiers, none of which refuses it: today a valid French
 * VAT number whose SIREN is not the valid SIRET's (`vat_siren_mismatch`), the mark of a VAT
 * number copied from another company. Values that are empty or invalid give no warning (their
 * own validation speaks for them).
 */
export function identifierWarnings(values: Readonly<Record<string, unknown>>): IdentifierWarning[] {
  // Own members only: a page's polluted Object.prototype must not make up a number.
  const [siret, vatNumber] = [own(values, 'siret'), own(values, 'vatNumber')];
  if (typeof siret !== 'string' || typeof vatNumber !== 'string') return [];
  const siren = sirenOfSiret(siret);
  const vat = compactIdentifier(vatNumber);
  // Only a French number holds a SIREN: FR, a key of two characters, nine digits.
  if (!siren || !vat.startsWith('FR') || checkVatNumber(vat) !== 'ok') return [];
  return vat.slice(4) === siren ? [] : [{ field: 'vatNumber', code: 'vat_siren_mismatch', params: { siren } }];
}
