import type { DatabaseSync } from 'node:sqlite';
import { parseConfig, type FormConfig } from '@account-request/sdk';
import { computeConfigEtag, type SaveConfigContext } from '@account-request/sdk/server';
import { rowAs } from './database.js';
import { writeQueue } from './write-queue.js';

/** The handler's `loadConfig` and `saveConfig` over the `config` table. */
export interface SqliteConfigStore {
  /** The stored config: the same object until it changes, so the handler parses and hashes it once. */
  loadConfig(): unknown;
  /** Saves when the stored ETag is still `context.ifMatch`, in one statement; resolves `false` otherwise. */
  saveConfig(config: FormConfig, context: SaveConfigContext): Promise<boolean>;
}

interface ConfigRow {
  json: string;
  etag: string;
  revision: number;
}

/**
 * Opens the config table of `db`, seeding it with `seed` on first start. The ETag column is
 * the SDK's `computeConfigEtag` of the normalized config: when a stored row's ETag no longer
 * matches (the row was edited by hand, or the SDK's normalization changed), it is recomputed,
 * so an admin who loaded the config can always save it.
 */
export async function openSqliteConfigStore(db: DatabaseSync, seed: FormConfig): Promise<SqliteConfigStore> {
  const read = db.prepare('SELECT json, etag, revision FROM config WHERE id = 1');
  const readRevision = db.prepare('SELECT revision FROM config WHERE id = 1');
  const update = db.prepare(
    'UPDATE config SET json = ?, etag = ?, revision = revision + 1, updated_at = ? WHERE id = 1 AND etag = ?',
  );

  let row = rowAs<ConfigRow>(read.get());
  if (!row) {
    const config = parseConfig(seed);
    const etag = await computeConfigEtag(config);
    // OR IGNORE: another process on the same DATA_DIR may have seeded it first.
    db.prepare('INSERT OR IGNORE INTO config (id, json, etag, revision, updated_at) VALUES (1, ?, ?, 1, ?)').run(
      JSON.stringify(config),
      etag,
      new Date().toISOString(),
    );
    row = rowAs<ConfigRow>(read.get())!;
  } else {
    const etag = await etagOf(row.json);
    if (etag !== undefined && etag !== row.etag) {
      db.prepare('UPDATE config SET etag = ? WHERE id = 1 AND revision = ?').run(etag, row.revision);
      row = rowAs<ConfigRow>(read.get())!;
    }
  }

  let cached: { revision: number; value: unknown } = { revision: row.revision, value: JSON.parse(row.json) };

  return {
    loadConfig() {
      // Reading one integer per request keeps several processes on one file in step.
      const current = rowAs<{ revision: number }>(readRevision.get());
      if (current && current.revision !== cached.revision) {
        const fresh = rowAs<ConfigRow>(read.get())!;
        cached = { revision: fresh.revision, value: JSON.parse(fresh.json) };
      }
      return cached.value;
    },
    async saveConfig(config, context) {
      const result = await writeQueue(db).write(() => update.run(JSON.stringify(config), context.etag, new Date().toISOString(), context.ifMatch));
      return result.changes === 1;
    },
  };
}

async function etagOf(json: string): Promise<string | undefined> {
  try {
    return await computeConfigEtag(parseConfig(JSON.parse(json)));
  } catch {
    // An invalid stored config stays as it is: the handler answers 503 and the operator fixes it.
    return undefined;
  }
}
