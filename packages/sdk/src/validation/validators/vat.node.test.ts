import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVatNumber } from './vat.js';

const VALID: Record<string, string[]> = {
  AT: ['ATU12345678'],
  BE: ['BE0123456789', 'BE1234567890'],
  BG: ['BG123456789', 'BG1234567890'],
  CY: ['CY12345678X'],
  CZ: ['CZ12345678', 'CZ123456789', 'CZ1234567890'],
  DE: ['DE123456789'],
  DK: ['DK12345678'],
  EE: ['EE123456789'],
  EL: ['EL123456789'],
  ES: ['ESX1234567X', 'ESB12345678', 'ES12345678Z', 'ESA1234567B'],
  FI: ['FI12345678'],
  FR: ['FR40303265045', 'FR44732829320', 'FR39356000000', 'FRA1303265045', 'FR1A303265045', 'FRHZ732829320'],
  HR: ['HR12345678901'],
  HU: ['HU12345678'],
  IE: ['IE1234567T', 'IE1234567TW', 'IE1234567FA', 'IE1A23456T', 'IE1+23456T'],
  IT: ['IT12345678901'],
  LT: ['LT123456789', 'LT123456789012'],
  LU: ['LU12345678'],
  LV: ['LV12345678901'],
  MT: ['MT12345678'],
  NL: ['NL123456789B01'],
  PL: ['PL1234567890'],
  PT: ['PT123456789'],
  RO: ['RO12', 'RO1234567890'],
  SE: ['SE123456789001'],
  SI: ['SI12345678'],
  SK: ['SK1234567890'],
  XI: ['XI123456789', 'XI123456789012', 'XIGD001', 'XIHA500'],
};

const INVALID_FORMAT: Record<string, string[]> = {
  AT: ['AT12345678', 'ATU1234567'],
  BE: ['BE123456789', 'BE2123456789'],
  BG: ['BG12345678'],
  CY: ['CY123456789'],
  CZ: ['CZ1234567'],
  DE: ['DE12345678', 'DE1234567890'],
  DK: ['DK1234567'],
  EE: ['EE12345678'],
  EL: ['GR123456789', 'EL12345678'],
  ES: ['ES123456789', 'ESX123456'],
  FI: ['FI1234567'],
  FR: ['FR4030326504', 'FRIO303265045', 'FR40A03265045', 'FR 40 303 265 04X'],
  HR: ['HR1234567890'],
  HU: ['HU123456789'],
  IE: ['IE1234567', 'IE12345678'],
  IT: ['IT1234567890'],
  LT: ['LT1234567890'],
  LU: ['LU1234567'],
  LV: ['LV1234567890'],
  MT: ['MT1234567'],
  NL: ['NL123456789', 'NL123456789X01'],
  PL: ['PL123456789'],
  PT: ['PT12345678'],
  RO: ['RO1', 'RO0123', 'RO12345678901'],
  SE: ['SE1234567890', 'SE123456789002'],
  SI: ['SI1234567'],
  SK: ['SK123456789'],
  XI: ['XI12345678', 'XIGD500', 'GB123456789'],
  other: ['', 'FR', '123456789', 'US123456789', 'CH123456789', 'ZZ12345678', '__proto__'],
};

test('a valid sample for each of the 27 member states and XI', () => {
  assert.equal(Object.keys(VALID).length, 28);
  for (const [country, samples] of Object.entries(VALID))
    for (const v of samples) assert.equal(checkVatNumber(v), 'ok', `${country}: ${v}`);
});

test('bad shapes and unknown prefixes are invalid_format', () => {
  for (const [country, samples] of Object.entries(INVALID_FORMAT))
    for (const v of samples) assert.equal(checkVatNumber(v), 'invalid_format', `${country}: ${v}`);
});

test('spaces, dots, dashes and lower case are accepted', () => {
  assert.equal(checkVatNumber('fr 40 303 265 045'), 'ok');
  assert.equal(checkVatNumber('FR40.303.265.045'), 'ok');
  assert.equal(checkVatNumber('nl123456789b01'), 'ok');
  assert.equal(checkVatNumber(' DE-123-456-789 '), 'ok');
});

test('French numeric key must match the SIREN', () => {
  assert.equal(checkVatNumber('FR41303265045'), 'invalid_checksum');
  assert.equal(checkVatNumber('FR00303265045'), 'invalid_checksum');
  assert.equal(checkVatNumber('FR40303265046'), 'invalid_checksum');
  // SIREN 000000029 gives (12 + 87) mod 97 = 2, written with its leading zero.
  assert.equal(checkVatNumber('FR02000000029'), 'ok');
  assert.equal(checkVatNumber('FR2000000029'), 'invalid_format');
});

test('invisible characters pasted with a number are ignored, other characters are not', () => {
  assert.equal(checkVatNumber('FR40303265045\u200b'), 'ok');
  assert.equal(checkVatNumber('\u200eFR 40 303 265 045\u200f'), 'ok');
  assert.equal(checkVatNumber('NL004495445\u00adB01'), 'ok');
  for (const v of ['\uff26\uff32\uff14\uff10303265045', 'FR\u0664\u0660303265045', 'FR40303265045\u{1F600}', 'FR40/303265045'])
    assert.equal(checkVatNumber(v), 'invalid_format', JSON.stringify(v));
});
