import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPostalCode } from './postal-code.js';

const VALID: Record<string, string[]> = {
  FR: ['75001', '01000', '13008', '20000', '20090', '20200', '95880', '97110', '97400', '97600', '98450', '98714', '98800', ' 69002 '],
  BE: ['1000', '9999'],
  CH: ['1201', '8001'],
  DE: ['10115', '01067', '99998'],
  LU: ['1234', 'L-1234', 'L1234', 'l-2449'],
  ES: ['28001', '01001', '52001', '08080'],
  IT: ['00118', '20121'],
  NL: ['1234 AB', '1234AB', '1011ab', '9999 ZZ'],
  PT: ['1000-001', '4450-123'],
  GB: ['SW1A 1AA', 'SW1A1AA', 'sw1a 1aa', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'gir0aa'],
  US: ['90210', '10001-1234'],
  MC: ['98000'],
  AT: ['1010'],
  DK: ['2100', '0800'],
  SE: ['114 55', '11455'],
  PL: ['00-950', '31-002'],
  IE: ['D02 X285', 'A65F4E2', 'D6W 1234', 't12 ye82'],
  CA: ['K1A 0B1', 'h2x1y4'],
  // Unknown formats: 2 to 10 letters, digits, spaces or dashes.
  JP: ['100-0001'],
  BR: ['01310-100'],
  AR: ['C1425DKB'],
  KE: ['00100'],
  '': ['12345'],
};

const INVALID: Record<string, string[]> = {
  FR: ['00100', '7500', '750011', '2A000', '96000', '97700', '98000', '98900', 'ABCDE', '75 001', ''],
  BE: ['0999', '10000', 'B-1000'],
  CH: ['0123', '12345'],
  DE: ['00123', '1234', '123456'],
  LU: ['12345', 'LU-1234', 'L 1234'],
  ES: ['00001', '53001', '5300', '280010'],
  IT: ['1234', '123456'],
  NL: ['0123 AB', '1234 SA', '1234 SD', '1234 SS', '1234', '1234 A', '1234  AB'],
  PT: ['1234567', '0123-456', '1234-56'],
  GB: ['QA1 1AA', 'VA1 1AA', 'XA1 1AA', 'AI1 1AA', 'A1 1CA', 'A1 1AI', 'SW1A', '1AA SW1A', 'SW1A 1AAA', 'W1I 1AA', 'GIR 0AB'],
  US: ['9021', '90210-123', '902101234', 'ABCDE'],
  MC: ['75001', '98100'],
  AT: ['0123', '12345'],
  DK: ['123', '12345'],
  SE: ['01234', '1234 5'],
  PL: ['00950', '00-95'],
  IE: ['D02', 'B02 X285', 'D02 X28', 'T12 AB34', 'D6X 1234'],
  CA: ['D1A 0B1', 'K1A 0B', 'K1A-0B1'],
  JP: ['1', '12345678901', '-1234', '12_34', '１２３'],
};

test('valid postal codes per country', () => {
  for (const [country, samples] of Object.entries(VALID))
    for (const v of samples) assert.equal(checkPostalCode(v, country), 'ok', `${country}: ${v}`);
});

test('invalid postal codes per country', () => {
  for (const [country, samples] of Object.entries(INVALID))
    for (const v of samples) assert.equal(checkPostalCode(v, country), 'invalid_format', `${country}: ${v}`);
});

test('country code is case-insensitive and never reads the prototype', () => {
  assert.equal(checkPostalCode('00100', 'fr'), 'invalid_format');
  assert.equal(checkPostalCode('75001', ' fr '), 'ok');
  assert.equal(checkPostalCode('12345', 'constructor'), 'ok');
  assert.equal(checkPostalCode('12345', '__proto__'), 'ok');
});

test('only ASCII letters are upper-cased into a format (no \u017f for S, no ligature for FF)', () => {
  assert.equal(checkPostalCode('\u017fw1a 1aa', 'GB'), 'invalid_format');
  assert.equal(checkPostalCode('1012 \ufb00', 'NL'), 'invalid_format');
  assert.equal(checkPostalCode('\ufb00', 'JP'), 'invalid_format');
  assert.equal(checkPostalCode('\ufb06 12', 'XX'), 'invalid_format');
  assert.equal(checkPostalCode('d\u0131 1aa', 'GB'), 'invalid_format');
  assert.equal(checkPostalCode('\uff17\uff15\uff10\uff10\uff18', 'FR'), 'invalid_format');
  assert.equal(checkPostalCode('sw1a 1aa', 'GB'), 'ok');
  assert.equal(checkPostalCode('1012 ff', 'NL'), 'ok');
});
