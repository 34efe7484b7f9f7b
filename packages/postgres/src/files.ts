import type { FileInfo, FileStore, StoredFile } from '@account-request/sdk/server';
import type { Database } from './database.js';

interface FileRow {
  request_id: string;
  id: string;
  field: string;
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

/** The files of a creation as one json parameter for {@link insertFilesSql}: bytes in base64, decoded to bytea by the statement. */
export function filesParam(files: readonly StoredFile[]): string {
  return JSON.stringify(files.map((file, position) => ({
    request_id: file.requestId, id: file.id, position, field: file.field, name: file.name, type: file.type, size: file.size, bytes: Buffer.from(file.bytes).toString('base64'),
  })));
}

/** The list a request row carries (`account_requests.files`): the files without their bytes. */
export function filesColumn(files: readonly FileInfo[] | undefined): string | null {
  return files && files.length > 0 ? JSON.stringify(files.map(({ id, field, name, size, type }) => ({ id, field, name, size, type }))) : null;
}

/** `INSERT … SELECT` of the files in json parameter `$param`, written only when `guard` holds (the request row was). */
export function insertFilesSql(param: string, guard = 'true'): string {
  return `INSERT INTO request_files (request_id, id, position, field, name, type, size, bytes)
    SELECT request_id, id, position, field, name, type, size, decode(bytes, 'base64') FROM json_to_recordset(${param}::json) AS f(
      request_id text, id text, position integer, field text, name text, type text, size integer, bytes text)
    WHERE ${guard}`;
}

/** The file methods of the PostgreSQL store: files are written by `create`, in its statement. */
export function createPostgresFiles({ pool }: Database): FileStore {
  return {
    async getFile(requestId, fileId) {
      const { rows } = await pool.query<FileRow>('SELECT request_id, id, field, name, type, size, bytes FROM request_files WHERE request_id = $1 AND id = $2', [requestId, fileId]);
      const row = rows[0];
      return row ? { requestId: row.request_id, id: row.id, field: row.field, name: row.name, type: row.type, size: row.size, bytes: new Uint8Array(row.bytes) } : undefined;
    },
  };
}
