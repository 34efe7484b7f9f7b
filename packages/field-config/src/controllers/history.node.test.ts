import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HistoryController } from './history.js';

function host(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController(_: ReactiveController) {},
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

test('undo returns the recorded states in reverse order, redo replays them', () => {
  const history = new HistoryController<string>(host());
  assert.equal(history.canUndo, false);
  history.record('a');
  history.record('b');
  assert.equal(history.undo('c'), 'b');
  assert.equal(history.undo('b'), 'a');
  assert.equal(history.undo('a'), undefined);
  assert.equal(history.canRedo, true);
  assert.equal(history.redo('a'), 'b');
  assert.equal(history.redo('b'), 'c');
  assert.equal(history.redo('c'), undefined);
});

test('a new edit clears redo; clear forgets everything; each change asks the host to render', () => {
  const h = host();
  const history = new HistoryController<number>(h);
  history.record(1);
  history.undo(2);
  assert.equal(history.canRedo, true);
  history.record(1);
  assert.equal(history.canRedo, false);
  history.clear();
  assert.equal(history.canUndo, false);
  assert.equal(h.updates, 4);
});

test('keeps at most `limit` steps, dropping the oldest', () => {
  const history = new HistoryController<number>(host(), 3);
  for (let i = 0; i < 5; i++) history.record(i);
  assert.deepEqual([history.undo(5), history.undo(4), history.undo(3), history.undo(2)], [4, 3, 2, undefined]);
});
