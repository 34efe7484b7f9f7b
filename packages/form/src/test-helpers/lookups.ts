// The handler's lookup routes as msw answers them for the browser tests of issue 14: the same
// bodies the real handler gives for the fakes' data (test/test-helpers/lookup-answers.ts).
import { http, HttpResponse } from 'msw';
import { addressAnswer, COMPANY_ANSWERS } from '../../../../test/test-helpers/lookup-answers.js';
import { API, makeConfig, worker } from './index.js';

export { COMPANY_ANSWERS };

export const LOOKUP_URL = new URL(`${API}/lookup`, location.href).href;

/** Every field the lookups read or fill, none required but the contact. */
export const LOOKUP_CONFIG = makeConfig([
  { id: 'companyName', required: true },
  { id: 'legalForm' },
  { id: 'siret' },
  { id: 'vatNumber' },
  { id: 'email', required: true },
  { id: 'lastName', required: true },
  { id: 'street' },
  { id: 'postalCode' },
  { id: 'city' },
  { id: 'country' },
]);

/** What the lookup routes were asked. */
export interface LookupRequests {
  capabilities: number;
  readonly companies: string[];
  readonly addresses: string[];
}

export interface ServeOptions {
  readonly company?: boolean;
  readonly address?: boolean;
  /** Answers the company route instead of the fakes' companies. */
  readonly companyAnswer?: (siret: string) => Response | Promise<Response>;
}

const notFound = () => HttpResponse.json({ type: 'urn:account-request:problem:lookup-off', title: 'Not Found', status: 404 }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } });

/** Answers `{base}/lookup…` as a handler with the given lookups on (both by default), recording what was asked. */
export function serveLookups(options: ServeOptions = {}): LookupRequests {
  const { company = true, address = true } = options;
  const asked: LookupRequests = { capabilities: 0, companies: [], addresses: [] };
  worker.use(
    http.get(LOOKUP_URL, () => {
      asked.capabilities += 1;
      return HttpResponse.json({ company, address });
    }),
    http.get(`${LOOKUP_URL}/company`, ({ request }) => {
      const siret = new URL(request.url).searchParams.get('siret') ?? '';
      asked.companies.push(siret);
      if (!company) return notFound();
      if (options.companyAnswer) return options.companyAnswer(siret);
      const found = Object.values(COMPANY_ANSWERS).find((answer) => answer.siret === siret);
      return found ? HttpResponse.json(found) : notFound();
    }),
    http.get(`${LOOKUP_URL}/address`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const q = params.get('q') ?? '';
      asked.addresses.push(q);
      return address ? HttpResponse.json(addressAnswer(q, Number(params.get('limit') ?? '5'))) : notFound();
    }),
  );
  return asked;
}
