import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as validators from './index.js';

test('the index exports exactly the documented validators', () => {
  assert.deepEqual(Object.keys(validators).sort(), [
    'PASSWORD_MAX_LENGTH', 'PASSWORD_MIN_LENGTH', 'checkPassword', 'checkPostalCode', 'checkVatNumber',
    'codePointLength', 'compactIdentifier', 'countryCodes', 'hasForbiddenCharacters', 'isSafeRedirectUrl', 'isValidCountryCode',
    'isValidEmail', 'isValidHttpUrl', 'isValidPhone', 'isValidSiren', 'isValidSiret', 'normalizeEmail', 'normalizeText',
  ]);
});
