// Answers in the documented formats of the three public services of issue 14, as plain data
// (no Node API), so Node fakes (fake-public-apis.ts) and browser mocks (msw) build the same
// bodies: API Recherche d'entreprises (`GET /search?q=`), the VIES REST API
// (`POST /check-vat-number`) and the national address API (`GET /search/?q=&limit=`).

/** A company as the fakes know it; `siret` is the establishment the tests look up. */
export interface FakeCompany {
  readonly siret: string;
  readonly name: string;
  /** INSEE legal category, four digits (`5710` SAS). */
  readonly nature: string;
  /** The registered office; defaults to the establishment itself. */
  readonly siegeSiret?: string;
  readonly street: { readonly number: string; readonly type: string; readonly label: string; readonly full: string };
  readonly postalCode: string;
  readonly city: string;
  /** The establishment is closed (`F`). */
  readonly closed?: boolean;
  /** The whole company ceased (`C`). */
  readonly ceased?: boolean;
  /** A sole trader who opted out of publication: names and address are masked. */
  readonly hidden?: boolean;
}

/** Sample companies (valid SIRET numbers, made-up names): open, closed, masked. */
export const FAKE_COMPANIES = {
  open: {
    siret: '73282932000074',
    name: 'COMPTOIR DUVAL',
    nature: '5710',
    street: { number: '12', type: 'RUE', label: 'DE LA PAIX', full: '12 RUE DE LA PAIX' },
    postalCode: '75002',
    city: 'PARIS',
  },
  closed: {
    siret: '40483304800022',
    name: 'QUINCAILLERIE MOREL',
    nature: '5499',
    siegeSiret: '40483304800030',
    street: { number: '3', type: 'BD', label: 'DES BROTTEAUX', full: '3 BOULEVARD DES BROTTEAUX' },
    postalCode: '69006',
    city: 'LYON',
    closed: true,
  },
  hidden: {
    siret: '55210023200008',
    name: 'JEAN DUPONT',
    nature: '1000',
    street: { number: '5', type: 'CHE', label: 'DES VIGNES', full: '5 CHEMIN DES VIGNES' },
    postalCode: '33000',
    city: 'BORDEAUX',
    hidden: true,
  },
} as const satisfies Record<string, FakeCompany>;

const MASK = '[NON-DIFFUSIBLE]';

function establishment(company: FakeCompany, siret: string, closed: boolean): Record<string, unknown> {
  const masked = company.hidden === true;
  return {
    siret,
    activite_principale: '46.74A',
    adresse: masked ? MASK : `${company.street.full} ${company.postalCode} ${company.city}`,
    numero_voie: masked ? null : company.street.number,
    indice_repetition: null,
    type_voie: masked ? null : company.street.type,
    libelle_voie: masked ? null : company.street.label,
    complement_adresse: null,
    code_postal: company.postalCode,
    commune: '75102',
    libelle_commune: company.city,
    etat_administratif: closed ? 'F' : 'A',
    est_siege: siret === (company.siegeSiret ?? company.siret),
    date_creation: '2004-03-01',
  };
}

/** One `results[]` entry of `GET /search?q=<siret>` for `company`. */
export function rechercheResult(company: FakeCompany): Record<string, unknown> {
  const siegeSiret = company.siegeSiret ?? company.siret;
  const masked = company.hidden === true;
  return {
    siren: company.siret.slice(0, 9),
    nom_complet: masked ? MASK : `${company.name} (${company.name.split(' ').map((word) => word[0]).join('')})`,
    nom_raison_sociale: masked ? null : company.name,
    sigle: null,
    nombre_etablissements: siegeSiret === company.siret ? 1 : 2,
    nombre_etablissements_ouverts: company.closed ? 1 : siegeSiret === company.siret ? 1 : 2,
    activite_principale: '46.74A',
    categorie_entreprise: 'PME',
    date_creation: '2004-03-01',
    etat_administratif: company.ceased ? 'C' : 'A',
    nature_juridique: company.nature,
    section_activite_principale: 'G',
    siege: establishment(company, siegeSiret, siegeSiret === company.siret && company.closed === true),
    // A SIRET query lists the establishment it matched.
    matching_etablissements: [establishment(company, company.siret, company.closed === true)],
    complements: { est_entrepreneur_individuel: company.nature === '1000' },
  };
}

/** The whole body of `GET /search?q=…`: the companies found, paged as the service pages. */
export function rechercheBody(found: readonly FakeCompany[]): Record<string, unknown> {
  return { results: found.map(rechercheResult), total_results: found.length, page: 1, per_page: 10, total_pages: found.length === 0 ? 0 : 1 };
}

