import type { CompanyLookup } from '../../lookups/types.js';
import { compactIdentifier, hasForbiddenCharacters, isValidSiret } from '../../validation/validators/index.js';
import type { HandlerContext } from '../http/context.js';
import { HttpProblem, json, problem } from '../http/problem.js';
import { clientKey, retryAfterSeconds } from '../http/rate-limit.js';
import { hitRateLimitStore } from '../http/rate-limit-store.js';
import { MAX_ADDRESS_SUGGESTIONS } from '../lookups/api-adresse.js';
import { isLookupServiceError } from '../lookups/service.js';

/** The longest address text the address lookup takes, in characters. */
export const MAX_ADDRESS_QUERY = 200;

const INVALID = 'urn:account-request:problem:invalid-lookup';

// A lookup answers the page that asked, cross-origin ones included, and is refused to a
// browser on a site the handler does not allow (it would use the shop's quota).
async function guard(context: HandlerContext, request: Request): Promise<Headers> {
  if (!context.origins.allows(request)) throw new HttpProblem(problem(403, 'Lookups are answered to the shop\'s own pages and the allowed origins only.'));
  const { limiter, shared } = context.lookups ?? {};
  if (limiter || shared) {
    const { trustProxy = false, clientAddress } = context.options;
    const key = `lookup:${clientKey(request, trustProxy, clientAddress)}`;
    const result = shared ? await context.store(() => hitRateLimitStore(shared.store, key, shared, context.now().getTime())) : limiter?.hit(key);
    if (result && !result.allowed) {
      const seconds = String(result.retryAfterSeconds);
      throw new HttpProblem(problem(429, `Too many lookups; try again in ${seconds} s.`, { headers: { 'Retry-After': seconds, ...Object.fromEntries(context.origins.corsHeaders(request)) } }));
    }
  }
  return context.origins.corsHeaders(request);
}

function off(what: string, headers: Headers): Response {
  return problem(404, `The ${what} lookup is not turned on.`, { type: 'urn:account-request:problem:lookup-off', headers });
}

// The form treats any failure as "no suggestion": say which, without the service's details.
function failed(error: unknown, headers: Headers): Response {
  const timeout = isLookupServiceError(error) && error.failure === 'timeout';
  // A service that said to wait is not asked again until then: a client asking sooner gets this same 503.
  const wait = isLookupServiceError(error) ? error.retryAfterMs : undefined;
  if (wait !== undefined) headers.set('Retry-After', String(retryAfterSeconds(wait)));
  return problem(timeout ? 504 : 503, timeout ? 'The lookup service did not answer in time.' : 'The lookup service cannot answer now.', {
    type: 'urn:account-request:problem:lookup-failed',
    headers,
  });
}

/** `GET {base}/lookup`: public; which lookups are on (`LookupCapabilities`). */
export function getLookupCapabilities(context: HandlerContext, request: Request): Response {
  const headers = context.origins.corsHeaders(request);
  headers.set('Cache-Control', 'public, max-age=300');
  return json(200, { company: context.lookups?.company !== undefined, address: context.lookups?.address !== undefined }, headers);
}

/**
 * `GET {base}/lookup/company?siret=…`: public, rate-limited; the `CompanyLookup` of a valid
 * SIRET (200), 400 for an invalid one, 404 when the directory does not know it (or the lookup
 * is off), 503 or 504 when the directory cannot answer (a 503 with `Retry-After` while it asked
 * to wait).
 */
export async function getCompanyLookup(context: HandlerContext, request: Request): Promise<Response> {
  const headers = await guard(context, request);
  const directory = context.lookups?.company;
  if (!directory) return off('company', headers);
  const siret = compactIdentifier(new URL(request.url).searchParams.get('siret') ?? '');
  if (!isValidSiret(siret)) return problem(400, 'Send a valid SIRET number in the siret parameter.', { type: INVALID, headers });
  let company: CompanyLookup | undefined;
  try {
    company = await directory.lookupCompany(siret, { signal: request.signal });
  } catch (error) {
    return failed(error, headers);
  }
  if (!company) return problem(404, 'The directory knows no establishment with this SIRET number.', { type: 'urn:account-request:problem:company-not-found', headers });
  headers.set('Cache-Control', 'public, max-age=3600');
  return json(200, company, headers);
}

/**
 * `GET {base}/lookup/address?q=…&limit=…`: public, rate-limited; `{ suggestions }` for a text of
 * 3 to 200 characters starting with a letter or a digit (`limit` 1 to 10, default 5), 400
 * otherwise, 404 when the lookup is off, 503 or 504 when the service cannot answer (a 503 with
 * `Retry-After` while it asked to wait).
 */
export async function getAddressLookup(context: HandlerContext, request: Request): Promise<Response> {
  const headers = await guard(context, request);
  const search = context.lookups?.address;
  if (!search) return off('address', headers);
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  if (q.length < 3 || q.length > MAX_ADDRESS_QUERY || !/^[\p{L}\p{N}]/u.test(q) || hasForbiddenCharacters(q)) {
    return problem(400, `Send 3 to ${MAX_ADDRESS_QUERY} characters, starting with a letter or a digit, in the q parameter.`, { type: INVALID, headers });
  }
  const rawLimit = params.get('limit');
  if (rawLimit !== null && !(/^\d{1,2}$/.test(rawLimit) && Number(rawLimit) >= 1 && Number(rawLimit) <= MAX_ADDRESS_SUGGESTIONS)) {
    return problem(400, `The limit parameter must be a whole number from 1 to ${MAX_ADDRESS_SUGGESTIONS}.`, { type: INVALID, headers });
  }
  try {
    const suggestions = await search.searchAddress(q, { signal: request.signal, limit: rawLimit === null ? 5 : Number(rawLimit) });
    // What the applicant typed of their address: kept by their browser only.
    headers.set('Cache-Control', 'private, max-age=300');
    return json(200, { suggestions }, headers);
  } catch (error) {
    return failed(error, headers);
  }
}
