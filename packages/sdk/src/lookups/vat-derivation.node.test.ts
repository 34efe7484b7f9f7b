import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkVatNumber } from '../validation/validators/vat.js';
import { frenchVatFromSiren, identifierWarnings, sirenOfSiret } from './vat-derivation.js';

describe('frenchVatFromSiren', () => {
  it('computes the key (12 + 3 × (SIREN mod 97)) mod 97, two digits', () => {
    // 732829320 mod 97 = 43 → (12 + 129) mod 97 = 44.
    assert.equal(frenchVatFromSiren('732829320'), 'FR44732829320');
    // 404833048 mod 97 = 56 → (12 + 168) mod 97 = 83.
    assert.equal(frenchVatFromSiren('404833048'), 'FR83404833048');
    // A key below 10 keeps its leading zero: 552100232 mod 97 = 94 → 294 mod 97 = 3.
    assert.equal(frenchVatFromSiren('552100232'), 'FR03552100232');
  });

  it('gives numbers the SDK accepts, for every key', () => {
    let checked = 0;
    for (let n = 100000000; checked < 300; n += 7919) {
      const vat = frenchVatFromSiren(String(n));
      if (!vat) continue;
      checked += 1;
      assert.equal(checkVatNumber(vat), 'ok', vat);
    }
  });

  it('ignores spaces, dots and dashes', () => {
    assert.equal(frenchVatFromSiren(' 732 829.320 '), 'FR44732829320');
  });

  it('refuses what is not a SIREN', () => {
    for (const input of ['', '73282932', '7328293200', '732829321', '000000000', 'ABCDEFGHI', '73282932000074']) {
      assert.equal(frenchVatFromSiren(input), undefined, input);
    }
  });
});

describe('sirenOfSiret', () => {
  it('is the first nine digits of a valid SIRET', () => {
    assert.equal(sirenOfSiret('732 829 320 00074'), '732829320');
    assert.equal(sirenOfSiret('73282932000075'), undefined);
    assert.equal(sirenOfSiret(''), undefined);
  });
});

describe('identifierWarnings', () => {
  const siret = '73282932000074';

  it('flags a French VAT number of another company than the SIRET', () => {
    assert.deepEqual(identifierWarnings({ siret, vatNumber: 'FR83404833048' }), [{ field: 'vatNumber', code: 'vat_siren_mismatch', params: { siren: '732829320' } }]);
  });

  it('says nothing when the numbers agree, whatever their spacing and case', () => {
    assert.deepEqual(identifierWarnings({ siret: '732 829 320 00074', vatNumber: 'fr 44 732 829 320' }), []);
  });

  it('says nothing about foreign, empty, invalid or missing numbers', () => {
    for (const values of [
      { siret, vatNumber: 'DE123456789' },
      { siret, vatNumber: '' },
      { siret, vatNumber: 'FR00404833048' },
      { siret: '12345678901234', vatNumber: 'FR83404833048' },
      { siret },
      { vatNumber: 'FR83404833048' },
      { siret: 42, vatNumber: 'FR83404833048' },
    ]) assert.deepEqual(identifierWarnings(values), [], JSON.stringify(values));
  });

  it('compares the SIREN of a new-style alphanumeric key too', () => {
    assert.equal(identifierWarnings({ siret, vatNumber: 'FRAB404833048' })[0]?.code, 'vat_siren_mismatch');
    assert.deepEqual(identifierWarnings({ siret, vatNumber: 'FRAB732829320' }), []);
  });
});
