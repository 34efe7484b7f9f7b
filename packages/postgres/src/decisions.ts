import {
  ERASED_WEBHOOK_BODY, searchText, companyKey,
  type AccountRequestRecord, type CreateOptions, type DecisionStore, type EraseResult, type InformationTokenRecord, type InvitationRecord, type InvitationState, type ProcessedRecord, type ProcessingStore,
} from '@account-request/sdk/server';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { transaction, type Database } from './database.js';
import { checksParam, insertChecksSql } from './checks.js';
import { deliveriesParam, insertDeliveriesSql } from './webhooks.js';
import { insertNotificationsSql, notificationsParam, REQUEST_COLUMNS, toRecord, type RequestRow } from './rows.js';

type DecisionMethods = Omit<DecisionStore, keyof ProcessingStore>;

interface InformationRow {
  hash: string;
  request_id: string;
  message: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  replaced_at: Date | null;
}

interface InvitationRow {
  id: string;
  hash: string;
  email: string;
  company_name: string | null;
  field_values: InvitationRecord['values'];
  locale: string;
  created_at: Date;
  created_by: string;
  expires_at: Date;
  sent_at: Date;
  used_at: Date | null;
  request_id: string | null;
  revoked_at: Date | null;
}

const iso = (date: Date | null): string | undefined => (date === null ? undefined : date.toISOString());

function toInformation(row: InformationRow): InformationTokenRecord {
  const usedAt = iso(row.used_at);
  const replacedAt = iso(row.replaced_at);
  return {
    hash: row.hash, requestId: row.request_id, message: row.message, createdAt: row.created_at.toISOString(), expiresAt: row.expires_at.toISOString(),
    ...(usedAt ? { usedAt } : {}), ...(replacedAt ? { replacedAt } : {}),
  };
}

function toInvitation(row: InvitationRow): InvitationRecord {
  const usedAt = iso(row.used_at);
  const revokedAt = iso(row.revoked_at);
  return {
    id: row.id,
    hash: row.hash,
    email: row.email,
    ...(row.company_name !== null ? { companyName: row.company_name } : {}),
    values: row.field_values,
    locale: row.locale,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    expiresAt: row.expires_at.toISOString(),
    sentAt: row.sent_at.toISOString(),
    ...(usedAt ? { usedAt } : {}),
    ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    ...(revokedAt ? { revokedAt } : {}),
  };
}

const INVITATION_COLUMNS = 'id, hash, email, company_name, field_values, locale, created_at, created_by, expires_at, sent_at, used_at, request_id, revoked_at';
const INFORMATION_COLUMNS = 'hash, request_id, message, created_at, expires_at, used_at, replaced_at';

// Each state as a condition at the instant `$1` (the states of `invitationState`).
const STATE_WHERE: Readonly<Record<InvitationState, { sql: string; usesNow: boolean }>> = {
  pending: { sql: 'used_at IS NULL AND revoked_at IS NULL AND expires_at > $1', usesNow: true },
  used: { sql: 'used_at IS NOT NULL', usesNow: false },
  revoked: { sql: 'used_at IS NULL AND revoked_at IS NOT NULL', usesNow: false },
  expired: { sql: 'used_at IS NULL AND revoked_at IS NULL AND expires_at <= $1', usesNow: true },
};

// The last change of a request: its last history entry, else its creation.
const LAST_CHANGE = "coalesce((history->-1->>'at')::timestamptz, created_at)";

/** The members of a record only the decision step writes (none for most new requests but their consents). */
const hasDecisionMembers = (record: AccountRequestRecord): boolean => record.consents !== undefined || record.invitationId !== undefined || record.erasedAt !== undefined;

/**
 * Runs the statement of a creation (`sql`, `params`, counting the request rows it wrote as
 * `created`): alone when the request has nothing of the decision step, else in one transaction
 * that first uses the invitation (only while unused, unrevoked, unexpired: the row lock makes a
 * concurrent use wait and then fail) and then writes the decision members. A creation that wrote
 * no request (the key's answer was taken) rolls the invitation back too.
 */
export async function runCreation(pool: Pool, record: AccountRequestRecord, options: CreateOptions, sql: string, params: unknown[]): Promise<QueryResult<{ created: number }>> {
  const invitation = options.invitation;
  if (!invitation && !hasDecisionMembers(record)) return pool.query<{ created: number }>(sql, params);
  const notCreated = Symbol('not created');
  try {
    return await transaction(pool, async (client) => {
      if (invitation) {
        const used = await client.query(
          'UPDATE invitations SET used_at = $2, request_id = $3 WHERE hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2',
          [invitation.hash, invitation.at, record.id],
        );
        if (used.rowCount !== 1) throw new Error('The invitation cannot be used.');
      }
      const result = await client.query<{ created: number }>(sql, params);
      if (result.rows[0]?.created !== 1) throw Object.assign(new Error('not created'), { [notCreated]: result });
      if (hasDecisionMembers(record)) {
        await client.query('UPDATE account_requests SET consents = $2::json, invitation_id = $3, erased_at = $4 WHERE id = $1', [
          record.id, record.consents ? JSON.stringify(record.consents) : null, record.invitationId ?? null, record.erasedAt ?? null,
        ]);
      }
      return result;
    });
  } catch (error) {
    // The caller's own check reports a creation that wrote nothing (the key's answer was taken).
    const result = (error as Record<symbol, QueryResult<{ created: number }> | undefined>)[notCreated];
    if (result) return result;
    throw error;
  }
}

