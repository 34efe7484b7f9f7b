import { defaultConfig, parseConfig, type FormConfig } from '@account-request/sdk';
import { computeConfigEtag, type SaveConfigContext } from '@account-request/sdk/server';
import type { Database } from './database.js';

/** The handler's `loadConfig` and `saveConfig` over one row of `form_config`. */
export interface PostgresConfigStore {
  /**
   * The stored config (`undefined` while none was saved: the handler serves the default). The
   * same object until the stored revision changes, so the handler parses and hashes it once per
   * change; each call reads the revision, so a save through any instance is served by all.
   */
  loadConfig(): Promise<unknown>;
  /**
   * Saves `config` when the stored ETag is still `context.ifMatch`, in one statement: of racing
   * saves from any number of instances exactly one wins; the others resolve `false` (a 412).
   */
  saveConfig(config: FormConfig, context: SaveConfigContext): Promise<boolean>;
}

async function etagOf(value: unknown): Promise<string | undefined> {
  try {
    return await computeConfigEtag(parseConfig(value));
  } catch {
    // An invalid stored config stays as it is: the handler answers 503 and the operator fixes it.
    return undefined;
  }
}

/**
 * Opens the config named `name`, storing `seed` (normalized) when there is none yet. A stored
 * ETag that no longer matches its config (the row was edited by hand, or the SDK's
 * normalization changed) is recomputed, so an admin who loaded the config can always save it.
 */
export async function openPostgresConfig({ pool }: Database, name: string, seed?: FormConfig): Promise<PostgresConfigStore> {
  if (seed !== undefined) {
    const config = parseConfig(seed);
    // DO NOTHING: another instance may have seeded it first.
    await pool.query('INSERT INTO form_config (name, config, etag, revision, updated_at) VALUES ($1, $2::json, $3, 1, now()) ON CONFLICT (name) DO NOTHING', [
      name,
      JSON.stringify(config),
      await computeConfigEtag(config),
    ]);
  }
  const { rows } = await pool.query<{ config: unknown; etag: string; revision: number }>('SELECT config, etag, revision FROM form_config WHERE name = $1', [name]);
  const stored = rows[0];
  if (stored) {
    const etag = await etagOf(stored.config);
    if (etag !== undefined && etag !== stored.etag) {
      await pool.query('UPDATE form_config SET etag = $2 WHERE name = $1 AND revision = $3', [name, etag, stored.revision]);
    }
  }

  let cached: { revision: number; value: unknown } | undefined;
  let defaultEtag: Promise<string> | undefined;
  return {
    async loadConfig() {
      // The config text only when it changed since the cached revision.
      const result = await pool.query<{ revision: number; config: unknown }>(
        'SELECT revision, CASE WHEN revision IS DISTINCT FROM $2 THEN config END AS config FROM form_config WHERE name = $1',
        [name, cached?.revision ?? null],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      if (!cached || row.revision !== cached.revision) cached = { revision: row.revision, value: row.config };
      return cached.value;
    },
    async saveConfig(config, { ifMatch, etag }) {
      const json = JSON.stringify(config);
      const updated = await pool.query('UPDATE form_config SET config = $2::json, etag = $3, revision = revision + 1, updated_at = now() WHERE name = $1 AND etag = $4', [
        name,
        json,
        etag,
        ifMatch,
      ]);
      if (updated.rowCount === 1) return true;
      // No row yet: the default config is served, and the first save from its ETag inserts the
      // row; of two first saves, one inserts.
      if (ifMatch !== (await (defaultEtag ??= computeConfigEtag(defaultConfig())))) return false;
      const inserted = await pool.query('INSERT INTO form_config (name, config, etag, revision, updated_at) VALUES ($1, $2::json, $3, 1, now()) ON CONFLICT (name) DO NOTHING', [
        name,
        json,
        etag,
      ]);
      return inserted.rowCount === 1;
    },
  };
}
