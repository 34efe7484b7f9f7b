import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomField } from '@account-request/sdk';
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

test('editing keeps the other locales of each option: by its value, or at its place when only its value was renamed', () => {
  const original: CustomField = {
    id: 'sector',
    type: 'select',
    label: 'Sector',
    options: [
      { value: 'retail', label: { fr: 'Commerce', en: 'Retail', de: 'Einzelhandel' } },
      { value: 'farm', label: { fr: 'Agriculture', en: 'Farming', de: 'Landwirtschaft' } },
      { value: 'bank', label: { fr: 'Banque', en: 'Banking', de: 'Bankwesen' } },
    ],
  };
  assert.deepEqual(patchOf(draftOf(original)).options, original.options, 'Edit then Apply changes nothing');
  const draft = draftOf(original);
  // Renamed in place; a new option; moved last with a new English label.
  draft.options = [
    { value: 'shop', fr: 'Commerce', en: 'Retail' },
    { value: 'it', fr: 'Informatique', en: 'IT' },
    { value: 'farm', fr: 'Agriculture', en: 'Agriculture' },
  ];
  assert.deepEqual(patchOf(draft).options, [
    { value: 'shop', label: { fr: 'Commerce', en: 'Retail', de: 'Einzelhandel' } },
    { value: 'it', label: { fr: 'Informatique', en: 'IT' } },
    { value: 'farm', label: { fr: 'Agriculture', en: 'Agriculture', de: 'Landwirtschaft' } },
  ]);
  // A new option in the place of a removed one does not take its texts.
  draft.options = [{ value: 'retail', fr: 'Commerce', en: 'Retail' }, { value: 'it', fr: 'Informatique', en: 'IT' }];
  assert.deepEqual(patchOf(draft).options?.[1], { value: 'it', label: { fr: 'Informatique', en: 'IT' } });
});

test('SDK issues point at form controls', () => {
  assert.equal(controlOf({ path: ['customFields', 2, 'label'], code: 'missing_label', message: '' }), 'labelFr');
  assert.equal(controlOf({ path: ['customFields', 2, 'options', 0, 'value'], code: 'missing_option_value', message: '' }), 'options');
  assert.equal(controlOf({ path: ['customFields', 2, 'maxLength'], code: 'too_big', message: '' }), 'maxLength');
  assert.equal(controlOf({ path: ['fields'], code: 'unknown_field', message: '' }), 'general');
  // A new field's id over 64 characters is also reported as the list's entry.
  assert.equal(controlOf({ path: ['fields', 25, 'id'], code: 'too_long', message: '' }), 'id');
});

test('a file field: its kinds, the largest file in MB (a comma too) as bytes, the number of files; nothing typed leaves the defaults', () => {
  const draft = draftOf();
  Object.assign(draft, { id: 'kbis', type: 'file', labelEn: 'Kbis extract', accept: ['png', 'pdf'], maxBytes: '2,5', maxFiles: '3' });
  assert.deepEqual(fieldOf(draft), { id: 'kbis', type: 'file', label: { en: 'Kbis extract' }, accept: ['pdf', 'png'], maxBytes: 2_621_440, maxFiles: 3 });
  Object.assign(draft, { accept: ['pdf', 'jpeg', 'png'], maxBytes: '', maxFiles: '' });
  assert.deepEqual(fieldOf(draft), { id: 'kbis', type: 'file', label: { en: 'Kbis extract' }, accept: ['pdf', 'jpeg', 'png'] });
});

test('a file field read back: its limits in the form, all kinds when it names none', () => {
  const draft = draftOf({ id: 'id', type: 'file', label: 'ID', accept: ['jpeg'], maxBytes: 3 * 1024 * 1024, maxFiles: 2 });
  assert.deepEqual([draft.accept, draft.maxBytes, draft.maxFiles], [['jpeg'], '3', '2']);
  assert.deepEqual(draftOf({ id: 'id', type: 'file', label: 'ID' }).accept, ['pdf', 'jpeg', 'png']);
  assert.equal(controlOf({ path: ['customFields', 0, 'accept'], code: 'missing_file_kinds', message: '' }), 'accept');
  assert.equal(controlOf({ path: ['customFields', 0, 'maxBytes'], code: 'too_big', message: '' }), 'maxBytes');
});
