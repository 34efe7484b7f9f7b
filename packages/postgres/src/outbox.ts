import type { ProcessingStore } from '@account-request/sdk/server';
import type { Database } from './database.js';
import { insertNotificationsSql, NOTIFICATION_COLUMNS, notificationsParam, toNotification, type NotificationRow } from './rows.js';

/** The outbox methods of the PostgreSQL store. */
export type PostgresOutbox = Pick<ProcessingStore, 'enqueueNotifications' | 'claimNotifications' | 'finishNotification' | 'listNotifications' | 'getNotification'>;

/**
 * Locks due rows for one worker. `FOR UPDATE SKIP LOCKED` passes over rows another worker is
 * claiming at this moment, and a row another worker claimed just before is re-checked on its
 * new version (its `locked_until` now in the future) and left out: two workers, in one process
 * or in several, never get the same row. A worker that dies leaves its rows locked only until
 * `locked_until`; then any worker claims them.
 */
function claimSql(withIds: boolean): string {
  // MATERIALIZED: the locking select runs once, before the update, whatever the planner prefers.
  return `
    WITH due AS MATERIALIZED (
      SELECT seq FROM notifications
      WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)${withIds ? ' AND id = ANY($4::text[])' : ''}
      ORDER BY created_at, seq LIMIT $3
      FOR UPDATE SKIP LOCKED)
    UPDATE notifications AS n SET locked_until = $2 FROM due WHERE n.seq = due.seq
    RETURNING ${NOTIFICATION_COLUMNS.split(', ').map((column) => `n.${column}`).join(', ')}, n.seq`;
}

// A mail server's error text is shown as is, but PostgreSQL text cannot hold NUL.
const errorText = (error: string): string => error.replaceAll('\0', '');

/** Builds the outbox methods over `db`. */
export function createPostgresOutbox({ pool }: Database): PostgresOutbox {
  return {
    async enqueueNotifications(notifications) {
      if (notifications.length === 0) return;
      await pool.query(insertNotificationsSql('$1'), [notificationsParam(notifications)]);
    },
    async claimNotifications({ now, lockedUntil, limit, ids }) {
      if (ids && ids.length === 0) return [];
      const { rows } = await pool.query<NotificationRow & { seq: string }>(claimSql(ids !== undefined), [now, lockedUntil, limit, ...(ids ? [[...ids]] : [])]);
      // RETURNING comes in no particular order: oldest first, as claimed.
      rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || Number(BigInt(a.seq) - BigInt(b.seq)));
      return rows.map(toNotification);
    },
    async finishNotification({ id, lockedUntil }, outcome) {
      if (lockedUntil === undefined) return false;
      // Only while the claim holds: a worker whose lock ran out (another claimed the row since,
      // with a later lock) records nothing over the one now sending it.
      const held = "WHERE id = $1 AND state = 'pending' AND locked_until = $2::timestamptz";
      let result;
      if (outcome.state === 'sent') {
        result = await pool.query(`UPDATE notifications SET state = 'sent', attempts = attempts + 1, sent_at = $3, locked_until = NULL ${held}`, [id, lockedUntil, outcome.at]);
      } else if (outcome.state === 'pending') {
        result = await pool.query(
          `UPDATE notifications SET state = 'pending', attempts = attempts + 1, last_error = $3, next_attempt_at = $4, locked_until = NULL ${held}`,
          [id, lockedUntil, errorText(outcome.error), outcome.nextAttemptAt],
        );
      } else {
        result = await pool.query(`UPDATE notifications SET state = 'failed', attempts = attempts + 1, last_error = $3, locked_until = NULL ${held}`, [id, lockedUntil, errorText(outcome.error)]);
      }
      return result.rowCount === 1;
    },
    async listNotifications({ state, requestId, limit, offset }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (state !== undefined) params.push(state), where.push(`state = $${params.length}`);
      if (requestId !== undefined) params.push(requestId), where.push(`request_id = $${params.length}`);
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const [total, page] = await Promise.all([
        pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM notifications ${clause}`, params),
        pool.query<NotificationRow>(
          `SELECT ${NOTIFICATION_COLUMNS} FROM notifications ${clause} ORDER BY created_at DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, limit, offset],
        ),
      ]);
      return { items: page.rows.map(toNotification), total: total.rows[0]?.total ?? 0 };
    },
    async getNotification(id) {
      const { rows } = await pool.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = $1`, [id]);
      return rows[0] ? toNotification(rows[0]) : undefined;
    },
  };
}
