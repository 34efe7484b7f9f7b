import { createChallenge, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

/** The bot check of public submissions: an ALTCHA proof of work, self-hosted (see docs/security.md). */
export interface BotCheckOptions {
  /** The HMAC key that signs the challenges (the demo's `ALTCHA_HMAC_KEY`): a random secret, at least 32 characters. */
  readonly hmacKey: string;
  /**
   * Where used solutions are remembered until their challenge expires, so each is accepted once.
   * Give a store several instances share (`@account-request/postgres`'s `rateLimits`, the demo's
   * SQLite counters); default: this process's memory.
   */
  readonly store?: RateLimitStore;
  /** How long a challenge may be solved and used, in seconds; default 600. */
  readonly expiresInSeconds?: number;
  /** PBKDF2-SHA-256 iterations per attempt (about 256 attempts solve a challenge); default 5000. */
  readonly cost?: number;
}

/** Why a submission's solution was refused. */
export type BotCheckRefusal = 'missing' | 'invalid' | 'expired' | 'reused';

/** The request header that carries the solution (the widget's payload, base64 JSON). */
export const BOT_CHECK_HEADER = 'Altcha-Payload';

/** The bot check of one handler. */
export interface BotCheck {
  /** A new signed challenge, for `GET {base}/challenge`. */
  challenge(): Promise<Challenge>;
  /**
   * Checks a solution: signed by this key, solved, not expired at `now`, and not used before,
   * except by the same `idempotencyKey` (a retry of the same submission passes, so its stored
   * answer can be replayed). Resolves `undefined` when it passes.
   */
  verify(payload: string | null, idempotencyKey: string, now: number): Promise<BotCheckRefusal | undefined>;
}

const MAX_PAYLOAD_LENGTH = 4096;
// A used solution is remembered until 1 s after its challenge expires, plus its key's mark.
const KEEP_MS = 1000;
// Marks spread over this many ms: another key has 1 chance in about a million to share the first
// key's, and since the mark is keyed by the HMAC secret, finding one takes that many requests.
const MARKS = 2 ** 20;
const MIN_KEY_LENGTH = 32;

function parsePayload(text: string): Payload | undefined {
  if (text.length > MAX_PAYLOAD_LENGTH) return undefined;
  try {
    const value = JSON.parse(atob(text)) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { challenge, solution } = value as Partial<Payload>;
    if (typeof challenge !== 'object' || challenge === null || typeof challenge.parameters !== 'object' || challenge.parameters === null) return undefined;
    if (typeof solution !== 'object' || solution === null) return undefined;
    return { challenge, solution };
  } catch {
    return undefined;
  }
}

/** Builds the bot check of a handler from its `botCheck` option; throws on a key too short to be secret. */
export function createBotCheck(options: BotCheckOptions, now: () => Date): BotCheck {
  if (typeof options.hmacKey !== 'string' || options.hmacKey.length < MIN_KEY_LENGTH) {
    throw new TypeError(`createAccountRequestHandler: botCheck.hmacKey must be a random secret of at least ${MIN_KEY_LENGTH} characters.`);
  }
  const store = options.store ?? createMemoryRateLimitStore();
  const secret = crypto.subtle.importKey('raw', new TextEncoder().encode(options.hmacKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // A number of ms in [0, MARKS) that only this server can compute for an idempotency key.
  const markOf = async (idempotencyKey: string): Promise<number> => {
    const digest = new Uint8Array(await crypto.subtle.sign('HMAC', await secret, new TextEncoder().encode(`altcha-key:${idempotencyKey}`)));
    return ((digest[0]! << 16) | (digest[1]! << 8) | digest[2]!) % MARKS;
  };
  const lifetime = options.expiresInSeconds ?? 600;
  const cost = options.cost ?? 5000;

  return {
    challenge: () =>
      createChallenge({ algorithm: 'PBKDF2/SHA-256', cost, deriveKey, hmacSignatureSecret: options.hmacKey, expiresAt: Math.floor(now().getTime() / 1000) + lifetime }),

    async verify(text, idempotencyKey, at) {
      if (text === null || text.trim() === '') return 'missing';
      const payload = parsePayload(text.trim());
      if (!payload) return 'invalid';
      let result: Awaited<ReturnType<typeof verifySolution>>;
      try {
        result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: options.hmacKey });
      } catch {
        return 'invalid';
      }
      if (result.expired) return 'expired';
      if (!result.verified) return 'invalid';
      // Signed, so its expiry and nonce are ours; checked on the handler's clock as well.
      const { expiresAt, nonce } = payload.challenge.parameters;
      if (typeof expiresAt !== 'number' || expiresAt * 1000 <= at) return 'expired';
      // The first use binds the solution to its idempotency key; a later use passes only with it
      // (the retry of that submission, so its answer can be replayed). A store only counts hits,
      // but the window a solution's first hit opens keeps the end it was given: that end carries
      // the first key's mark, set in the same atomic hit, so concurrent copies of one submission
      // cannot split the binding, and a key refused once is refused every time.
      const bound = expiresAt * 1000 + KEEP_MS + (await markOf(idempotencyKey));
      const uses = await store.hit(`altcha:${nonce}`, bound - at, at);
      return uses.resetAt === bound ? undefined : 'reused';
    },
  };
}
