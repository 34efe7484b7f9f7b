import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addCustomField, defaultConfig, parseConfig, safeParseConfig, setVisibleWhen, updateCustomField } from '../config/index.js';
import { resolveFields } from '../resolve.js';
import type { FormConfig } from '../types.js';
import { fileKindOf, formatFileKinds, formatFileSize } from './files.js';
import { validateField, validateSubmission } from './validate.js';
import { VALID_VALUES } from '../server/test-helpers/values.js';

const MB = 1024 * 1024;
const kbis = { id: 'kbis', type: 'file', label: { en: 'Kbis extract', fr: 'Extrait Kbis' }, accept: ['pdf'], maxBytes: 2 * MB, required: true } as const;
const config: FormConfig = addCustomField(addCustomField(defaultConfig(), kbis), { id: 'photos', type: 'file', label: 'Photos', accept: ['png', 'jpeg'], maxFiles: 3 });
const pdf = (size = 1000, name = 'kbis.pdf') => ({ name, size, type: 'application/pdf' });

const submit = (files: Record<string, unknown>, locale = 'en') => validateSubmission(config, { values: { ...VALID_VALUES, ...files }, confirmed: true, locale });
const refusal = (files: Record<string, unknown>, locale = 'en') => {
  const result = submit(files, locale);
  return result.success ? [] : result.errors.map((error) => [error.field, error.code, error.message]);
};

