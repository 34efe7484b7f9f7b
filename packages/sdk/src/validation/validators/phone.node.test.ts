import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPhone } from './phone.js';

test('valid phone numbers, international and national', () => {
  for (const v of ['+33 1 23 45 67 89', '+33 (0)1 23 45 67 89', '01 23 45 67 89', '01.23.45.67.89',
    '01-23-45-67-89', '+1 (555) 123-4567', '+442079460000', '0033123456789', '123456',
    '+12345678901234567890', '12345678901234567890', '+49\u00a030\u00a0123456', '(+33) 1 23 45 67 89'])
    assert.equal(isValidPhone(v), true, v);
});

test('invalid phone numbers', () => {
  for (const v of ['', '12345', '+12345', '123456789012345678901', '+123456789012345678901',
    '++33123456789', '33+123456789', '+0123456789', '01 23 45 67 8A', '0800-FLOWERS',
    '+33 1 23 45 67 89 ext. 12', '01/23/45/67/89', '01 23 45 67 89;', '+',
    '٠١٢٣٤٥٦٧٨٩'])
    assert.equal(isValidPhone(v), false, v);
});
