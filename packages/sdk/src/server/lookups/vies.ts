import { checkVatNumber, compactIdentifier } from '../../validation/validators/index.js';
import type { VatChecker, VatCheckAnswer } from './adapters.js';
import { createLookupCache, type CacheOptions } from './cache.js';
import { callService, jsonOf, LookupServiceError, raceAbort, serviceBase, statusFailure, upstreamText, type Fetch } from './service.js';

/** The public base URL of the European Commission's VIES REST API. */
export const VIES_URL = 'https://ec.europa.eu/taxation_customs/vies/rest-api';

/** Options of {@link createViesChecker}. */
export interface ViesOptions {
  /** Default {@link VIES_URL}. */
  readonly baseUrl?: string;
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /**
   * The shop's own VAT number (`FR40303265045`). With it VIES answers a consultation number,
   * the proof of the check a tax audit asks for; without it, none.
   */
  readonly requester?: string;
  /** The whole time one check may take, retries included; default 10 s (nobody waits on it). */
  readonly timeoutMs?: number;
  /** Retries of a network failure, 429 or 502–504 within that time; default 1. */
  readonly retries?: number;
  /** Valid and invalid answers reused for 1 hour, 500 at most, by default; `false` for none. */
  readonly cache?: CacheOptions | false;
}

const SERVICE = 'vies';
// VIES's documented errors that no retry fixes. The number (or its country code) is malformed:
// that is VIES's verdict on the number. The requester we sent is refused: the number was never
// checked, and every retry would be refused alike until the deployment names a valid requester.
// Every other code is retried as "not now": MS_UNAVAILABLE, TIMEOUT, the *_MAX_CONCURRENT_REQ*
// family, and VAT_BLOCKED and IP_BLOCKED too (a block is VIES's to lift; a retry costs one call).
const INVALID_NUMBER = new Set(['INVALID_INPUT']);
const REFUSED_REQUESTER = new Set(['INVALID_REQUESTER_INFO']);

/**
 * True when an `unavailable` VAT check's `reason` is VIES refusing the requester the deployment
 * sends: not retried, and no check succeeds until the operator corrects it (a back office says so
 * rather than "retried automatically").
 */
export function viesRefusedRequester(reason: string | undefined): boolean {
  return reason !== undefined && REFUSED_REQUESTER.has(reason);
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A disclosed text (VIES writes `---` for what a member state does not disclose), on one line. */
function disclosed(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = upstreamText(value.split(/\r?\n/).map((part) => upstreamText(part)).filter(Boolean).join(', '));
  return line === undefined || /^-+$/.test(line) ? undefined : line;
}

/** The error code of a VIES answer (`errorWrappers[0].error`, or a `userError` other than VALID/INVALID). */
function errorCode(body: Json): string | undefined {
  const wrappers = body['errorWrappers'];
  const first = Array.isArray(wrappers) ? (wrappers as unknown[])[0] : undefined;
  if (isObject(first) && typeof first['error'] === 'string') return first['error'];
  const user = body['userError'];
  return typeof user === 'string' && user !== 'VALID' && user !== 'INVALID' ? user : undefined;
}

/** Reads one answer of `POST /check-vat-number`, whatever its status. */
export function viesAnswer(status: number, body: unknown, now: () => Date = () => new Date()): VatCheckAnswer {
  if (!isObject(body)) throw status === 200 ? new LookupServiceError(SERVICE, 'malformed', { status }) : statusFailure(SERVICE, { status });
  const code = errorCode(body);
  if (code !== undefined) {
    if (INVALID_NUMBER.has(code)) return { state: 'invalid', checkedAt: now().toISOString() };
    const reason = upstreamText(code, 60) ?? 'unknown';
    return viesRefusedRequester(reason) ? { state: 'unavailable', reason, final: true } : { state: 'unavailable', reason };
  }
  const valid = typeof body['valid'] === 'boolean' ? body['valid'] : body['isValid'];
  if (status !== 200) throw statusFailure(SERVICE, { status });
  if (typeof valid !== 'boolean') throw new LookupServiceError(SERVICE, 'malformed', { status });
  const date = typeof body['requestDate'] === 'string' ? Date.parse(body['requestDate']) : Number.NaN;
  const name = disclosed(body['name']);
  const address = disclosed(body['address']);
  const consultation = upstreamText(body['requestIdentifier'], 64);
  return {
    state: valid ? 'valid' : 'invalid',
    checkedAt: Number.isFinite(date) ? new Date(date).toISOString() : now().toISOString(),
    ...(name ? { name } : {}),
    ...(address ? { address } : {}),
    ...(consultation ? { consultationNumber: consultation } : {}),
  };
}

/**
 * A {@link VatChecker} on the EU's VIES REST API: `POST {baseUrl}/check-vat-number` with the
 * country code and the national part of the number (and the `requester`'s, when given). `valid`
 * / `invalid` with the registered name and address when the member state discloses them, the
 * answer's date and its consultation number (`requestIdentifier`); VIES's error codes
 * (`MS_UNAVAILABLE`, `MS_MAX_CONCURRENT_REQ`, `TIMEOUT`, `SERVICE_UNAVAILABLE`…) are
 * `unavailable`, except `INVALID_INPUT` (the number itself), which is `invalid`, and
 * `INVALID_REQUESTER_INFO` (the `requester`), which is a `final` `unavailable`. VIES receives
 * the VAT number (and the requester's) only.
 */
export function createViesChecker(options: ViesOptions = {}): VatChecker {
  const base = serviceBase(options.baseUrl ?? VIES_URL, 'createViesChecker');
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const call = { timeoutMs: options.timeoutMs ?? 10_000, retries: options.retries ?? 1, pause: { until: 0 } };
  const requester = options.requester ? compactIdentifier(options.requester) : undefined;
  if (requester !== undefined && checkVatNumber(requester) !== 'ok') throw new TypeError('createViesChecker: requester must be a VAT number with its country prefix.');
  const cache = options.cache === false ? undefined : createLookupCache<VatCheckAnswer>({ ttlMs: 60 * 60 * 1000, ...options.cache });

  const load = async (vat: string): Promise<VatCheckAnswer> => {
    const body = {
      countryCode: vat.slice(0, 2),
      vatNumber: vat.slice(2),
      ...(requester ? { requesterMemberStateCode: requester.slice(0, 2), requesterNumber: requester.slice(2) } : {}),
    };
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
    const answer = await callService(SERVICE, fetch, `${base}/check-vat-number`, init, call);
    // An error status may come with VIES's JSON error (a code to read) or with a proxy's page.
    const json = answer.status === 200 || answer.text.trimStart().startsWith('{') ? jsonOf(SERVICE, answer) : null;
    const result = viesAnswer(answer.status, json);
    // "Not now" must not be remembered: the retry has to ask again.
    if (result.state === 'unavailable') throw new Unavailable(result);
    return result;
  };

  return {
    async checkVat(vatNumber, { signal, fresh } = {}) {
      const vat = compactIdentifier(vatNumber);
      if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(vat)) return { state: 'invalid', checkedAt: new Date().toISOString() };
      try {
        return await raceAbort(cache ? cache.through(vat, () => load(vat), fresh) : load(vat), signal);
      } catch (error) {
        if (error instanceof Unavailable) return error.answer;
        throw error;
      }
    },
  };
}

// Carries an `unavailable` answer through the cache without keeping it there.
class Unavailable extends Error {
  readonly answer: VatCheckAnswer;

  constructor(answer: VatCheckAnswer) {
    super('unavailable');
    this.answer = answer;
  }
}
