import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore, type RequestStore } from '../stores/store.js';
import { assertProblem, setup } from '../test-helpers/setup.js';
import { uploadCases } from '../test-helpers/upload-cases.js';
import { PDF, postForm, uploadConfig, uploadForm } from '../test-helpers/uploads.js';

uploadCases('memory', async () => ({ store: createMemoryStore() }));

describe('POST {base} with files: a store without files', () => {
  test('a store that keeps no files: 501, nothing stored', async () => {
    const memory = createMemoryStore();
    const { getFile: _getFile, ...withoutFiles } = memory;
    const { handler } = setup({ config: uploadConfig(), store: withoutFiles as RequestStore });
    await assertProblem(await handler(postForm(uploadForm([['kbis', { bytes: PDF, filename: 'kbis.pdf', type: 'application/pdf' }]]))), 501);
    assert.equal((await memory.list()).length, 0);
  });
});