describe('file fields in a config', () => {
  it('take accept, maxBytes and maxFiles, with defaults and bounds', () => {
    const field = config.customFields.find((custom) => custom.id === 'kbis');
    assert.deepEqual(field, { id: 'kbis', type: 'file', label: kbis.label, accept: ['pdf'], maxBytes: 2 * MB });
    const codes = (extra: Record<string, unknown>, type = 'file') => {
      const result = safeParseConfig({ customFields: [{ id: 'doc', type, label: 'Doc', ...extra }] });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.slice(2).join('.')} ${issue.code}`);
    };
    assert.deepEqual(codes({ maxBytes: 10 * MB + 1 }), ['maxBytes too_big']);
    assert.deepEqual(codes({ maxBytes: 0 }), ['maxBytes too_small']);
    assert.deepEqual(codes({ maxFiles: 6 }), ['maxFiles too_big']);
    assert.deepEqual(codes({ accept: ['exe'] }), ['accept.0 invalid_value']);
    assert.deepEqual(codes({ accept: [] }), ['accept missing_file_kinds']);
    assert.deepEqual(codes({ accept: ['pdf'] }, 'text'), ['accept not_applicable']);
    assert.deepEqual(codes({ maxLength: 3 }), ['maxLength not_applicable']);
    assert.deepEqual(parseConfig({ customFields: [{ id: 'doc', type: 'file', label: 'Doc', accept: ['png', 'pdf', 'png'] }] }).customFields[0]?.accept, ['pdf', 'png']);
  });

  it('lose their limits when their type changes', () => {
    const text = updateCustomField(config, 'kbis', { type: 'text' });
    assert.deepEqual(text.customFields.find((custom) => custom.id === 'kbis'), { id: 'kbis', type: 'text', label: kbis.label });
  });

  it('resolve with their limits filled in and the accept attribute of their input', () => {
    const [kbisField, photos] = resolveFields(config, { locale: 'fr' }).filter((field) => field.type === 'file');
    assert.deepEqual({ ...kbisField }, { id: 'kbis', type: 'file', label: 'Extrait Kbis', required: true, locked: false, custom: true, maxLength: 255, accept: ['pdf'], maxBytes: 2 * MB, maxFiles: 1, acceptTypes: 'application/pdf,.pdf' });
    assert.deepEqual([photos?.accept, photos?.maxBytes, photos?.maxFiles, photos?.acceptTypes], [['jpeg', 'png'], 5 * MB, 3, 'image/jpeg,.jpg,.jpeg,image/png,.png']);
  });
});

describe('validateSubmission of file fields', () => {
  it('accepts files within the limits and gives them apart from the values', () => {
    const result = submit({ kbis: [pdf()], photos: [{ name: 'a.png', size: 10, type: 'image/png' }, { name: 'b.jpg', size: 20, type: 'image/jpeg' }] });
    assert.ok(result.success);
    assert.deepEqual(result.data.files, { kbis: [pdf()], photos: [{ name: 'a.png', size: 10, type: 'image/png' }, { name: 'b.jpg', size: 20, type: 'image/jpeg' }] });
    assert.equal(Object.hasOwn(result.data.values, 'kbis'), false);
    const single = submit({ kbis: pdf() });
    assert.ok(single.success && single.data.files?.['kbis']?.length === 1, 'one file without a list');
    const none = submit({ kbis: [pdf()], photos: [] });
    assert.ok(none.success && !Object.hasOwn(none.data.files ?? {}, 'photos'));
  });

  it('refuses a missing required file, too many files, another type, a larger file, anything else', () => {
    assert.deepEqual(refusal({}), [['kbis', 'required', 'Choose a file.']]);
    assert.deepEqual(refusal({ kbis: [pdf(), pdf()] }), [['kbis', 'too_many_files', 'Too many files: at most 1.']]);
    assert.deepEqual(refusal({ kbis: [{ name: 'kbis.pdf', size: 10, type: 'text/html' }] }), [['kbis', 'invalid_file_type', 'This type of file is not accepted: choose a file in PDF format.']]);
    assert.deepEqual(refusal({ kbis: [pdf(), ], photos: [{ name: 'x.pdf', size: 1, type: 'application/pdf' }] }), [['photos', 'invalid_file_type', 'This type of file is not accepted: choose a file in JPEG or PNG format.']]);
    assert.deepEqual(refusal({ kbis: [pdf(2 * MB + 1)] }), [['kbis', 'file_too_large', 'This file is larger than 2 MB.']]);
    // French puts a narrow no-break space between a number and its unit.
    assert.match(String(refusal({ kbis: [pdf(2 * MB + 1)] }, 'fr')[0]?.[2]), /^Ce fichier dépasse 2\u202fMo\.$/);
    for (const junk of ['kbis.pdf', 42, [{ name: 'x.pdf' }], [{ name: 'x.pdf', size: -1, type: 'application/pdf' }], [null]]) {
      assert.deepEqual(refusal({ kbis: junk }).map(([, code]) => code), ['invalid_type'], JSON.stringify(junk));
    }
  });

  it('drops a hidden file field, whatever it holds', () => {
    const conditional = setVisibleWhen(config, 'kbis', { field: 'country', in: ['FR'] });
    const result = validateSubmission(conditional, { values: { ...VALID_VALUES, country: 'BE', postalCode: '1000', kbis: 'junk' }, confirmed: true });
    assert.ok(result.success);
    assert.equal(result.data.files, undefined);
    assert.equal(validateField(conditional, 'kbis', 'junk', { values: { country: 'BE' } }), undefined);
    assert.equal(validateField(conditional, 'kbis', 'junk', { values: { country: 'FR' } })?.code, 'invalid_type');
  });
});

describe('file helpers', () => {
  it('read the kind from the MIME type only', () => {
    assert.equal(fileKindOf('application/pdf'), 'pdf');
    assert.equal(fileKindOf('IMAGE/JPEG; charset=binary'), 'jpeg');
    assert.equal(fileKindOf('image/jpg'), undefined);
    assert.equal(fileKindOf(''), undefined);
  });

  it('write sizes and kinds for people', () => {
    assert.equal(formatFileSize(5 * MB, 'en'), '5 MB');
    assert.equal(formatFileSize(76, 'en'), '76 bytes');
    assert.equal(formatFileSize(4.5 * MB, 'fr'), '4,5\u202fMo');
    // A language nothing registered reads English words, so its numbers are English's too.
    assert.equal(formatFileSize(4.5 * MB, 'zh'), '4.5 MB');
    assert.equal(formatFileSize(820 * 1024, 'fr'), '820\u202fko');
    assert.equal(formatFileKinds(['pdf', 'jpeg', 'png'], 'fr'), 'PDF, JPEG ou PNG');
  });

  it('never show a file over a limit as the limit it breaks (sizes are rounded up)', () => {
    // 1,100,009 bytes against 1 MiB was "1 MB", refused as "larger than 1 MB".
    assert.equal(formatFileSize(1_100_009, 'en'), '1.05 MB');
    assert.equal(formatFileSize(MB + 1, 'en'), '1.01 MB');
    assert.equal(formatFileSize(500 * 1024 + 1, 'en'), '501 kB');
    // Limits the editor sets (hundredths of a MB, whole kB) show exactly, and any file over one shows more.
    for (const limit of [MB, 1.25 * MB, 2 * MB, 10 * MB, 512 * 1024]) {
      for (const over of [1, 100, 5000, 50_000]) assert.notEqual(formatFileSize(limit + over, 'fr'), formatFileSize(limit, 'fr'), `${limit} + ${over}`);
    }
    assert.equal(formatFileSize(1.25 * MB, 'en'), '1.25 MB');
    assert.match(refusal({ kbis: [pdf(2 * MB + 1)] }).join(), /larger than 2 MB/);
  });
});
