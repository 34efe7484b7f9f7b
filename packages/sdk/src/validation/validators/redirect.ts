import { parseHttpUrl } from './url.js';

/**
 * Whether `v` is safe to send a browser to after a submission: a path relative to
 * the current origin starting with a single `/` (`/thank-you?x=1#a`), or an `https:`
 * URL (see {@link isValidHttpUrl}). Never `javascript:`/`data:` or any other scheme,
 * plain `http:`, a protocol-relative `//host`, backslashes (browsers read `/\host`
 * as `//host`), whitespace or control characters (parsers strip tabs and newlines,
 * so `/\t/evil.com` would become `//evil.com`).
 */
export function isSafeRedirectUrl(v: string): boolean {
  if (v.startsWith('/')) {
    if (v.startsWith('//') || /[\s\\\0-\x1F\x7F-\x9F]/.test(v)) return false;
    // Defence in depth: resolved against any origin, a safe path stays on it.
    try {
      return new URL(v, 'https://origin.invalid').origin === 'https://origin.invalid';
    } catch {
      return false;
    }
  }
  return parseHttpUrl(v)?.protocol === 'https:';
}
