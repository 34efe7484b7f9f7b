import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryCodes, isValidCountryCode } from './country.js';

test('ISO 3166-1 alpha-2 countries and territories', () => {
  for (const v of ['FR', 'BE', 'CH', 'DE', 'GB', 'US', 'MC', 'RE', 'GP', 'NC', 'PF', 'AQ', 'CW', 'SS', 'XK'])
    assert.equal(isValidCountryCode(v), true, v);
});

test('refused: wrong shape, unknown, deprecated or non-country codes', () => {
  for (const v of ['', 'F', 'FRA', 'fr', 'Fr', ' FR', '250', '001', 'EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB',
    'AA', 'QM', 'XX', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'UK', 'YU', 'SU', 'AN', 'DD', 'CS', 'QU', 'JJ'])
    assert.equal(isValidCountryCode(v), false, v);
});

test('about 249 codes accepted in all', () => {
  let count = 0;
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) if (isValidCountryCode(String.fromCharCode(a, b))) count++;
  // 249 ISO 3166-1 codes plus XK; newer Unicode data may add one or two.
  assert.ok(count >= 249 && count <= 252, String(count));
});

test('the table agrees with the runtime: every code Intl names as a current region, less reservations and user-assigned ranges', () => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const notACountry = /^(?:A[AC]|C[PQ]|DG|E[AUZ]|IC|Q[M-Z]|TA|UN|X[A-JL-Z]|ZZ)$/;
  const fromIntl: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // A withdrawn code is replaced by its successor when canonicalized (UK → GB, YU → RS).
      if (!notACountry.test(code) && names.of(code) !== undefined && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) fromIntl.push(code);
    }
  assert.deepEqual([...countryCodes()], fromIntl);
  assert.equal(Object.isFrozen(countryCodes()), true);
});
