import type { CompanyLookup, LookupAddress } from '../../lookups/types.js';
import { compactIdentifier, isValidSiret } from '../../validation/validators/index.js';
import type { CompanyDirectory } from './adapters.js';
import { createLookupCache, type CacheOptions } from './cache.js';
import { legalFormOf } from './legal-forms.js';
import { callService, jsonOf, LookupServiceError, raceAbort, serviceBase, statusFailure, upstreamText, type Fetch } from './service.js';

/** The public base URL of the French government's company search (API Recherche d'entreprises). */
export const RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr';

/** Options of {@link createRechercheEntreprisesDirectory}. */
export interface RechercheEntreprisesOptions {
  /** Default {@link RECHERCHE_ENTREPRISES_URL}. */
  readonly baseUrl?: string;
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /** The whole time one lookup may take, retries included; default 2000 ms (the applicant waits). */
  readonly timeoutMs?: number;
  /** Retries of a network failure, 429 or 502–504 within that time; default 1. */
  readonly retries?: number;
  /** Answers (found or not) reused for 1 hour, 500 at most, by default; `false` for none. */
  readonly cache?: CacheOptions | false;
}

const SERVICE = 'recherche-entreprises';
// What the service writes where a sole trader opted out of publication.
const HIDDEN = /NON[- ]DIFFUSIBLE/i;

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A published, non-empty text of the answer, cleaned ({@link upstreamText}); else `undefined`. */
function text(value: unknown): string | undefined {
  const clean = upstreamText(value);
  return clean === undefined || HIDDEN.test(clean) ? undefined : clean;
}

/**
 * The street line of an establishment: its one-line `adresse` without the postal code and city
 * at its end (and without a leading `complement_adresse`), since the service writes the street
 * type in full there; else the street parts joined (`numero_voie`, `indice_repetition`,
 * `type_voie`, `libelle_voie`).
 */
function streetOf(place: Json, postalCode: string | undefined): string | undefined {
  let line = text(place['adresse']);
  if (line && postalCode) {
    const at = line.lastIndexOf(` ${postalCode}`);
    line = at > 0 ? line.slice(0, at).trim() : undefined;
    const complement = text(place['complement_adresse']);
    if (line && complement && line.startsWith(`${complement} `)) line = line.slice(complement.length + 1).trim();
  }
  if (line) return line;
  const parts = [place['numero_voie'], place['indice_repetition'], place['type_voie'], place['libelle_voie']].map(text).filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function addressOf(place: unknown): LookupAddress | undefined {
  if (!isObject(place)) return undefined;
  const postalCode = text(place['code_postal']);
  const city = text(place['libelle_commune']);
  const street = streetOf(place, postalCode);
  return street && postalCode && city ? { street, postalCode, city, country: 'FR' } : undefined;
}

/** The company of `siret` in one answer of `GET /search?q=<siret>`; `undefined` when absent. */
export function companyFromSearch(body: unknown, siret: string): CompanyLookup | undefined {
  if (!isObject(body) || !Array.isArray(body['results'])) throw new LookupServiceError(SERVICE, 'malformed');
  const siren = siret.slice(0, 9);
  const result = (body['results'] as unknown[]).find((item): item is Json => isObject(item) && item['siren'] === siren);
  if (!result) return undefined;
  const siege = isObject(result['siege']) ? result['siege'] : undefined;
  const matching = Array.isArray(result['matching_etablissements']) ? (result['matching_etablissements'] as unknown[]) : [];
  const establishment = matching.find((item): item is Json => isObject(item) && item['siret'] === siret) ?? (siege?.['siret'] === siret ? siege : undefined);
  const name = text(result['nom_raison_sociale']) ?? text(result['nom_complet']);
  const legalForm = legalFormOf(result['nature_juridique']);
  const address = addressOf(siege);
  return {
    siret,
    siren,
    ...(name ? { name } : {}),
    ...(legalForm ? { legalForm } : {}),
    ...(address ? { address } : {}),
    // The company ceased (C), or this establishment closed (F).
    closed: result['etat_administratif'] === 'C' || establishment?.['etat_administratif'] === 'F',
  };
}

/**
 * A {@link CompanyDirectory} on the French government's company search
 * (`GET {baseUrl}/search?q=<siret>`, no key): the registered name (`nom_raison_sociale`, else
 * `nom_complet`), the legal form from `nature_juridique`, the registered office's address
 * (`siege`) and whether the SIRET's establishment (`matching_etablissements`, or the `siege`
 * itself) or the company is closed (`etat_administratif` F or C). The service receives the
 * SIRET only.
 */
export function createRechercheEntreprisesDirectory(options: RechercheEntreprisesOptions = {}): CompanyDirectory {
  const base = serviceBase(options.baseUrl ?? RECHERCHE_ENTREPRISES_URL, 'createRechercheEntreprisesDirectory');
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const call = { timeoutMs: options.timeoutMs ?? 2000, retries: options.retries ?? 1, pause: { until: 0 } };
  const cache = options.cache === false ? undefined : createLookupCache<CompanyLookup | undefined>({ ttlMs: 60 * 60 * 1000, ...options.cache });

  const load = async (siret: string, signal: AbortSignal | undefined): Promise<CompanyLookup | undefined> => {
    const answer = await callService(SERVICE, fetch, `${base}/search?q=${siret}`, { headers: { Accept: 'application/json' } }, { ...call, signal });
    if (answer.status !== 200) throw statusFailure(SERVICE, answer);
    return companyFromSearch(jsonOf(SERVICE, answer), siret);
  };

  return {
    async lookupCompany(siret, { signal, fresh } = {}) {
      const digits = compactIdentifier(siret);
      if (!isValidSiret(digits)) return undefined;
      // A shared load must not die with the first caller's abort: only a lone caller passes its signal.
      return cache ? raceAbort(cache.through(digits, () => load(digits, undefined), fresh), signal) : load(digits, signal);
    },
  };
}
