// What the handler's lookup routes answer for the fakes' data, read by the SDK's own adapters
// from the documented formats (public-api-formats.ts), so mocks of the routes in browser tests
// (msw on `{base}/lookup…`) answer exactly what the real handler would. No Node API.
import type { AddressSuggestion, CompanyLookup } from '../../packages/sdk/src/lookups/types.js';
import { suggestionsFromSearch } from '../../packages/sdk/src/server/lookups/api-adresse.js';
import { companyFromSearch } from '../../packages/sdk/src/server/lookups/recherche-entreprises.js';
import { addressBody, FAKE_ADDRESSES, FAKE_COMPANIES, rechercheBody, type FakeAddress, type FakeCompany } from './public-api-formats.js';

/** `GET {base}/lookup/company?siret=…` for one of the fakes' companies (FAKE_COMPANIES.open…). */
export function companyAnswer(company: FakeCompany): CompanyLookup {
  const found = companyFromSearch(rechercheBody([company]), company.siret);
  if (!found) throw new Error(`no company answer for ${company.siret}`);
  return found;
}

/** `GET {base}/lookup/address?q=…&limit=…` for the fakes' addresses: `{ suggestions }`. */
export function addressAnswer(query: string, limit = 5, addresses: readonly FakeAddress[] = FAKE_ADDRESSES): { suggestions: AddressSuggestion[] } {
  return { suggestions: suggestionsFromSearch(addressBody(query, limit, addresses)).slice(0, limit) };
}

/** The three sample companies as the handler answers them. */
export const COMPANY_ANSWERS = {
  open: companyAnswer(FAKE_COMPANIES.open),
  closed: companyAnswer(FAKE_COMPANIES.closed),
  hidden: companyAnswer(FAKE_COMPANIES.hidden),
} as const;