async function one<T extends QueryResultRow>(client: Pool | PoolClient, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await client.query<T>(sql, params)).rows[0];
}

/** Builds the decision methods over `db` (migration 6). */
export function createPostgresDecisions({ pool }: Database): DecisionMethods {
  const lockRequest = async (client: PoolClient, id: string): Promise<ProcessedRecord | undefined> => {
    const row = await one<RequestRow>(client, `SELECT ${REQUEST_COLUMNS} FROM account_requests WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toRecord(row) : undefined;
  };

  return {
    async decide(id, patch, expectedVersion, entry, options = {}) {
      return transaction(pool, async (client) => {
        const current = await lockRequest(client, id);
        if (!current) return { state: 'not_found' } as const;
        if (current.version !== expectedVersion) return { state: 'conflict', record: current } as const;
        const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
        await client.query(
          'UPDATE account_requests SET status = $2, in_account = $3, note = $4, history = $5::json, version = $6, activated_at = $7, password_hash = $8 WHERE id = $1',
          [id, record.status, record.inAccount, record.note, JSON.stringify(record.history), record.version, record.activatedAt ?? null, record.passwordHash ?? null],
        );
        const webhooks = options.webhooks?.(record) ?? [];
        if (webhooks.length > 0) await client.query(insertDeliveriesSql('$1'), [deliveriesParam(webhooks)]);
        if (options.notifications && options.notifications.length > 0) await client.query(insertNotificationsSql('$1'), [notificationsParam(options.notifications)]);
        const link = options.informationToken;
        if (link) {
          await client.query('UPDATE information_tokens SET replaced_at = $2 WHERE request_id = $1 AND used_at IS NULL AND replaced_at IS NULL', [link.requestId, link.createdAt]);
          await client.query('INSERT INTO information_tokens (hash, request_id, message, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
            link.hash, link.requestId, link.message, link.createdAt, link.expiresAt,
          ]);
        }
        return { state: 'updated', record } as const;
      });
    },
    async findInformationToken(hash) {
      const row = await one<InformationRow>(pool, `SELECT ${INFORMATION_COLUMNS} FROM information_tokens WHERE hash = $1`, [hash]);
      return row ? toInformation(row) : undefined;
    },
    async useInformationToken(hash, at, patch, entry, options = {}) {
      return transaction(pool, async (client) => {
        // Locks in the order every write takes them: the request row first, then its links (as
        // `decide` does when it replaces them, and `erase`), so no two transactions wait on each
        // other. A link never moves to another request: reading its request unlocked is safe.
        const link = await one<{ request_id: string }>(client, 'SELECT request_id FROM information_tokens WHERE hash = $1', [hash]);
        if (!link) return undefined;
        const current = await lockRequest(client, link.request_id);
        if (!current || current.status !== 'info-requested') return undefined;
        // Of two concurrent uses, the second waits for the first's request lock, then finds the link used.
        const used = await one<{ request_id: string }>(
          client,
          'UPDATE information_tokens SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2 RETURNING request_id',
          [hash, at],
        );
        if (!used) return undefined;
        const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
        await client.query(
          `UPDATE account_requests SET status = $2, field_values = $3::json, consents = $4::json, history = $5::json, version = $6, search_text = $7, company_key = $8,
             vat_check = $9::json, siret_check = $10::json WHERE id = $1`,
          [
            record.id, record.status, JSON.stringify(record.values), record.consents ? JSON.stringify(record.consents) : null, JSON.stringify(record.history), record.version, searchText(record), companyKey(record),
            record.vatCheck ? JSON.stringify(record.vatCheck) : null, record.siretCheck ? JSON.stringify(record.siretCheck) : null,
          ],
        );
        // The checks of the numbers the answer changed are queued anew with it.
        if (options.checks && options.checks.length > 0) await client.query(insertChecksSql('$1'), [checksParam(options.checks)]);
        const webhooks = options.webhooks?.(record) ?? [];
        if (webhooks.length > 0) await client.query(insertDeliveriesSql('$1'), [deliveriesParam(webhooks)]);
        if (options.notifications && options.notifications.length > 0) await client.query(insertNotificationsSql('$1'), [notificationsParam(options.notifications)]);
        return record;
      });
    },
    async createInvitation(invitation, notification) {
      const i = invitation;
      const params = [i.id, i.hash, i.email, i.companyName ?? null, JSON.stringify(i.values), i.locale, i.createdAt, i.createdBy, i.expiresAt, i.sentAt, i.usedAt ?? null, i.requestId ?? null, i.revokedAt ?? null];
      const insert = `INSERT INTO invitations (${INVITATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5::json, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`;
      if (!notification) await pool.query(insert, params);
      else await pool.query(`WITH saved AS (${insert}), outbox AS (${insertNotificationsSql('$14', 'EXISTS (SELECT 1 FROM saved)')}) SELECT 1`, [...params, notificationsParam([notification])]);
    },
    async renewInvitation(id, change, notification) {
      const renew = `UPDATE invitations SET hash = $2, expires_at = $3, sent_at = $4 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING ${INVITATION_COLUMNS}`;
      const params: unknown[] = [id, change.hash, change.expiresAt, change.sentAt];
      const row = notification
        ? await one<InvitationRow>(pool, `WITH renewed AS (${renew}), outbox AS (${insertNotificationsSql('$5', 'EXISTS (SELECT 1 FROM renewed)')}) SELECT * FROM renewed`, [...params, notificationsParam([notification])])
        : await one<InvitationRow>(pool, renew, params);
      return row ? toInvitation(row) : undefined;
    },
    async revokeInvitation(id, at) {
      const row = await one<InvitationRow>(pool, `UPDATE invitations SET revoked_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING ${INVITATION_COLUMNS}`, [id, at]);
      return row ? toInvitation(row) : undefined;
    },
    async getInvitation(id) {
      const row = await one<InvitationRow>(pool, `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE id = $1`, [id]);
      return row ? toInvitation(row) : undefined;
    },
    async findInvitation(hash) {
      const row = await one<InvitationRow>(pool, `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE hash = $1`, [hash]);
      return row ? toInvitation(row) : undefined;
    },
    async listInvitations({ state, now, limit, offset }) {
      const where = state ? STATE_WHERE[state] : undefined;
      const params: unknown[] = where?.usesNow ? [now] : [];
      const clause = where ? `WHERE ${where.sql}` : '';
      const count = pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM invitations ${clause}`, params);
      const page = pool.query<InvitationRow>(
        `SELECT ${INVITATION_COLUMNS} FROM invitations ${clause} ORDER BY created_at DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      );
      const [total, items] = await Promise.all([count, page]);
      return { items: items.rows.map(toInvitation), total: total.rows[0]?.total ?? 0 };
    },
    async erase(id, tombstone, options = {}) {
      return transaction(pool, async (client): Promise<EraseResult> => {
        // Under the row lock: of concurrent erasures (the route or retention on several
        // instances), the later ones wait here, then find erasedAt set and write nothing.
        const current = await lockRequest(client, id);
        if (!current) return { state: 'not_found' };
        if (current.erasedAt !== undefined) return { state: 'already_erased', record: current };
        if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) return { state: 'conflict', record: current };
        const erased = tombstone(current);
        await client.query(
          `UPDATE account_requests SET status = $2, field_values = $3::json, password_hash = NULL, in_account = $4, note = $5, history = $6::json, version = $7,
             activated_at = $8, search_text = $9, company_key = $10, vat_check = NULL, siret_check = NULL, consents = NULL, invitation_id = NULL, files = NULL, erased_at = $11 WHERE id = $1`,
          [id, erased.status, JSON.stringify(erased.values), erased.inAccount, erased.note, JSON.stringify(erased.history), erased.version, erased.activatedAt ?? null, searchText(erased), companyKey(erased), erased.erasedAt ?? null],
        );
        const invitationId = current.invitationId ?? '';
        await client.query('DELETE FROM activation_tokens WHERE request_id = $1', [id]);
        await client.query('DELETE FROM information_tokens WHERE request_id = $1', [id]);
        await client.query('DELETE FROM check_jobs WHERE request_id = $1', [id]);
        await client.query('DELETE FROM request_files WHERE request_id = $1', [id]);
        await client.query('DELETE FROM invitations WHERE request_id = $1 OR id = $2', [id, invitationId]);
        await client.query('DELETE FROM notifications WHERE request_id = $1 OR request_id = $2', [id, invitationId]);
        await client.query(
          "UPDATE webhook_deliveries SET body = $2, last_response = NULL, locked_until = NULL, state = CASE state WHEN 'pending' THEN 'cancelled' ELSE state END WHERE request_id = $1",
          [id, ERASED_WEBHOOK_BODY],
        );
        // After the scrub: the erasure's own event is sent.
        const webhooks = options.webhooks?.(erased) ?? [];
        if (webhooks.length > 0) await client.query(insertDeliveriesSql('$1'), [deliveriesParam(webhooks)]);
        return { state: 'erased', record: erased };
      });
    },
    async findStale({ statuses, changedBefore, notActivated, limit }) {
      const { rows } = await pool.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM account_requests WHERE erased_at IS NULL AND status = ANY($1::text[])${notActivated ? ' AND activated_at IS NULL' : ''}
         AND ${LAST_CHANGE} < $2::timestamptz ORDER BY ${LAST_CHANGE}, seq LIMIT $3`,
        [[...statuses], changedBefore, limit],
      );
      return rows.map(toRecord);
    },
  };
}
