// Shared run settings of the fuzzers: reproducible by default, longer on demand.
//   FC_SEED       seed of every property (default fixed, so CI runs are reproducible)
//   FC_NUM_RUNS   runs per property (default small, so `npm test` stays fast)
//   FC_PATH       replay one failing case: the `path` fast-check printed with its seed
// e.g. `FC_NUM_RUNS=100000 npm run fuzz`, or `FC_SEED=42 FC_PATH="12:3:0" npm run fuzz`.
import type { Parameters } from 'fast-check';

/** Default seed: any fixed number; change it only to explore, then fix it again. */
export const DEFAULT_SEED = 0x0a11ce;

const seed = Number.parseInt(process.env['FC_SEED'] ?? '', 10);
const runs = Number.parseInt(process.env['FC_NUM_RUNS'] ?? '', 10);
const path = process.env['FC_PATH'];

/**
 * fast-check parameters of a property: `defaultRuns` unless FC_NUM_RUNS says otherwise (a costly
 * property passes `scale` below 1 to run proportionally fewer), the fixed or given seed, and
 * the replay path when one is given.
 */
export function fuzzParameters<T>(defaultRuns: number, scale = 1): Parameters<T> {
  const numRuns = Number.isFinite(runs) && runs > 0 ? Math.max(1, Math.round(runs * scale)) : defaultRuns;
  return {
    seed: Number.isFinite(seed) ? seed : DEFAULT_SEED,
    numRuns,
    // A failure prints the seed and path to replay it with FC_SEED and FC_PATH.
    ...(path ? { path } : {}),
  };
}
