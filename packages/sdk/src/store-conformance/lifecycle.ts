import { toProcessedRecord } from '../server/processing/lifecycle.js';
import { equal, ok, same } from './check.js';
import { historyEntry, requestRecord, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

/** `update`: the patch, the history, the version check. */
export function lifecycleCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('lifecycle updates', () => {
    it('applies a patch at the expected version: history appended, version raised', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        await store.create(record);
        const entry = historyEntry(5);
        const result = await store.update(record.id, { status: 'in-progress', inAccount: true, note: 'Appelé « lundi »' }, 1, entry);
        equal(result.state, 'updated', 'update at version 1');
        const expected = { ...toProcessedRecord(record), status: 'in-progress', inAccount: true, note: 'Appelé « lundi »', history: [entry], version: 2 };
        if (result.state === 'updated') same(result.record, expected, 'the updated record');
        const stored = await store.get(record.id);
        ok(stored, 'get after update');
        same(toProcessedRecord(stored), expected, 'the stored record');

        const second = historyEntry(6, [{ field: 'activation', from: null, to: '2026-03-02T09:06:00.000Z' }]);
        const activated = await store.update(record.id, { activatedAt: '2026-03-02T09:06:00.000Z', passwordHash: 'pbkdf2-sha256$1$c2FsdA$aGFzaA' }, 2, second);
        equal(activated.state, 'updated', 'update at version 2');
        const final = toProcessedRecord((await store.get(record.id))!);
        equal(final.version, 3, 'version after two updates');
        equal(final.activatedAt, '2026-03-02T09:06:00.000Z', 'activatedAt');
        equal(final.passwordHash, 'pbkdf2-sha256$1$c2FsdA$aGFzaA', 'passwordHash');
        same(final.history, [entry, second], 'history, oldest first');
      }));

    it('writes nothing at another version, and says what is stored', () =>
      withStore(target, async ({ first: { store } }) => {
        const record = requestRecord();
        await store.create(record);
        await store.update(record.id, { note: 'première' }, 1, historyEntry(1));
        const stale = await store.update(record.id, { note: 'seconde' }, 1, historyEntry(2));
        equal(stale.state, 'conflict', 'update at a stale version');
        if (stale.state === 'conflict') {
          equal(stale.record.version, 2, 'version in the conflict');
          equal(stale.record.note, 'première', 'note in the conflict');
        }
        const ahead = await store.update(record.id, { note: 'seconde' }, 7, historyEntry(2));
        equal(ahead.state, 'conflict', 'update at a future version');
        const stored = toProcessedRecord((await store.get(record.id))!);
        equal(stored.note, 'première', 'stored note');
        equal(stored.history.length, 1, 'history entries');
      }));

    it('answers not_found for an unknown request', () =>
      withStore(target, async ({ first: { store } }) => {
        same(await store.update('no-such-request', { note: 'x' }, 1, historyEntry(1)), { state: 'not_found' }, 'update of an unknown id');
      }));
  });
}
