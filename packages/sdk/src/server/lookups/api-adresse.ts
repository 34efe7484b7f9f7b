import type { AddressSuggestion } from '../../lookups/types.js';
import type { AddressSearch } from './adapters.js';
import { createLookupCache, type CacheOptions } from './cache.js';
import { callService, jsonOf, LookupServiceError, raceAbort, serviceBase, statusFailure, upstreamText, type Fetch } from './service.js';

/** The public base URL of the French national address API (Base Adresse Nationale). */
export const API_ADRESSE_URL = 'https://api-adresse.data.gouv.fr';

/** Options of {@link createApiAdresseSearch}. */
export interface ApiAdresseOptions {
  /** Default {@link API_ADRESSE_URL}. */
  readonly baseUrl?: string;
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /** The whole time one search may take, retries included; default 2000 ms (the applicant waits). */
  readonly timeoutMs?: number;
  /** Retries of a network failure, 429 or 502–504 within that time; default 1. */
  readonly retries?: number;
  /** Answers reused for 10 minutes, 500 at most, by default; `false` for none. */
  readonly cache?: CacheOptions | false;
}

const SERVICE = 'api-adresse';
/** Most suggestions one search returns. */
export const MAX_ADDRESS_SUGGESTIONS = 10;

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => upstreamText(value);

/**
 * The suggestions of one answer of `GET /search/?q=…` (a GeoJSON FeatureCollection): per
 * feature, `properties.label` for the list and `name` (house number and street, or locality),
 * `postcode` and `city` to fill in. A whole town (`type: municipality`) has no street: left out.
 */
export function suggestionsFromSearch(body: unknown): AddressSuggestion[] {
  if (!isObject(body) || !Array.isArray(body['features'])) throw new LookupServiceError(SERVICE, 'malformed');
  const suggestions: AddressSuggestion[] = [];
  for (const feature of body['features'] as unknown[]) {
    const properties = isObject(feature) && isObject(feature['properties']) ? feature['properties'] : undefined;
    if (!properties || properties['type'] === 'municipality') continue;
    const [label, street, postalCode, city] = [properties['label'], properties['name'], properties['postcode'], properties['city']].map(text);
    if (label && street && postalCode && city) suggestions.push({ label, street, postalCode, city });
  }
  return suggestions;
}

/**
 * An {@link AddressSearch} on the French national address API
 * (`GET {baseUrl}/search/?q=…&limit=…`, no key), France only. The service receives the typed
 * text only. A text the service refuses (400) gives no suggestion.
 */
export function createApiAdresseSearch(options: ApiAdresseOptions = {}): AddressSearch {
  const base = serviceBase(options.baseUrl ?? API_ADRESSE_URL, 'createApiAdresseSearch');
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const call = { timeoutMs: options.timeoutMs ?? 2000, retries: options.retries ?? 1, pause: { until: 0 } };
  const cache = options.cache === false ? undefined : createLookupCache<AddressSuggestion[]>({ ttlMs: 10 * 60 * 1000, ...options.cache });

  const load = async (query: string, limit: number, signal: AbortSignal | undefined): Promise<AddressSuggestion[]> => {
    const url = `${base}/search/?q=${encodeURIComponent(query)}&limit=${limit}`;
    const answer = await callService(SERVICE, fetch, url, { headers: { Accept: 'application/json' } }, { ...call, signal });
    if (answer.status === 400) return [];
    if (answer.status !== 200) throw statusFailure(SERVICE, answer);
    return suggestionsFromSearch(jsonOf(SERVICE, answer)).slice(0, limit);
  };

  return {
    async searchAddress(query, { signal, limit = 5, fresh } = {}) {
      const q = query.replace(/\s+/g, ' ').trim();
      const count = Math.min(Math.max(1, Math.trunc(limit)), MAX_ADDRESS_SUGGESTIONS);
      if (q.length < 3) return [];
      if (!cache) return load(q, count, signal);
      // Cached by the folded text: "12 Rue" and "12 rue" are one search.
      return raceAbort(cache.through(`${count}\n${q.toLowerCase()}`, () => load(q, count, undefined), fresh), signal);
    },
  };
}
