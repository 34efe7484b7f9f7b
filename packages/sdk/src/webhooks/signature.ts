import { AccountRequestError } from '../errors.js';

/** The prefix of a Standard Webhooks secret: `whsec_` then the key in base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/**
 * Why {@link verifyWebhook} refused a message: `invalid_timestamp` also when the options' clock
 * or tolerance is not a number (the age could not be checked), `invalid_body` for a body that is
 * neither text nor bytes, or a genuine body that is not JSON.
 */
export type WebhookVerificationReason = 'missing_headers' | 'invalid_timestamp' | 'too_old' | 'too_new' | 'no_matching_signature' | 'invalid_secret' | 'invalid_body';

/** A webhook message that is not genuine, or too old to trust: answer it with a 4xx and do not act on it. */
export class WebhookVerificationError extends AccountRequestError {
  override readonly name = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const encoder = new TextEncoder();

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The key bytes of a `whsec_…` secret (the prefix is optional, as receivers' libraries accept).
 * Throws a {@link WebhookVerificationError} (`invalid_secret`) for anything else.
 */
export function decodeWebhookSecret(secret: string): Uint8Array<ArrayBuffer> {
  // From plain JavaScript: an unset environment variable is `undefined`.
  if (typeof secret !== 'string') throw new WebhookVerificationError('invalid_secret', 'The webhook secret is not a string.');
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  let key: Uint8Array<ArrayBuffer>;
  try {
    key = fromBase64(encoded);
  } catch {
    throw new WebhookVerificationError('invalid_secret', 'The webhook secret is not base64 after whsec_.');
  }
  if (key.length === 0) throw new WebhookVerificationError('invalid_secret', 'The webhook secret is empty.');
  return key;
}

// Padded standard base64 and nothing else: `atob` also takes spaces, line breaks and missing
// padding, which receivers' libraries refuse (they could never check what such a secret signs).
const CANONICAL_SECRET = /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True for a `whsec_` secret in padded base64 whose key holds 24 to 64 bytes (what Standard Webhooks asks of a sender). */
export function isWebhookSecret(secret: unknown): secret is string {
  if (typeof secret !== 'string' || !CANONICAL_SECRET.test(secret)) return false;
  try {
    const length = decodeWebhookSecret(secret).length;
    return length >= 24 && length <= 64;
  } catch {
    return false;
  }
}

/** A new secret: `whsec_` and 32 random bytes in base64. */
export function createWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function hmac(secret: string, content: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', decodeWebhookSecret(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, typeof content === 'string' ? encoder.encode(content) : content)));
}

/**
 * The `webhook-signature` header of a message: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * for each secret, space-separated (two during a secret rotation, so a receiver holding either
 * secret accepts the message). `timestamp` is in seconds since the epoch.
 */
export async function signWebhook(secrets: readonly string[], id: string, timestamp: number, body: string): Promise<string> {
  const content = `${id}.${timestamp}.${body}`;
  const signatures = await Promise.all(secrets.map(async (secret) => `v1,${await hmac(secret, content)}`));
  return signatures.join(' ');
}

// Both sides are base64 of 32-byte MACs: compare every character whatever the first difference.
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The headers of a received message: a `Headers` object (fetch, Hono…) or a plain record (Express, Node). */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

// A genuine body that is not JSON is not one of our events: refused, not a SyntaxError to the caller.
function parsed(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WebhookVerificationError('invalid_body', 'The body is signed but is not JSON.');
  }
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds, either way; default 300. */
  readonly toleranceSeconds?: number;
  /** The receiver's clock in milliseconds (or a function giving it), for tests; default `Date.now`. */
  readonly now?: number | (() => number);
}

/**
 * Checks a received webhook the Standard Webhooks way and returns its parsed JSON body: one of
 * the `webhook-signature` entries must be the HMAC of `webhook-id.webhook-timestamp.body` under
 * `secret` (or one of several secrets, while you rotate), and the timestamp must be within
 * `toleranceSeconds` of now (a replayed old message is refused). Pass the body exactly as
 * received (the raw text or bytes, not re-serialized JSON). Throws a
 * {@link WebhookVerificationError} otherwise. WebCrypto only: runs on Node, Deno, Bun, workers.
 */
export async function verifyWebhook(secret: string | readonly string[], headers: WebhookHeaders, body: string | Uint8Array, options: VerifyWebhookOptions = {}): Promise<unknown> {
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) throw new WebhookVerificationError('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are required.');
  if (!/^\d{1,12}$/.test(timestampText)) throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp must be whole seconds since the epoch.');
  const timestamp = Number(timestampText);
  const clock = options.now ?? Date.now;
  const now = Math.floor(Number(typeof clock === 'function' ? clock() : clock) / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  // NaN would make both comparisons below false: the age check would be off, not failed.
  if (Number.isNaN(now) || typeof tolerance !== 'number' || Number.isNaN(tolerance)) {
    throw new WebhookVerificationError('invalid_timestamp', 'The options now and toleranceSeconds must be numbers: the message\'s age cannot be checked.');
  }
  if (now - timestamp > tolerance) throw new WebhookVerificationError('too_old', 'The message is older than the tolerance: refused as a possible replay.');
  if (timestamp - now > tolerance) throw new WebhookVerificationError('too_new', 'The message is dated in the future beyond the tolerance.');
  let text: string | undefined;
  let bytes: Uint8Array | undefined;
  try {
    // decode() takes a missing body for an empty one: that would hide a caller's mistake.
    text = typeof body === 'string' ? body : body == null ? undefined : new TextDecoder().decode(body);
    // The MAC covers the bytes as received: decoding drops a BOM and turns bytes that are not
    // UTF-8 into U+FFFD, so the text of bytes is not always what the sender signed.
    bytes = typeof body === 'string' ? encoder.encode(body) : ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(body as ArrayBuffer);
  } catch {
    // Neither text nor bytes (a parsed object, a number): the message cannot be checked.
  }
  if (text === undefined || bytes === undefined) throw new WebhookVerificationError('invalid_body', 'The body must be the raw text or bytes received.');
  const prefix = encoder.encode(`${id}.${timestampText}.`);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const received = signatures
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value]) => version === 'v1' && value !== undefined)
    .map(([, value]) => value as string);
  const secrets: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw new WebhookVerificationError('invalid_secret', 'No webhook secret was given.');
  for (const candidate of secrets) {
    const expected = await hmac(candidate as string, signed);
    if (received.some((value) => sameText(value, expected))) return parsed(text);
  }
  throw new WebhookVerificationError('no_matching_signature', 'No webhook-signature entry matches the secret.');
}
