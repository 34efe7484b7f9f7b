import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointLength, compactIdentifier, hasForbiddenCharacters, isBlank, normalizeText } from './text.js';

test('normalizeText composes to NFC and trims', () => {
  assert.equal(normalizeText('  Cafe\u0301 \n'), 'Caf\u00e9');
  assert.equal(normalizeText('\u00c5ngstr\u00f6m'), '\u00c5ngstr\u00f6m');
  assert.equal(normalizeText('\t'), '');
});

test('isBlank: white space and invisible characters only', () => {
  for (const v of ['', ' \t\n', '\u00a0', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', ' \u200b\u3000 '])
    assert.equal(isBlank(v), true, JSON.stringify(v));
  // A joiner inside a word or an emoji sequence is kept with it: only a value of nothing else is blank.
  for (const v of ['a', '\u200ba', '\u{1F468}\u200d\u{1F469}', '.', '\0'])
    assert.equal(isBlank(v), false, JSON.stringify(v));
});

test('isBlank: a soft hyphen, a Hangul filler or a LRM mark alone shows nothing either', () => {
  for (const v of ['\u00ad', '\u3164', '\u115f\u1160', '\uffa0', ' \u200e\u200f ', '\ufe0f'])
    assert.equal(isBlank(v), true, JSON.stringify(v));
  for (const v of ['a\u00ad', '\u3164x', '\u2800']) assert.equal(isBlank(v), false, JSON.stringify(v));
});

test('hasForbiddenCharacters accepts ordinary text', () => {
  for (const v of ['Société Générale', 'O\'Brien & Fils', 'Zoë 😀', '東京', 'a\u00a0b', ''])
    assert.equal(hasForbiddenCharacters(v), false, v);
});

test('hasForbiddenCharacters refuses controls, bidi, BOM and lone surrogates', () => {
  for (const v of ['a\0b', 'a\x07', '\x1b[31m', 'a\x7f', 'a\x85b', 'a\x9f', 'abc\u202egpj.exe',
    '\u202a', '\u2066x\u2069', '\ufeffabc', 'x\ud800', '\udc00y', 'a\tb', 'a\nb', 'a\rb'])
    assert.equal(hasForbiddenCharacters(v), true, JSON.stringify(v));
});

test('hasForbiddenCharacters refuses the line and paragraph separators U+2028-2029 on one line only', () => {
  assert.equal(hasForbiddenCharacters('ACME\u2028Status: approved'), true);
  assert.equal(hasForbiddenCharacters('ACME\u2029x'), true);
  assert.equal(hasForbiddenCharacters('line 1\u2028line 2\u2029', { multiline: true }), false);
  assert.equal(hasForbiddenCharacters('a\u202fb'), false);
});

test('hasForbiddenCharacters allows \\n \\r \\t only when multiline', () => {
  assert.equal(hasForbiddenCharacters('line 1\r\nline 2\tend', { multiline: true }), false);
  assert.equal(hasForbiddenCharacters('line 1\r\nline 2', { multiline: false }), true);
  assert.equal(hasForbiddenCharacters('a\0b', { multiline: true }), true);
  assert.equal(hasForbiddenCharacters('a\vb', { multiline: true }), true);
  assert.equal(hasForbiddenCharacters('a\u202db', { multiline: true }), true);
});

test('codePointLength counts code points, not UTF-16 units', () => {
  assert.equal(codePointLength(''), 0);
  assert.equal(codePointLength('abc'), 3);
  assert.equal(codePointLength('😀😀'), 2);
  assert.equal(codePointLength('𠀀a'), 2);
  assert.equal(codePointLength('e\u0301'), 2);
  assert.equal(codePointLength('\ud800\ud800'), 2);
  assert.equal(codePointLength('x\udc00'), 2);
});

test('compactIdentifier drops spaces, dots and dashes and uppercases', () => {
  assert.equal(compactIdentifier(' fr 40 303.265-045 '), 'FR40303265045');
  assert.equal(compactIdentifier('732\u00a0829\u202f320'), '732829320');
  assert.equal(compactIdentifier('nl123456789b01'), 'NL123456789B01');
  assert.equal(compactIdentifier('a/b'), 'A/B');
});

test('compactIdentifier drops invisible characters a paste carries: zero-width space, LRM/RLM, soft hyphen', () => {
  assert.equal(compactIdentifier('\u200bFR40\u200b303265045\u200b'), 'FR40303265045');
  assert.equal(compactIdentifier('\u200e732\u00ad829\u2060320\u200c00074\u200f'), '73282932000074');
  assert.equal(compactIdentifier('\ufeffde\u200d123456789'), 'DE123456789');
});
