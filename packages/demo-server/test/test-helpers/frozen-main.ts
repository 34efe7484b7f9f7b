// The demo server of main.ts, but frozen after its FREEZE_AFTER_COMMIT-th committed request
// (freeze-after-commit.ts): the entry of the crash test's server, so production's has no hook.
import { runServer } from '../../src/run.js';
import { freezeAfterCommit } from './freeze-after-commit.js';

const count = Number(process.env['FREEZE_AFTER_COMMIT']);
if (!Number.isInteger(count) || count < 1) throw new Error('frozen-main.ts: FREEZE_AFTER_COMMIT must be a positive integer');
await runServer({ wrapStore: freezeAfterCommit(count) });
