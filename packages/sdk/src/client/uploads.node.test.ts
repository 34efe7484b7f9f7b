import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setup } from '../server/test-helpers/setup.js';
import { PDF, PNG, uploadConfig } from '../server/test-helpers/uploads.js';
import { VALID_VALUES } from '../server/test-helpers/values.js';
import type { AccountRequestRecord } from '../server/stores/store.js';
import { createClient } from './client.js';
import { encodeSubmission, hasFiles } from './encode.js';
import { isSubmissionError } from './errors.js';
import { createIdempotencyKey } from './idempotency-key.js';

const BASE = 'https://shop.test/api/account-requests';
const kbis = new File([PDF.slice()], 'kbis.pdf', { type: 'application/pdf' });

describe('submissions with files', () => {
  test('go as multipart/form-data whatever enctype was asked: one part per file, named after the field', () => {
    const values = { companyName: 'Acme', kbis: [kbis], photos: [new File([PNG.slice()], 'a.png'), new File([PNG.slice()], 'b.png')], newsletter: false };
    assert.equal(hasFiles(values), true);
    assert.equal(hasFiles({ companyName: 'Acme', photos: [] }), false);
    const encoded = encodeSubmission({ values, confirmed: true, locale: 'fr' }, 'application/json');
    assert.ok('body' in encoded && encoded.body instanceof FormData);
    const form = encoded.body as FormData;
    assert.deepEqual([...form.keys()], ['companyName', 'kbis', 'photos', 'photos', 'confirmed', 'locale']);
    assert.equal((form.get('kbis') as File).name, 'kbis.pdf');
  });

  test('are created through the client against the real handler, the file stored as sent', async () => {
    const { handler, store } = setup({ config: uploadConfig() });
    const client = createClient({ base: BASE, fetch: (input, init) => handler(new Request(input, init)), retry: { delay: () => 1 } });
    const key = createIdempotencyKey();
    const result = await client.submit({ ...VALID_VALUES, kbis: [kbis] }, { idempotencyKey: key, locale: 'fr' });
    assert.deepEqual(await client.submit({ ...VALID_VALUES, kbis: [kbis] }, { idempotencyKey: key, locale: 'fr' }), result);
    const record = (await store.get(result.id)) as AccountRequestRecord;
    assert.deepEqual(record.files?.map((file) => [file.field, file.name, file.size]), [['kbis', 'kbis.pdf', PDF.byteLength]]);
    assert.equal((await store.list()).length, 1);
    const error = await client.submit({ ...VALID_VALUES, kbis: [new File(['<html>'], 'kbis.pdf', { type: 'application/pdf' })] }, { idempotencyKey: createIdempotencyKey(), locale: 'en' }).catch((e: unknown) => e);
    assert.ok(isSubmissionError(error));
    assert.deepEqual(error.errors.map((e) => [e.field, e.code]), [['kbis', 'invalid_file_type']]);
  });
});
