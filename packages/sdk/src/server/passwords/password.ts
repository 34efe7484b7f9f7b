import { base64Url } from '../http/etag.js';

/** PBKDF2-HMAC-SHA256 work factor: OWASP's Password Storage Cheat Sheet asks for at least 600,000. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
// Refuse absurd work factors read back from storage (a tampered hash must not stall the server).
const MAX_ITERATIONS = 10_000_000;

/** Options of {@link hashPassword}. */
export interface HashPasswordOptions {
  /** Defaults to {@link PBKDF2_ITERATIONS}; lower it only in tests. */
  readonly iterations?: number;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/**
 * Hashes a password with PBKDF2-SHA256 through WebCrypto (no Node-only API), a random 16-byte
 * salt and {@link PBKDF2_ITERATIONS} iterations. Returns a PHC-style string
 * `$pbkdf2-sha256$i=600000$<salt>$<hash>` (base64url), so the parameters travel with the hash
 * and can be raised later without breaking stored ones.
 */
export async function hashPassword(password: string, options: HashPasswordOptions = {}): Promise<string> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `$pbkdf2-sha256$i=${iterations}$${base64Url(salt)}$${base64Url(hash)}`;
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Checks a password against a string made by {@link hashPassword}, in constant time over the hash bytes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$pbkdf2-sha256\$i=(\d{1,8})\$([^$]+)\$([^$]+)$/.exec(stored);
  if (!match?.[1] || !match[2] || !match[3]) return false;
  const iterations = Number(match[1]);
  const salt = fromBase64Url(match[2]);
  const expected = fromBase64Url(match[3]);
  if (!salt || !expected || iterations < 1 || iterations > MAX_ITERATIONS) return false;
  const actual = await derive(password, salt, iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < actual.length; index += 1) difference |= (actual[index] ?? 0) ^ (expected[index] ?? 0);
  return difference === 0;
}
