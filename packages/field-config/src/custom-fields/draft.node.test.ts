import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlOf, draftOf, fieldOf, patchOf } from './draft.js';

test('a new field from the form: empty boxes left out, lengths as numbers', () => {
  const draft = draftOf();
  Object.assign(draft, { id: ' size ', labelEn: ' Size ', helpFr: 'Aide', minLength: '2', maxLength: '' });
  assert.deepEqual(fieldOf(draft), { id: 'size', type: 'text', label: { en: 'Size' }, help: { fr: 'Aide' }, minLength: 2 });
});

test('options only for select and radio; format and lengths only for text-like types', () => {
  const draft = draftOf({ id: 'x', type: 'text', label: 'X', format: 'digits', maxLength: 9 });
  draft.type = 'radio';
  draft.options = [{ value: ' a ', fr: 'A', en: '' }];
  assert.deepEqual(patchOf(draft), {
    type: 'radio',
    label: { fr: 'X', en: 'X' },
    help: undefined,
    options: [{ value: 'a', label: { fr: 'A' } }],
    format: undefined,
    minLength: undefined,
    maxLength: undefined,
  });
});

test('editing keeps the other locales of a label', () => {
  const draft = draftOf({ id: 'x', type: 'checkbox', label: { fr: 'Oui', en: 'Yes', de: 'Ja' } });
  assert.equal(draft.labelFr, 'Oui');
  draft.labelEn = '';
  assert.deepEqual(patchOf(draft).label, { fr: 'Oui', de: 'Ja' });
});

test('SDK issues point at form controls', () => {
  assert.equal(controlOf({ path: ['customFields', 2, 'label'], code: 'missing_label', message: '' }), 'labelFr');
  assert.equal(controlOf({ path: ['customFields', 2, 'options', 0, 'value'], code: 'missing_option_value', message: '' }), 'options');
  assert.equal(controlOf({ path: ['customFields', 2, 'maxLength'], code: 'too_big', message: '' }), 'maxLength');
  assert.equal(controlOf({ path: ['fields'], code: 'unknown_field', message: '' }), 'general');
});
