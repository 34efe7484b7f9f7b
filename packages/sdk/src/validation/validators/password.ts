import { codePointLength } from './text.js';

/** Fewest code points a password may have (OWASP ASVS 2.1.1). */
export const PASSWORD_MIN_LENGTH = 12;
/** Most code points a password may have: ASVS asks for at least 64; more would only feed the hash cost. */
export const PASSWORD_MAX_LENGTH = 128;

/** Options of {@link checkPassword}. */
export interface PasswordCheckOptions {
  /** A blocklist (case-insensitive or not, as it likes): `true` refuses `v` as `too_common`. */
  readonly isCommon?: ((v: string) => boolean) | undefined;
}

/**
 * Checks a new password as OWASP ASVS asks: 12 to 128 code points (never truncated),
 * any printable Unicode, no composition rules, not a chunk of up to 8 characters
 * repeated ("azertyazerty", "aaaaaaaaaaaa", "abcabcabcabc"), and not on the `isCommon`
 * blocklist when one is given (browsers leave it out to stay small; the server handler
 * applies its built-in list of common passwords). Control characters are the caller's
 * concern (see `hasForbiddenCharacters`); the value is not trimmed.
 */
export function checkPassword(v: string, options: PasswordCheckOptions = {}): 'ok' | 'too_short' | 'too_long' | 'too_common' {
  const length = codePointLength(v);
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  return /^(.{1,8})\1+$/su.test(v) || options.isCommon?.(v) ? 'too_common' : 'ok';
}
