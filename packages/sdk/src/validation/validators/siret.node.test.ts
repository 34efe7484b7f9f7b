import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSiren, isValidSiret } from './siret.js';

test('valid SIRENs', () => {
  for (const v of ['732829320', '552120222', '356000000', '303 265 045', '542.107.651'])
    assert.equal(isValidSiren(v), true, v);
});

test('invalid SIRENs', () => {
  for (const v of ['732829321', '73282932', '7328293200', '000000000', '73282932a', '', 'abcdefghi'])
    assert.equal(isValidSiren(v), false, v);
});

test('valid SIRETs', () => {
  for (const v of ['73282932000074', '732 829 320 00074', '552-120-222-00013', '55212022200013'])
    assert.equal(isValidSiret(v), true, v);
});

test('invalid SIRETs', () => {
  for (const v of ['73282932000075', '7328293200007', '732829320000744', '00000000000000',
    '7328293200007A', '73282932000074x', ''])
    assert.equal(isValidSiret(v), false, v);
});

test('La Poste: digit sum multiple of 5, head office by Luhn', () => {
  // 3+5+6 = 14: NIC digits summing to 1, 6, 11… give a multiple of 5.
  assert.equal(isValidSiret('35600000000010'), true); // sum 15, fails Luhn
  assert.equal(isValidSiret('356 000 000 00010'), true);
  assert.equal(isValidSiret('35600000049837'), true); // sum 45
  assert.equal(isValidSiret('35600000000048'), true); // head office: Luhn, sum 26
  assert.equal(isValidSiret('35600000000102'), false); // sum 17, fails Luhn
  // The exception is La Poste's only: other SIRETs with a digit sum of 5×n still need Luhn.
  assert.equal(isValidSiret('35600000100005'), false); // SIREN 356000001, sum 20
  assert.equal(isValidSiret('73282932000013'), false); // sum 40
});

test('invisible characters pasted with a SIRET are ignored, other digits are not', () => {
  assert.equal(isValidSiret('\u200b73282932000074\u200b'), true);
  assert.equal(isValidSiret('\u200e732 829 320 00074\u200f'), true);
  assert.equal(isValidSiren('732\u2060829\u2060320'), true);
  assert.equal(isValidSiret('\u0667\u0663\u0662\u0668\u0662\u0669\u0663\u0662\u0660\u0660\u0660\u0660\u0667\u0664'), false);
  assert.equal(isValidSiret('\uff17\uff13\uff12\uff18\uff12\uff19\uff13\uff12\uff10\uff10\uff10\uff10\uff17\uff14'), false);
});
