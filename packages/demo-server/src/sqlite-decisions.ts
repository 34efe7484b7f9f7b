import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import {
  ERASED_WEBHOOK_BODY,
  type AccountRequestRecord, type DecisionStore, type EraseResult, type InformationTokenRecord, type InvitationRecord, type InvitationState, type ProcessingStore, type WebhookDelivery,
} from '@account-request/sdk/server';
import { rowAs, rowsAs } from './database.js';
import type { SqliteChecks } from './sqlite-checks.js';
import type { SqliteOutbox } from './sqlite-outbox.js';
import type { SqliteProcessing } from './sqlite-processing.js';
import { REQUEST_COLUMNS, searchColumns, toRecord, type RequestRow } from './sqlite-rows.js';
import { writeQueue } from './write-queue.js';

type DecisionMethods = Omit<DecisionStore, keyof ProcessingStore>;
/** What `erase` resolves (`DecisionStore.erase`). */

/** The decision methods of the SQLite store, and what its `create` adds to a new request's unit. */
export type SqliteDecisions = DecisionMethods & {
  /** Inside `create`'s unit, after the request row: its decision members, and the invitation it uses (throws, undoing the unit, when it cannot be used). */
  onCreate(record: AccountRequestRecord, invitation: { readonly hash: string; readonly at: string } | undefined): void;
};

interface InformationRow {
  hash: string;
  request_id: string;
  message: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  replaced_at: string | null;
}

interface InvitationRow {
  id: string;
  hash: string;
  email: string;
  company_name: string | null;
  values_json: string;
  locale: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  sent_at: string;
  used_at: string | null;
  request_id: string | null;
  revoked_at: string | null;
}

function toInformation(row: InformationRow): InformationTokenRecord {
  return {
    hash: row.hash,
    requestId: row.request_id,
    message: row.message,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.used_at !== null ? { usedAt: row.used_at } : {}),
    ...(row.replaced_at !== null ? { replacedAt: row.replaced_at } : {}),
  };
}

