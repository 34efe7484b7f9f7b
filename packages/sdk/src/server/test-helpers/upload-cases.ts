import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { isDecisionStore } from '../stores/decision-store.js';
import type { FileInfo } from '../stores/file-store.js';
import type { ProcessingStore } from '../stores/processing-store.js';
import type { AccountRequestRecord, RequestStore } from '../stores/store.js';
import { ADMIN, assertProblem, get, post, setup as setupHandler, validBody, type SetupOptions } from './setup.js';
import { conditionalUploadConfig, encodedForm, EXE, HTML, PDF, PNG, postForm, postStream, uploadConfig, uploadForm } from './uploads.js';

/** A fresh store for one case, and how to close it. */
export interface UploadTarget {
  readonly store: RequestStore;
  close?(): void | Promise<void>;
}

const kbis = (bytes = PDF, filename = 'Kbis Morel.pdf', type = 'application/pdf') => ['kbis', { bytes, filename, type }] as const;

async function created(response: Response): Promise<string> {
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

async function errorsOf(response: Response, status: number): Promise<string[][]> {
  const body = await assertProblem(response, status);
  return ((body['errors'] ?? []) as { field: string; code: string }[]).map((error) => [error.field, error.code]);
}

/**
 * The upload scenarios through the handler, on the store `open` gives (an empty one each
 * time): run on memory, SQLite and PostgreSQL.
 */
export function uploadCases(name: string, open: () => Promise<UploadTarget>): void {
  describe(`POST {base} with files: ${name}`, () => {
    let target: UploadTarget;
    const setup = (options: Omit<SetupOptions, 'store'> = {}) => setupHandler({ ...options, store: target.store });
    beforeEach(async () => {
      target = await open();
    });
    afterEach(async () => {
      await target.close?.();
    });

    test('a PDF under the limit is stored, listed without its bytes, and downloaded byte for byte', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const id = await created(await handler(postForm(uploadForm([kbis(), ['photos', { bytes: PNG, filename: '../../etc/photo.png', type: 'image/png' }]]))));
      const record = (await store.get(id)) as AccountRequestRecord;
      assert.deepEqual(record.files?.map(({ field, name, size, type }) => ({ field, name, size, type })), [
        { field: 'kbis', name: 'Kbis Morel.pdf', size: PDF.byteLength, type: 'application/pdf' },
        { field: 'photos', name: 'photo.png', size: PNG.byteLength, type: 'image/png' },
      ]);
      assert.equal(Object.hasOwn(record.values, 'kbis'), false, 'files are not values');
      const listed = (await (await handler(get(`/${id}`, ADMIN))).json()) as { files: FileInfo[] };
      assert.deepEqual(listed.files, record.files, 'the JSON lists the files, no bytes');
      const file = record.files?.[0] as FileInfo;
      const download = await handler(get(`/${id}/files/${file.id}`, ADMIN));
      assert.equal(download.status, 200);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);
      assert.equal(download.headers.get('Content-Type'), 'application/pdf');
      assert.equal(download.headers.get('Content-Disposition'), `attachment; filename="Kbis Morel.pdf"; filename*=UTF-8''Kbis%20Morel.pdf`);
      assert.equal(download.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.match(download.headers.get('Content-Security-Policy') ?? '', /sandbox/);
    });

    test('the download is for admins only, and only under its own request', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const id = await created(await handler(postForm(uploadForm([kbis()]))));
      const other = await created(await handler(postForm(uploadForm([kbis()]))));
      const file = ((await store.get(id)) as AccountRequestRecord).files?.[0] as FileInfo;
      await assertProblem(await handler(get(`/${id}/files/${file.id}`)), 401);
      await assertProblem(await handler(get(`/${other}/files/${file.id}`, ADMIN)), 404);
      await assertProblem(await handler(get(`/${id}/files/nope`, ADMIN)), 404);
      await assertProblem(await handler(new Request(get(`/${id}/files/${file.id}`, ADMIN), { method: 'DELETE' })), 405);
      const head = await handler(new Request(get(`/${id}/files/${file.id}`, ADMIN), { method: 'HEAD' }));
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('Content-Length'), String(PDF.byteLength));
    });

    test('an accented, path-like or spoofed name is shown safe, with the extension of the real type', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const id = await created(await handler(postForm(uploadForm([kbis(PDF, '/home/zoé/extrait\u202Egnp.exe'), ['photos', { bytes: PNG, filename: 'C:\\Users\\zoé\\a:b.png', type: 'image/png' }]]))));
      const [file, photo] = ((await store.get(id)) as AccountRequestRecord).files ?? [];
      assert.equal(file?.name, 'extraitgnp.pdf');
      assert.match(photo?.name ?? '', /^[^\\/:]+\.png$/);
      const id2 = await created(await handler(postForm(uploadForm([kbis(PDF, 'Société "Élise".PDF')]))));
      const named = ((await store.get(id2)) as AccountRequestRecord).files?.[0] as FileInfo;
      assert.equal(named.name, 'Société _Élise_.pdf');
      const download = await handler(get(`/${id2}/files/${named.id}`, ADMIN));
      assert.equal(download.headers.get('Content-Disposition'), `attachment; filename="Societe _Elise_.pdf"; filename*=UTF-8''Soci%C3%A9t%C3%A9%20_%C3%89lise_.pdf`);
    });

    test('a replay with the same key stores nothing twice; other files under that key are refused', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const first = await handler(postForm(uploadForm([kbis()]), 'same-key'));
      const replay = await handler(postForm(uploadForm([kbis()]), 'same-key'));
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await replay.json(), await first.json());
      assert.equal((await store.list()).length, 1);
      const other = await handler(postForm(uploadForm([kbis(new Uint8Array([...PDF, 0x0a]))]), 'same-key'));
      await assertProblem(other, 422);
      assert.equal((await store.list()).length, 1);
    });

    test('an executable renamed .pdf and an HTML page sent as image/png are refused from their content, nothing stored', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([kbis(EXE, 'kbis.pdf')]))), 422), [['kbis', 'invalid_file_type']]);
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([kbis(), ['photos', { bytes: HTML, filename: 'photo.png', type: 'image/png' }]]))), 422), [['photos', 'invalid_file_type']]);
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([kbis(PNG, 'kbis.pdf')]))), 422), [['kbis', 'invalid_file_type']], 'a real PNG is no PDF');
      assert.equal((await store.list()).length, 0);
    });

    test('a file over its maxBytes is refused as soon as it is read, nothing stored', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const big = new Uint8Array(2048).fill(0x20);
      big.set(PDF);
      const response = await handler(postForm(uploadForm([kbis(big)])));
      const body = await assertProblem(response, 413);
      assert.equal(body['type'], 'urn:account-request:problem:file-too-large');
      assert.deepEqual(body['errors'], [{ field: 'kbis', code: 'file_too_large', message: 'This file is larger than 1 kB.' }]);
      // Larger than any file field takes: cut before the end of the part.
      const huge = await handler(postForm(uploadForm([['photos', { bytes: new Uint8Array(6 * 1024 * 1024), filename: 'a.png', type: 'image/png' }]])));
      assert.equal((await assertProblem(huge, 413))['type'], 'urn:account-request:problem:file-too-large');
      assert.equal((await store.list()).length, 0);
    });

    test('too many files, a missing required file, a file for a field that takes none', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const photo = ['photos', { bytes: PNG, filename: 'p.png', type: 'image/png' }] as const;
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([kbis(), photo, photo, photo]))), 422), [['photos', 'too_many_files']]);
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([kbis(), kbis()]))), 422), [['kbis', 'too_many_files']]);
      assert.deepEqual(await errorsOf(await handler(postForm(uploadForm([]))), 422), [['kbis', 'required']]);
      const stray = await assertProblem(await handler(postForm(uploadForm([kbis(), ['city', { bytes: PDF, filename: 'x.pdf' }]]))), 400);
      assert.equal(stray['type'], 'urn:account-request:problem:unexpected-file');
      assert.equal((await store.list()).length, 0);
    });

    test('a body cut mid-file, or failing mid-file, is a 400 and leaves nothing, the key free', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const { bytes, contentType } = await encodedForm(uploadForm([kbis()]));
      const cut = bytes.slice(0, bytes.length - PDF.length / 2 - 60);
      for (const end of ['close', 'error'] as const) {
        const body = await assertProblem(await handler(postStream(cut, contentType, end, 'cut-key')), 400);
        assert.equal(body['type'], 'urn:account-request:problem:malformed-body');
      }
      assert.equal((await store.list()).length, 0);
      await created(await handler(postStream(bytes, contentType, 'close', 'cut-key')));
    });

    test('a part whose headers are over 4 KiB is a 400 that says so, and leaves nothing', async () => {
      const { handler, store } = setup({ config: uploadConfig() });
      const body = await assertProblem(await handler(postForm(uploadForm([kbis(), ['kbis', { bytes: PDF, filename: `${'k'.repeat(5000)}.pdf`, type: 'application/pdf' }]]))), 400);
      assert.equal(body['type'], 'urn:account-request:problem:malformed-body');
      assert.match(String(body['detail']), /headers are larger than 4096 bytes/);
      assert.equal((await store.list()).length, 0);
    });

    test('a body over the total is refused from its Content-Length, before it is read', async () => {
      const { handler } = setup({ config: uploadConfig(), maxUploadBytes: 4096 });
      const { bytes, contentType } = await encodedForm(uploadForm([kbis()]));
      const request = postStream(bytes, contentType);
      request.headers.set('Content-Length', String(10_000_000));
      assert.equal((await assertProblem(await handler(request), 413))['type'], 'urn:account-request:problem:too-large');
    });

    test('a JSON body cannot claim files, and a hidden file field keeps nothing', async () => {
      const { handler } = setup({ config: uploadConfig() });
      const claimed = await handler(post(validBody({ kbis: [{ name: 'kbis.pdf', size: 10, type: 'application/pdf' }] })));
      assert.deepEqual(await errorsOf(claimed, 422), [['kbis', 'required']]);
      const { handler: conditional, store } = setup({ config: conditionalUploadConfig() });
      const id = await created(await conditional(postForm(uploadForm([kbis()], { country: 'BE', postalCode: '1000' }))));
      assert.equal(((await store.get(id)) as AccountRequestRecord).files, undefined);
      const french = await created(await conditional(postForm(uploadForm([kbis()]))));
      assert.equal(((await store.get(french)) as AccountRequestRecord).files?.length, 1);
    });

    test('the CSV export lists file names only', async () => {
      const { handler } = setup({ config: uploadConfig() });
      await created(await handler(postForm(uploadForm([kbis(), ['photos', { bytes: PNG, filename: 'a.png', type: 'image/png' }], ['photos', { bytes: PNG, filename: 'b.png', type: 'image/png' }]]))));
      const csv = await (await handler(get('/export.csv', ADMIN))).text();
      const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
      const cells = (row ?? '').split(',');
      const column = (name: string) => cells[(header ?? '').split(',').indexOf(name)];
      assert.equal(column('kbis'), 'Kbis Morel.pdf');
      assert.equal(column('photos'), '"a.png; b.png"');
      assert.ok(!csv.includes('%PDF'));
    });

    test("erasing the applicant's personal data deletes the files", async (context) => {
      if (!isDecisionStore(target.store as ProcessingStore)) return context.skip('the store cannot erase');
      const { handler, store } = setup({ config: uploadConfig() });
      const id = await created(await handler(postForm(uploadForm([kbis()]))));
      const file = ((await store.get(id)) as AccountRequestRecord).files?.[0] as FileInfo;
      const etag = (await handler(get(`/${id}`, ADMIN))).headers.get('ETag') ?? '';
      const erased = await handler(new Request(get(`/${id}/personal-data`, { ...ADMIN, 'If-Match': etag }), { method: 'DELETE' }));
      assert.equal(erased.status, 200);
      await assertProblem(await handler(get(`/${id}/files/${file.id}`, ADMIN)), 404);
      assert.equal(((await store.get(id)) as AccountRequestRecord).files, undefined);
    });
  });
}
