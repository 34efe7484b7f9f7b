import type { DatabaseSync } from 'node:sqlite';
import type { AccountRequestRecord, FileStore, StoredFile } from '@account-request/sdk/server';
import { rowAs } from './database.js';

interface FileRow {
  request_id: string;
  id: string;
  field: string;
  name: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** The files of the SQLite store: `insert` runs inside a creation's unit of the group commit, `getFile` reads one back. */
export function createSqliteFiles(db: DatabaseSync): FileStore & { insert(record: AccountRequestRecord, files: readonly StoredFile[]): void } {
  const insertFile = db.prepare('INSERT INTO request_files (request_id, id, position, field, name, type, size, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const listFiles = db.prepare('UPDATE requests SET files_json = ? WHERE id = ?');
  const readFile = db.prepare('SELECT request_id, id, field, name, type, size, bytes FROM request_files WHERE request_id = ? AND id = ?');
  return {
    insert(record, files) {
      if (record.files && record.files.length > 0) listFiles.run(JSON.stringify(record.files.map(({ id, field, name, size, type }) => ({ id, field, name, size, type }))), record.id);
      files.forEach((file, position) => insertFile.run(file.requestId, file.id, position, file.field, file.name, file.type, file.size, file.bytes));
    },
    async getFile(requestId, fileId) {
      const row = rowAs<FileRow>(readFile.get(requestId, fileId));
      return row ? { requestId: row.request_id, id: row.id, field: row.field, name: row.name, type: row.type, size: row.size, bytes: new Uint8Array(row.bytes) } : undefined;
    },
  };
}
