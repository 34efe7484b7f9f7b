import { defaultConfig, parseConfig, updateSettings } from '../config/index.js';
import { computeConfigEtag } from '../server/http/etag.js';
import type { FormConfig } from '../types.js';
import { count, equal, ok, same } from './check.js';
import { part, withStore } from './fixtures.js';
import type { ConfigStoreUnderTest, StoreConformanceTarget, TestFunctions } from './types.js';

/** The config as the handler sees it: the stored one (or the default when none) and its ETag. */
export async function currentConfig(config: ConfigStoreUnderTest): Promise<{ raw: unknown; config: FormConfig; etag: string }> {
  const raw = await config.loadConfig();
  const parsed = raw === undefined || raw === null ? defaultConfig() : parseConfig(raw);
  return { raw, config: parsed, etag: await computeConfigEtag(parsed) };
}

export async function saveConfig(config: ConfigStoreUnderTest, next: FormConfig, ifMatch: string): Promise<boolean> {
  // `void` is a success for the handler; only `false` is a lost race.
  return (await config.saveConfig(next, { ifMatch, etag: await computeConfigEtag(next) })) !== false;
}

export const edited = (config: FormConfig, n: number): FormConfig => updateSettings(config, { alertEmail: `ventes-${n}@comptoir.example` });

/** The config store: saves guarded by the ETag, one winner among racing saves, the same object until a change. */
export function configCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('config', () => {
    it('saves at the current ETag, refuses a stale one, and serves what was saved', () =>
      withStore(target, async ({ first }) => {
        const config = part(first, 'config');
        const before = await currentConfig(config);
        const next = edited(before.config, 1);
        equal(await saveConfig(config, next, '"stale"'), false, 'save with a stale ETag');
        same((await currentConfig(config)).config, before.config, 'config after the refused save');
        equal(await saveConfig(config, next, before.etag), true, 'save with the current ETag');
        const after = await currentConfig(config);
        same(after.config, next, 'config after the save');
        equal(after.etag, await computeConfigEtag(next), 'ETag after the save');
        equal(await saveConfig(config, edited(before.config, 2), before.etag), false, 'a second save from the old ETag');
      }));

    it('returns the same object until a save, and a new one after', () =>
      withStore(target, async ({ first }) => {
        const config = part(first, 'config');
        const before = await currentConfig(config);
        if (before.raw !== undefined && before.raw !== null) equal(await config.loadConfig(), before.raw, 'second load without a save');
        await saveConfig(config, edited(before.config, 3), before.etag);
        const after = await config.loadConfig();
        ok(after !== before.raw, 'load after a save returns a new object');
        equal(await config.loadConfig(), after, 'load again after the save');
      }));

    it('lets exactly one of many concurrent saves from one ETag win', () =>
      withStore(target, async ({ first }) => {
        const config = part(first, 'config');
        const before = await currentConfig(config);
        const n = target.concurrency ?? 20;
        const candidates = Array.from({ length: n }, (_, i) => edited(before.config, 100 + i));
        const results = await Promise.all(candidates.map((candidate) => saveConfig(config, candidate, before.etag)));
        equal(count(results, true), 1, `winners among ${n} concurrent saves`);
        same((await currentConfig(config)).config, candidates[results.indexOf(true)], 'the stored config is the winner’s');
      }));
  });
}
