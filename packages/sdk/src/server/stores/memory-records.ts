import { toProcessedRecord, type ProcessedRecord } from '../processing/lifecycle.js';
import type { ActivationTokenRecord, ProcessingStore, RequestPatch, UpdateResult } from './processing-store.js';
import type { HistoryEntry } from '../processing/lifecycle.js';
import type { ChangeOptions } from './webhook-store.js';
import { compareRecords, matchesQuery } from '../processing/query.js';
import type { AccountRequestRecord } from './store.js';
import type { CheckResult } from '../checks/types.js';
import type { WebhookDelivery } from './webhook-store.js';

/** The request and token methods of the memory store; the store's `create` adds the notifications and the answer. */
export type MemoryRecords = Pick<ProcessingStore, 'list' | 'get' | 'query' | 'update' | 'saveActivationToken' | 'findActivationToken' | 'useActivationToken'> & {
  /** Adds a request at once (no await), throwing on a duplicate id before writing anything. */
  insert(record: AccountRequestRecord): void;
  /** `update` done at once (no await), for a write that must not be cut in two. */
  applyUpdate(id: string, patch: RequestPatch, expectedVersion: number, entry: HistoryEntry, options?: ChangeOptions): UpdateResult;
  /** The stored request, every processing member filled. */
  read(id: string): ProcessedRecord | undefined;
  /** Replaces a stored request (by its id). */
  replace(record: ProcessedRecord): void;
  /** Every request, in creation order. */
  all(): readonly AccountRequestRecord[];
  /** Deletes the activation tokens of a request. */
  forgetTokens(requestId: string): void;
};

/** Requests (in creation order) and activation tokens in memory; no await inside a method, so each is atomic. */
export function createMemoryRecords(
  insertDeliveries: (deliveries: readonly WebhookDelivery[]) => void = () => undefined,
): MemoryRecords & {
  /** Writes check results on a request at once, raising its version; `undefined` when it does not exist. */
  setChecks(id: string, results: readonly CheckResult[]): ProcessedRecord | undefined;
} {
  const records: AccountRequestRecord[] = [];
  const position = new Map<string, number>();
  const tokens = new Map<string, ActivationTokenRecord>();

  const write = (id: string, record: ProcessedRecord): void => {
    const index = position.get(id);
    if (index !== undefined) records[index] = record;
  };

  const read = (id: string): ProcessedRecord | undefined => {
    const index = position.get(id);
    const stored = index === undefined ? undefined : records[index];
    return stored ? toProcessedRecord(stored) : undefined;
  };

  const applyUpdate: MemoryRecords['applyUpdate'] = (id, patch, expectedVersion, entry, options) => {
    const current = read(id);
    if (!current) return { state: 'not_found' };
    if (current.version !== expectedVersion) return { state: 'conflict', record: current };
    const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
    const rows = options?.webhooks?.(record) ?? [];
    write(id, record);
    insertDeliveries(rows);
    return { state: 'updated', record };
  };

  return {
    applyUpdate,
    read,
    replace: (record) => write(record.id, record),
    all: () => records,
    forgetTokens(requestId) {
      for (const [hash, token] of tokens) if (token.requestId === requestId) tokens.delete(hash);
    },
    setChecks(id, results) {
      const index = position.get(id);
      const stored = index === undefined ? undefined : records[index];
      if (!stored) return undefined;
      const current = toProcessedRecord(stored);
      const record: ProcessedRecord = Object.assign({ ...current, version: current.version + 1 }, ...results);
      write(id, record);
      return record;
    },
    insert(record) {
      if (position.has(record.id)) throw new Error(`Duplicate request id ${record.id}`);
      position.set(record.id, records.length);
      records.push(record);
    },
    async list({ limit = 50, offset = 0 } = {}) {
      const end = records.length - offset;
      return end <= 0 ? [] : records.slice(Math.max(0, end - limit), end).reverse();
    },
    async get(id) {
      const index = position.get(id);
      return index === undefined ? undefined : records[index];
    },
    async query(query) {
      const matching = records.map(toProcessedRecord).filter((record) => matchesQuery(record, query));
      matching.sort(compareRecords(query, (record) => position.get(record.id) ?? 0));
      return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
    },
    async update(id, patch, expectedVersion, entry, options) {
      return applyUpdate(id, patch, expectedVersion, entry, options);
    },
    async saveActivationToken(token) {
      for (const [hash, other] of tokens) {
        if (other.requestId === token.requestId && other.usedAt === undefined && other.replacedAt === undefined) {
          tokens.set(hash, { ...other, replacedAt: token.createdAt });
        }
      }
      tokens.set(token.hash, token);
    },
    async findActivationToken(hash) {
      return tokens.get(hash);
    },
    async useActivationToken(hash, at, patch, entry, options) {
      const token = tokens.get(hash);
      if (!token || token.usedAt !== undefined || token.replacedAt !== undefined || token.expiresAt <= at) return undefined;
      const index = position.get(token.requestId);
      const stored = index === undefined ? undefined : records[index];
      if (!stored) return undefined;
      const current = toProcessedRecord(stored);
      const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
      const rows = options?.webhooks?.(record) ?? [];
      tokens.set(hash, { ...token, usedAt: at });
      write(token.requestId, record);
      insertDeliveries(rows);
      return record;
    },
  };
}
