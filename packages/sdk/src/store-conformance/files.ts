import { tombstone } from '../server/processing/personal-data.js';
import { isDecisionStore } from '../server/stores/decision-store.js';
import { isFileStore, type FileStore, type StoredFile } from '../server/stores/file-store.js';
import type { ProcessingStore } from '../server/stores/processing-store.js';
import { ConformanceError, equal, ok, rejects, same } from './check.js';
import { at, requestRecord, storedResponse, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

function files(store: ProcessingStore): ProcessingStore & FileStore {
  if (!isFileStore(store)) throw new ConformanceError("the store has no getFile: implement FileStore, or list 'files' in the target's `without`");
  return store;
}

// Every byte value, then a run long enough to cross any page or chunk size a driver uses.
const BINARY = Uint8Array.from({ length: 256 * 4 + 70_000 }, (_, i) => (i < 1024 ? i % 256 : (i * 7919) % 251));

function storedFile(requestId: string, init: Partial<StoredFile> = {}): StoredFile {
  const bytes = init.bytes ?? new TextEncoder().encode('%PDF-1.4\n% Extrait Kbis — Société Élise & Fils\n%%EOF\n');
  return { id: uniqueId('file'), requestId, field: 'kbis', name: 'Extrait Kbis – Société.pdf', size: bytes.byteLength, type: 'application/pdf', ...init, bytes };
}

const info = ({ id, field, name, size, type }: StoredFile) => ({ id, field, name, size, type });

/** Uploaded files: written with their request, all or nothing, and read back byte for byte. */
export function fileCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('files', () => {
    it('keeps the files of a creation, byte for byte, and lists them on the request', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        const pdf = storedFile(record.id);
        const binary = storedFile(record.id, { field: 'photos', name: 'photo.png', type: 'image/png', bytes: BINARY, size: BINARY.byteLength });
        await files(store).create({ ...record, files: [info(pdf), info(binary)] }, { files: [pdf, binary] });
        for (const file of [pdf, binary]) {
          const read = await files(store).getFile(record.id, file.id);
          ok(read, `getFile of ${file.name}`);
          same(info(read), info(file), `the members of ${file.name}`);
          equal(read.requestId, record.id, 'requestId');
          ok(read.bytes instanceof Uint8Array, 'bytes as a Uint8Array');
          equal(read.bytes.byteLength, file.bytes.byteLength, `the size of ${file.name}`);
          ok(read.bytes.every((byte, i) => byte === file.bytes[i]), `the bytes of ${file.name}`);
        }
        same((await store.get(record.id))?.files, [info(pdf), info(binary)], 'record.files after get');
        same((await store.list())[0]?.files, [info(pdf), info(binary)], 'record.files after list');
        same((await store.query({ limit: 10, offset: 0 })).items[0]?.files, [info(pdf), info(binary)], 'record.files after query');
      }));

    it('finds a file only under its own request', () =>
      withStore(target, async ({ first: { store } }) => {
        const [a, b] = [requestRecord(), requestRecord()];
        const file = storedFile(a.id);
        await files(store).create({ ...a, files: [info(file)] }, { files: [file] });
        await store.create(b);
        equal(await files(store).getFile(b.id, file.id), undefined, "getFile with another request's id");
        equal(await files(store).getFile(a.id, 'no-such-file'), undefined, 'getFile of an unknown file');
        equal(await files(store).getFile('no-such-request', file.id), undefined, 'getFile of an unknown request');
        equal((await store.get(b.id))?.files, undefined, 'a request without files lists none');
      }));

    it('writes no file when the creation fails', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        const file = storedFile(record.id);
        // The key holds no claim: the answer cannot be saved, so nothing may be written.
        const answer = { key: uniqueId('key'), response: storedResponse(record.id) };
        await rejects(files(store).create({ ...record, files: [info(file)] }, { files: [file], answer }), 'create with an unclaimed key');
        equal(await files(store).getFile(record.id, file.id), undefined, 'file of the failed creation');
        equal(await store.get(record.id), undefined, 'request of the failed creation');
        const used = requestRecord();
        await store.create(used);
        const again = storedFile(used.id);
        await rejects(files(store).create({ ...used, files: [info(again)] }, { files: [again] }), 'create with a used id');
        equal(await files(store).getFile(used.id, again.id), undefined, 'file of the refused duplicate');
      }));

    if (!target.without?.includes('decisions')) {
      it("erasing a request's personal data deletes its files", () =>
        withStore(target, async ({ first: { store } }) => {
          ok(isDecisionStore(store), 'a DecisionStore');
          const [record, other] = [requestRecord(), requestRecord()];
          const [file, kept] = [storedFile(record.id), storedFile(other.id)];
          await files(store).create({ ...record, files: [info(file)] }, { files: [file] });
          await files(store).create({ ...other, files: [info(kept)] }, { files: [kept] });
          equal((await store.erase(record.id, (current) => tombstone(current, at(10), 'admin'))).state, 'erased', 'erase');
          equal(await files(store).getFile(record.id, file.id), undefined, 'the file of the erased request');
          equal((await store.get(record.id))?.files, undefined, 'the list of the erased request');
          ok(await files(store).getFile(other.id, kept.id), "another request's file");
        }));
    }

    it('reads a file written by another instance', () =>
      withStore(
        target,
        async ({ first, peer }) => {
          if (!peer) return;
          const record = requestRecord();
          const file = storedFile(record.id);
          await files(first.store).create({ ...record, files: [info(file)] }, { files: [file] });
          const read = await files(peer.store).getFile(record.id, file.id);
          ok(read && read.bytes.every((byte, i) => byte === file.bytes[i]), 'the file through the peer');
        },
        { peer: true },
      ));
  });
}
