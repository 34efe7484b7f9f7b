/**
 * JSON with object keys sorted at every level, so two equal values always serialize to the
 * same text whatever order their keys were built in (`undefined` members are dropped, as
 * `JSON.stringify` does).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // A null-prototype target: a `__proto__` key stays a plain data key.
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

type OneShotHash = (algorithm: 'sha256', data: string | Uint8Array, outputEncoding: 'base64url') => string;

// Node (22.3 and later) hands out its built-in modules synchronously, without an import that
// would tie this file to one runtime. Its one-shot `hash` costs a few microseconds where a
// WebCrypto digest is a job on the thread pool: on Node that job was a fifth of the CPU time
// of a submission. Other runtimes, and older Node, keep WebCrypto.
const oneShotHash = ((): OneShotHash | undefined => {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const hash = (process?.getBuiltinModule?.('node:crypto') as { hash?: unknown } | undefined)?.hash;
    return typeof hash === 'function' ? (hash as OneShotHash) : undefined;
  } catch {
    return undefined;
  }
})();

/** SHA-256 of a text or bytes, base64url without padding. */
export async function sha256(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  if (oneShotHash) return oneShotHash('sha256', data, 'base64url');
  return webCryptoSha256(data);
}

/** {@link sha256} through WebCrypto, as on every runtime without `node:crypto`'s `hash`. */
export async function webCryptoSha256(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return base64Url(digest);
}

/** Base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The strong ETag of a config: a hash of its canonical JSON, quoted. A store that saves configs
 * can call it to compare the `If-Match` value atomically with its own copy.
 */
export async function computeConfigEtag(config: unknown): Promise<string> {
  return `"${await sha256(canonicalJson(config))}"`;
}

/** The entity tags of an `If-Match` / `If-None-Match` header; `['*']` for the wildcard. */
export function parseEtagList(header: string): string[] {
  const tags: string[] = [];
  for (const match of header.matchAll(/\s*(\*|(?:W\/)?"[^"]*")\s*(?:,|$)/g)) {
    if (match[1]) tags.push(match[1]);
  }
  return tags;
}

/** Strong comparison (RFC 9110 §8.8.3.2), used for `If-Match`: weak tags never match. */
export function ifMatchSatisfied(header: string, current: string): boolean {
  return parseEtagList(header).some((tag) => tag === '*' || (!tag.startsWith('W/') && tag === current));
}

/** Weak comparison, used for `If-None-Match`: `W/"x"` matches `"x"`. */
export function ifNoneMatchSatisfied(header: string, current: string): boolean {
  const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);
  return parseEtagList(header).some((tag) => tag === '*' || opaque(tag) === opaque(current));
}
