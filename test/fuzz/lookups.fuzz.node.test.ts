// The readers of the outside services' answers (the company directory, the national address
// API, VIES) on answers shaped like the real ones with hostile texts, and on anything: they
// throw nothing but a LookupServiceError, and every text they keep is one a form value may hold
// (no control, NUL, bidi override or lone surrogate), NFC, on one line, within its length.
// What they keep prefills the form and is stored with the request (PostgreSQL refuses a NUL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { suggestionsFromSearch } from '../../packages/sdk/src/server/lookups/api-adresse.js';
import { companyFromSearch } from '../../packages/sdk/src/server/lookups/recherche-entreprises.js';
import { isLookupServiceError, UPSTREAM_TEXT_MAX } from '../../packages/sdk/src/server/lookups/service.js';
import { viesAnswer } from '../../packages/sdk/src/server/lookups/vies.js';
import { codePointLength, hasForbiddenCharacters } from '../../packages/sdk/src/validation/validators/text.js';
import { hostileJson, nastyString } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

const SIRET = '73282932000074';
const SIREN = SIRET.slice(0, 9);

const text = fc.oneof(
  { weight: 3, arbitrary: nastyString(40) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1500 }) },
  { weight: 1, arbitrary: fc.constantFrom('ACME SAS', '---', 'NON-DIFFUSIBLE', '75002', 'PARIS 2', ' \n ', '1 RUE DE LA PAIX\n75002 PARIS', '5710') },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: hostileJson });

const place = fc.record(
  { siret: fc.oneof(fc.constant(SIRET), text), adresse: text, code_postal: text, libelle_commune: text, complement_adresse: text, numero_voie: text, indice_repetition: text, type_voie: text, libelle_voie: text, etat_administratif: fc.oneof(fc.constantFrom('A', 'F'), text) },
  { requiredKeys: [] },
);
const companyAnswer = fc.record({
  results: fc.array(
    fc.record(
      { siren: fc.oneof(fc.constant(SIREN), text), nom_raison_sociale: maybe(text), nom_complet: maybe(text), nature_juridique: maybe(fc.oneof(fc.constantFrom('5710', '5499', '1000'), text)), etat_administratif: fc.oneof(fc.constantFrom('A', 'C'), text), siege: maybe(place), matching_etablissements: maybe(fc.array(maybe(place), { maxLength: 3 })) },
      { requiredKeys: ['siren'] },
    ),
    { maxLength: 3 },
  ),
});
const addressAnswer = fc.record({
  features: fc.array(maybe(fc.record({ properties: maybe(fc.record({ type: fc.oneof(fc.constantFrom('housenumber', 'street', 'municipality'), text), label: maybe(text), name: maybe(text), postcode: maybe(text), city: maybe(text) }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 6 }),
});
const viesBody = fc.record(
  { valid: fc.oneof(fc.boolean(), hostileJson), isValid: fc.boolean(), name: maybe(text), address: maybe(text), requestIdentifier: maybe(text), requestDate: maybe(fc.oneof(fc.constant('2026-12-05T10:00:00.000Z'), text)), userError: maybe(fc.oneof(fc.constantFrom('VALID', 'INVALID', 'MS_UNAVAILABLE'), text)), errorWrappers: maybe(fc.array(fc.record({ error: maybe(fc.oneof(fc.constantFrom('INVALID_INPUT', 'MS_MAX_CONCURRENT_REQ'), text)) }), { maxLength: 2 })) },
  { requiredKeys: [] },
);

/** Every string in `value`, however deep. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

function assertKeepable(result: unknown): void {
  for (const kept of stringsOf(result)) {
    assert.ok(!hasForbiddenCharacters(kept), `a kept text holds a forbidden character: ${JSON.stringify(kept)}`);
    assert.equal(kept, kept.normalize('NFC'), `not NFC: ${JSON.stringify(kept)}`);
    assert.ok(codePointLength(kept) <= UPSTREAM_TEXT_MAX, `longer than ${UPSTREAM_TEXT_MAX}: ${kept.length}`);
    assert.equal(kept, kept.trim());
  }
}

/** Runs `read`; a LookupServiceError is an answer refused, anything else thrown fails. */
function readOrRefuse(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    assert.ok(isLookupServiceError(error), `threw ${String(error)}`);
    return undefined;
  }
}

describe('fuzz: the readers of the outside services\' answers', () => {
  test('the company directory: a company with keepable texts, or none', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: companyAnswer }, { weight: 1, arbitrary: hostileJson }), (body) => {
        const company = readOrRefuse(() => companyFromSearch(body, SIRET));
        assertKeepable(company);
      }),
      fuzzParameters(500),
    );
  });

  test('the address API: suggestions with keepable texts', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 5, arbitrary: addressAnswer }, { weight: 1, arbitrary: hostileJson }), (body) => {
        assertKeepable(readOrRefuse(() => suggestionsFromSearch(body)));
      }),
      fuzzParameters(500),
    );
  });

  test('VIES: a verdict with keepable texts, whatever the status', () => {
    fc.assert(
      fc.property(fc.constantFrom(200, 400, 500, 503), fc.oneof({ weight: 5, arbitrary: viesBody }, { weight: 1, arbitrary: hostileJson }), (status, body) => {
        assertKeepable(readOrRefuse(() => viesAnswer(status, body, () => new Date('2026-12-05T10:00:00Z'))));
      }),
      fuzzParameters(500),
    );
  });
});
