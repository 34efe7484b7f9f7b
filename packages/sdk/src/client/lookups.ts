import { isHTTPError, type Http } from './http.js';
import { AccountRequestError } from '../errors.js';
import type { AddressSuggestion, CompanyLookup, LegalForm, LookupAddress, LookupCapabilities } from '../lookups/types.js';
import { isAbortError } from './errors.js';
import { own } from '../own.js';

/** Options of the client's lookup methods. */
export interface LookupRequestOptions {
  /** Aborts the lookup (the applicant typed on): the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Milliseconds before giving up; default 2500 (the server gives its directory 2 s). Never retried. */
  readonly timeout?: number;
}

/**
 * A lookup gave no answer: a network failure, a timeout, a refusal (400, 403, 429) or a failing
 * service (503, 504), or an answer the client cannot read. A form treats it as "no suggestion".
 */
export class LookupError extends AccountRequestError {
  override readonly name = 'LookupError';
  readonly url: string;
  /** The HTTP status, absent for network failures, timeouts and unreadable answers. */
  readonly status: number | undefined;

  constructor(url: string, options: { status?: number; cause?: unknown } = {}) {
    super(`The lookup at ${url} gave no answer${options.status !== undefined ? ` (HTTP ${options.status})` : ''}`, options);
    this.url = url;
    this.status = options.status;
  }
}

/** True for a {@link LookupError} (by name, so it holds across bundles). */
export const isLookupError = (error: unknown): error is LookupError => error instanceof Error && error.name === 'LookupError';

const LEGAL_FORMS: readonly LegalForm[] = ['SARL', 'SAS', 'SASU', 'SA', 'EURL', 'EI', 'SNC', 'association', 'other'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
// Own members only: a page that polluted Object.prototype must not add a name or an address.
const at = (object: Json, key: string): unknown => own(object, key);

function readAddress(value: unknown): LookupAddress | undefined {
  if (!isObject(value)) return undefined;
  const [street, postalCode, city, country] = ['street', 'postalCode', 'city', 'country'].map((key) => at(value, key));
  return isText(street) && isText(postalCode) && isText(city) && isText(country) ? { street, postalCode, city, country } : undefined;
}

/** A `CompanyLookup` read defensively: `undefined` when the body is not one. */
export function readCompany(body: unknown): CompanyLookup | undefined {
  if (!isObject(body)) return undefined;
  const [siret, siren, closed, name, legalForm] = ['siret', 'siren', 'closed', 'name', 'legalForm'].map((key) => at(body, key));
  if (!isText(siret) || !isText(siren) || typeof closed !== 'boolean') return undefined;
  const address = readAddress(at(body, 'address'));
  return {
    siret,
    siren,
    ...(isText(name) ? { name } : {}),
    ...(LEGAL_FORMS.includes(legalForm as LegalForm) ? { legalForm: legalForm as LegalForm } : {}),
    ...(address ? { address } : {}),
    closed,
  };
}

/** The suggestions of an address lookup's body, `undefined` when it is not `{ suggestions: [...] }`. */
export function readSuggestions(body: unknown): AddressSuggestion[] | undefined {
  const list = isObject(body) ? at(body, 'suggestions') : undefined;
  if (!Array.isArray(list)) return undefined;
  const suggestions: AddressSuggestion[] = [];
  for (const item of list as unknown[]) {
    if (!isObject(item)) continue;
    const [label, street, postalCode, city] = ['label', 'street', 'postalCode', 'city'].map((key) => at(item, key));
    if (isText(label) && isText(street) && isText(postalCode) && isText(city)) suggestions.push({ label, street, postalCode, city });
  }
  return suggestions;
}

/**
 * One GET of a lookup route: the JSON body read by `read`, `null` for a 404 (unknown, or the
 * lookup is off), a {@link LookupError} for anything else but the caller's abort.
 */
export async function lookup<T>(api: Http, url: string, read: (body: unknown) => T | undefined, options: LookupRequestOptions = {}): Promise<T | null> {
  let response: Response;
  try {
    response = await api(url, { retry: 0, timeout: options.timeout ?? 2500, headers: { Accept: 'application/json' }, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (isAbortError(error)) throw error;
    const status = isHTTPError(error) ? error.response.status : undefined;
    if (status === 404) return null;
    throw new LookupError(url, { ...(status !== undefined ? { status } : {}), cause: error });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new LookupError(url, { cause });
  }
  const value = read(body);
  if (value === undefined) throw new LookupError(url);
  return value;
}

/** The capabilities of a body: both flags must be booleans. */
export function readCapabilities(body: unknown): LookupCapabilities | undefined {
  if (!isObject(body)) return undefined;
  const [company, address] = [at(body, 'company'), at(body, 'address')];
  return typeof company === 'boolean' && typeof address === 'boolean' ? { company, address } : undefined;
}
