import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The only admin user name of the demo. */
export const ADMIN_USER = 'admin';

/** The realm named in `WWW-Authenticate`; the browser keys its cached credentials on it. */
export const ADMIN_REALM = 'Account requests admin';

/** A random admin password for a server started without `ADMIN_PASSWORD`: 18 random bytes, base64url (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

// Digests first, so both sides have the same length and the comparison time says nothing
// about the password's length or its first differing byte.
function equalSecrets(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The user and password of an `Authorization: Basic …` header, or undefined when it is absent or malformed. */
export function parseBasicAuth(header: string | null): { user: string; password: string } | undefined {
  const match = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * True when the request carries Basic credentials `admin` / `password`. Both the user and the
 * password are compared in constant time, and both are always compared, so a wrong user name
 * takes as long as a wrong password.
 */
export function isAdmin(request: Request, password: string): boolean {
  const credentials = parseBasicAuth(request.headers.get('Authorization'));
  if (!credentials) return false;
  const userOk = equalSecrets(credentials.user, ADMIN_USER);
  const passwordOk = equalSecrets(credentials.password, password);
  return userOk && passwordOk;
}

/** Headers of a 401 answer: the Basic challenge (UTF-8 credentials, RFC 7617) and no caching. */
export function challengeHeaders(): Record<string, string> {
  return {
    'WWW-Authenticate': `Basic realm="${ADMIN_REALM}", charset="UTF-8"`,
    'Cache-Control': 'no-store',
  };
}
