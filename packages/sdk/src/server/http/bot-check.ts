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
// How long after its challenge a solution's key windows end: the bound key's, any other's.
const BOUND_MS = 1000;
const PROBE_MS = 2000;
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
      const end = expiresAt * 1000;
      // The first use binds the solution to its idempotency key; a later use passes only with it.
      // A store only counts hits, so the binding is told by its window's end: the first use opens
      // its key's window to end BOUND_MS after the challenge, any later hit of a key without one
      // opens it PROBE_MS after. A key refused once is thus refused every time (counting its
      // hits would let its second try through).
      const uses = await store.hit(`altcha:${nonce}`, end - at + BOUND_MS, at);
      const byKey = await store.hit(`altcha:${nonce}:${idempotencyKey}`, end - at + (uses.count === 1 ? BOUND_MS : PROBE_MS), at);
      return uses.count === 1 || byKey.resetAt < end + (BOUND_MS + PROBE_MS) / 2 ? undefined : 'reused';
    },
  };
}
