/** A file of a request as the request lists it (`record.files`): never its bytes. */
export interface FileInfo {
  readonly id: string;
  /** The file field it was sent for. */
  readonly field: string;
  /** The display name: the client's name made safe, with the extension of its real kind (see `safeFileName`). */
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** The MIME type detected from the content: `application/pdf`, `image/jpeg` or `image/png`. */
  readonly type: string;
}

/** A file with its bytes, as `create` writes it (in the request's transaction) and `getFile` reads it. */
export interface StoredFile extends FileInfo {
  readonly requestId: string;
  readonly bytes: Uint8Array;
}

/**
 * A store that keeps uploaded files: `create(record, { files })` writes them with the request,
 * all or nothing, and `getFile` reads one back. A file belongs to one request: asked with
 * another request's id, `getFile` resolves `undefined`.
 */
export interface FileStore {
  getFile(requestId: string, fileId: string): Promise<StoredFile | undefined>;
}

/** True when `store` implements {@link FileStore}. */
export function isFileStore<T extends object>(store: T): store is T & FileStore {
  return typeof (store as Partial<FileStore>).getFile === 'function';
}

/** Files in memory for the memory store: `insert` (inside `create`, before it returns), `forget` (erasure) and `getFile`. */
export function createMemoryFiles(): FileStore & { insert(files: readonly StoredFile[]): void; forget(requestId: string): void } {
  const files = new Map<string, StoredFile>();
  const key = (requestId: string, fileId: string) => `${requestId}\u0000${fileId}`;
  return {
    insert(list) {
      // Copies: the caller's buffers may be reused.
      for (const file of list) files.set(key(file.requestId, file.id), { ...file, bytes: file.bytes.slice() });
    },
    forget(requestId) {
      for (const [id, file] of files) if (file.requestId === requestId) files.delete(id);
    },
    async getFile(requestId, fileId) {
      const file = files.get(key(requestId, fileId));
      return file ? { ...file, bytes: file.bytes.slice() } : undefined;
    },
  };
}
