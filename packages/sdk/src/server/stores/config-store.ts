import { defaultConfig, parseConfig } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { computeConfigEtag } from '../http/etag.js';
import type { LoadConfig, SaveConfig } from '../http/options.js';

/** A `loadConfig` / `saveConfig` pair for the handler. */
export interface ConfigStore {
  readonly loadConfig: LoadConfig & (() => Promise<FormConfig>);
  readonly saveConfig: SaveConfig;
}

/**
 * Keeps the config in memory (lost on restart), starting from `initial` (parsed) or
 * {@link defaultConfig}. `saveConfig` compares ETags before replacing, with no await in between,
 * so two racing writers cannot both win.
 */
export function createMemoryConfigStore(initial?: unknown): ConfigStore {
  let current: FormConfig = initial === undefined ? defaultConfig() : parseConfig(initial);
  let currentEtag: string | undefined;
  return {
    async loadConfig() {
      return current;
    },
    async saveConfig(config, { ifMatch, etag }) {
      const before = current;
      const beforeEtag = currentEtag ?? (await computeConfigEtag(before));
      // Re-check after the await: another save may have landed meanwhile.
      if (current !== before || beforeEtag !== ifMatch) return false;
      current = config;
      currentEtag = etag;
      return true;
    },
  };
}