/** What VIES answers for one number in the fakes. */
export type FakeViesAnswer =
  | { readonly kind: 'valid'; readonly name?: string; readonly address?: string }
  | { readonly kind: 'invalid' }
  /** An error (`MS_UNAVAILABLE`, `MS_MAX_CONCURRENT_REQ`, `TIMEOUT`, `SERVICE_UNAVAILABLE`, `INVALID_INPUT`…) with its HTTP status. */
  | { readonly kind: 'error'; readonly code: string; readonly status?: number };

/** The body of a `POST /check-vat-number` answer: `[status, body]`. */
export function viesBody(request: { countryCode: string; vatNumber: string; requesterMemberStateCode?: string; requesterNumber?: string }, answer: FakeViesAnswer, at: Date): [number, Record<string, unknown>] {
  if (answer.kind === 'error') {
    return [answer.status ?? (answer.code === 'INVALID_INPUT' ? 400 : 500), { actionSucceed: false, errorWrappers: [{ error: answer.code, message: `fake ${answer.code}` }] }];
  }
  const valid = answer.kind === 'valid';
  return [
    200,
    {
      countryCode: request.countryCode,
      vatNumber: request.vatNumber,
      requestDate: at.toISOString(),
      valid,
      requestIdentifier: request.requesterNumber ? `WAPIAAAAZ${request.vatNumber.slice(-6)}` : '',
      name: valid ? (answer.name ?? '---') : '---',
      address: valid ? (answer.address ?? '---') : '---',
      traderName: '---',
      traderStreet: '---',
      traderPostalCode: '---',
      traderCity: '---',
      traderCompanyType: '---',
      traderNameMatch: 'NOT_PROCESSED',
      traderStreetMatch: 'NOT_PROCESSED',
      traderPostalCodeMatch: 'NOT_PROCESSED',
      traderCityMatch: 'NOT_PROCESSED',
      traderCompanyTypeMatch: 'NOT_PROCESSED',
    },
  ];
}

/** An address the fake address API knows. */
export interface FakeAddress {
  readonly housenumber?: string;
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  readonly type?: 'housenumber' | 'street' | 'locality' | 'municipality';
}

/** Sample addresses of the fake address API. */
export const FAKE_ADDRESSES: readonly FakeAddress[] = [
  { housenumber: '8', street: 'Boulevard du Port', postcode: '80000', city: 'Amiens' },
  { housenumber: '8', street: 'Boulevard du Port', postcode: '95000', city: 'Cergy' },
  { housenumber: '12', street: 'Rue de la Paix', postcode: '75002', city: 'Paris' },
  { street: 'Rue de la Paix', postcode: '42000', city: 'Saint-Étienne', type: 'street' },
  { street: 'Paris', postcode: '75001', city: 'Paris', type: 'municipality' },
];

/** One GeoJSON feature of `GET /search/` for `address`. */
export function addressFeature(address: FakeAddress, score: number): Record<string, unknown> {
  const type = address.type ?? 'housenumber';
  const name = type === 'municipality' ? address.city : address.housenumber ? `${address.housenumber} ${address.street}` : address.street;
  const label = type === 'municipality' ? address.city : `${name} ${address.postcode} ${address.city}`;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [2.29, 49.89] },
    properties: {
      label,
      score,
      ...(address.housenumber ? { housenumber: address.housenumber } : {}),
      id: `${address.postcode}_${name.length}`,
      name,
      postcode: address.postcode,
      citycode: address.postcode,
      x: 650000,
      y: 6860000,
      city: address.city,
      context: '80, Somme, Hauts-de-France',
      type,
      importance: 0.6,
      ...(type === 'housenumber' || type === 'street' ? { street: address.street } : {}),
    },
  };
}

/** The body of `GET /search/?q=…&limit=…`: the addresses whose label contains the text, as a FeatureCollection. */
export function addressBody(query: string, limit: number, addresses: readonly FakeAddress[] = FAKE_ADDRESSES): Record<string, unknown> {
  const needle = query.toLowerCase();
  const features = addresses
    .map((address) => addressFeature(address, 0.9))
    .filter((feature) => String((feature['properties'] as Record<string, unknown>)['label']).toLowerCase().includes(needle))
    .slice(0, limit);
  return { type: 'FeatureCollection', version: 'draft', features, attribution: 'BAN', licence: 'ETALAB-2.0', query, limit };
}