function toInvitation(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    hash: row.hash,
    email: row.email,
    ...(row.company_name !== null ? { companyName: row.company_name } : {}),
    values: JSON.parse(row.values_json) as InvitationRecord['values'],
    locale: row.locale,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    sentAt: row.sent_at,
    ...(row.used_at !== null ? { usedAt: row.used_at } : {}),
    ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

const INVITATION_COLUMNS = 'id, hash, email, company_name, values_json, locale, created_at, created_by, expires_at, sent_at, used_at, request_id, revoked_at';

// Each state as a condition at the instant `?` (the states of `invitationState`).
const STATE_WHERE: Readonly<Record<InvitationState, { sql: string; usesNow: boolean }>> = {
  pending: { sql: 'used_at IS NULL AND revoked_at IS NULL AND expires_at > ?', usesNow: true },
  used: { sql: 'used_at IS NOT NULL', usesNow: false },
  revoked: { sql: 'used_at IS NULL AND revoked_at IS NOT NULL', usesNow: false },
  expired: { sql: 'used_at IS NULL AND revoked_at IS NULL AND expires_at <= ?', usesNow: true },
};

// The last change of a request: its last history entry, else its creation.
const LAST_CHANGE = "coalesce(json_extract(history_json, '$[#-1].at'), created_at)";

/**
 * The decision step on SQLite (schema step 7): decisions written with their e-mails and links,
 * corrections, invitations, erasure and the retention query. Every write is one unit of the
 * group commit (see `write-queue.ts`).
 */
export function createSqliteDecisions(
  db: DatabaseSync,
  parts: { outbox: SqliteOutbox; processing: SqliteProcessing; insertDeliveries: (rows: readonly WebhookDelivery[]) => void; insertChecks: SqliteChecks['insert'] },
): SqliteDecisions {
  const queue = writeQueue(db);
  const { outbox, processing, insertDeliveries, insertChecks } = parts;
  const getRow = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = ?`);
  const writeMembers = db.prepare('UPDATE requests SET consents_json = ?, invitation_id = ?, erased_at = ? WHERE id = ?');
  const useInvitation = db.prepare('UPDATE invitations SET used_at = ?, request_id = ? WHERE hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?');
  const replaceLinks = db.prepare('UPDATE information_tokens SET replaced_at = ? WHERE request_id = ? AND used_at IS NULL AND replaced_at IS NULL');
  const insertLink = db.prepare('INSERT INTO information_tokens (hash, request_id, message, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const getLink = db.prepare('SELECT * FROM information_tokens WHERE hash = ?');
  const useLink = db.prepare(
    `UPDATE information_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL AND replaced_at IS NULL AND expires_at > ?
     AND EXISTS (SELECT 1 FROM requests WHERE requests.id = information_tokens.request_id AND status = 'info-requested')`,
  );
  const writeCorrection = db.prepare(
    'UPDATE requests SET status = ?, values_json = ?, consents_json = ?, history_json = ?, version = ?, search_text = ?, company_key = ? WHERE id = ? AND version = ?',
  );
  const insertInvitation = db.prepare(`INSERT INTO invitations (${INVITATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const renew = db.prepare('UPDATE invitations SET hash = ?, expires_at = ?, sent_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL');
  const revoke = db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL');
  const getInvitation = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = ?`);
  const findInvitation = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE hash = ?`);
  const writeTombstone = db.prepare(
    `UPDATE requests SET status = ?, values_json = ?, password_hash = NULL, in_account = ?, note = ?, history_json = ?, version = ?, activated_at = ?,
       search_text = ?, company_key = ?, vat_check_json = NULL, siret_check_json = NULL, consents_json = NULL, invitation_id = NULL, erased_at = ? WHERE id = ?`,
  );
  const erasures = [
    db.prepare('DELETE FROM activation_tokens WHERE request_id = ?'),
    db.prepare('DELETE FROM information_tokens WHERE request_id = ?'),
    db.prepare('DELETE FROM check_jobs WHERE request_id = ?'),
    db.prepare('DELETE FROM request_files WHERE request_id = ?'),
    db.prepare('UPDATE requests SET files_json = NULL WHERE id = ?'),
  ];
  const eraseInvitations = db.prepare('DELETE FROM invitations WHERE request_id = ? OR id = ?');
  const eraseMails = db.prepare('DELETE FROM notifications WHERE request_id IN (?, ?)');
  const scrubDeliveries = db.prepare(
    "UPDATE webhook_deliveries SET body = ?, last_response = NULL, locked_until = NULL, state = CASE state WHEN 'pending' THEN 'cancelled' ELSE state END WHERE request_id = ?",
  );

  const read = (id: string) => {
    const row = rowAs<RequestRow>(getRow.get(id));
    return row ? toRecord(row) : undefined;
  };

  return {
    onCreate(record, invitation) {
      if (record.consents !== undefined || record.invitationId !== undefined || record.erasedAt !== undefined) {
        writeMembers.run(record.consents ? JSON.stringify(record.consents) : null, record.invitationId ?? null, record.erasedAt ?? null, record.id);
      }
      if (invitation && useInvitation.run(invitation.at, record.id, invitation.hash, invitation.at).changes !== 1) throw new Error('The invitation cannot be used.');
    },
    async decide(id, patch, expectedVersion, entry, options = {}) {
      return queue.write(() => {
        const result = processing.applyUpdate(id, patch, expectedVersion, entry, options);
        if (result.state !== 'updated') return result;
        const link = options.informationToken;
        if (link) {
          replaceLinks.run(link.createdAt, link.requestId);
          insertLink.run(link.hash, link.requestId, link.message, link.createdAt, link.expiresAt);
        }
        outbox.insert(options.notifications ?? []);
        return result;
      });
    },
    async findInformationToken(hash) {
      const row = rowAs<InformationRow>(getLink.get(hash));
      return row ? toInformation(row) : undefined;
    },
    async useInformationToken(hash, at, patch, entry, options = {}) {
      return queue.write(() => {
        if (useLink.run(at, hash, at).changes !== 1) return undefined;
        const link = rowAs<InformationRow>(getLink.get(hash))!;
        const current = read(link.request_id);
        // A link always points at a request (foreign key); throwing undoes the use.
        if (!current) throw new Error(`Information link of a missing request ${link.request_id}`);
        const record = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
        writeCorrection.run(record.status, JSON.stringify(record.values), record.consents ? JSON.stringify(record.consents) : null, JSON.stringify(record.history), record.version, ...searchColumns(record), record.id, current.version);
        // The checks of the numbers the answer changed: their states on the row, their jobs anew.
        if (patch.vatCheck || patch.siretCheck || options.checks?.length) insertChecks(record, options.checks ?? []);
        if (options.webhooks) insertDeliveries(options.webhooks(record));
        outbox.insert(options.notifications ?? []);
        return record;
      });
    },
    async createInvitation(invitation, notification) {
      await queue.write(() => {
        const i = invitation;
        insertInvitation.run(i.id, i.hash, i.email, i.companyName ?? null, JSON.stringify(i.values), i.locale, i.createdAt, i.createdBy, i.expiresAt, i.sentAt, i.usedAt ?? null, i.requestId ?? null, i.revokedAt ?? null);
        if (notification) outbox.insert([notification]);
      });
    },
    async renewInvitation(id, change, notification) {
      return queue.write(() => {
        if (renew.run(change.hash, change.expiresAt, change.sentAt, id).changes !== 1) return undefined;
        if (notification) outbox.insert([notification]);
        return toInvitation(rowAs<InvitationRow>(getInvitation.get(id))!);
      });
    },
    async revokeInvitation(id, at) {
      return queue.write(() => (revoke.run(at, id).changes === 1 ? toInvitation(rowAs<InvitationRow>(getInvitation.get(id))!) : undefined));
    },
    async getInvitation(id) {
      const row = rowAs<InvitationRow>(getInvitation.get(id));
      return row ? toInvitation(row) : undefined;
    },
    async findInvitation(hash) {
      const row = rowAs<InvitationRow>(findInvitation.get(hash));
      return row ? toInvitation(row) : undefined;
    },
    async listInvitations({ state, now, limit, offset }) {
      const where = state ? STATE_WHERE[state] : undefined;
      const params: SQLInputValue[] = where?.usesNow ? [now] : [];
      const clause = where ? `WHERE ${where.sql}` : '';
      const total = rowAs<{ total: number }>(db.prepare(`SELECT COUNT(*) AS total FROM invitations ${clause}`).get(...params))?.total ?? 0;
      const rows = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations ${clause} ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
      return { items: rowsAs<InvitationRow>(rows).map(toInvitation), total };
    },
    async erase(id, tombstone, options = {}) {
      const result = await queue.write((): EraseResult => {
        // Read inside the write transaction: a concurrent erasure (another connection to the
        // file) waited for this one and finds erasedAt set, so a request is erased once.
        const current = read(id);
        if (!current) return { state: 'not_found' };
        if (current.erasedAt !== undefined) return { state: 'already_erased', record: current };
        if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) return { state: 'conflict', record: current };
        const erased = tombstone(current);
        writeTombstone.run(
          erased.status, JSON.stringify(erased.values), erased.inAccount ? 1 : 0, erased.note, JSON.stringify(erased.history), erased.version, erased.activatedAt ?? null,
          ...searchColumns(erased), erased.erasedAt ?? null, id,
        );
        for (const statement of erasures) statement.run(id);
        const invitationId = current.invitationId ?? '';
        eraseInvitations.run(id, invitationId);
        eraseMails.run(id, invitationId);
        scrubDeliveries.run(ERASED_WEBHOOK_BODY, id);
        // After the scrub: the erasure's own event is sent.
        if (options.webhooks) insertDeliveries(options.webhooks(erased));
        return { state: 'erased', record: erased };
      });
      // The WAL still holds the pages as they were before: copy the erasure into the file and
      // empty the WAL (secure_delete zeroes what it overwrote). A reader holding an older snapshot
      // can keep part of the WAL until its next checkpoint; never an error for the erasure.
      if (result.state === 'erased') {
        try {
          db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch {
          // Busy: SQLite's automatic checkpoints get there later.
        }
      }
      return result;
    },
    async findStale({ statuses, changedBefore, notActivated, limit }) {
      const rows = db
        .prepare(
          `SELECT ${REQUEST_COLUMNS} FROM requests WHERE erased_at IS NULL AND status IN (${statuses.map(() => '?').join(', ')})${notActivated ? ' AND activated_at IS NULL' : ''}
           AND ${LAST_CHANGE} < ? ORDER BY ${LAST_CHANGE}, seq LIMIT ?`,
        )
        .all(...statuses, changedBefore, limit);
      return rowsAs<RequestRow>(rows).map(toRecord);
    },
  };
}
