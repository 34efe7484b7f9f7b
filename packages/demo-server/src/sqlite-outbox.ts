import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { NotificationRecord, ProcessingStore } from '@account-request/sdk/server';
import { rowAs, rowsAs } from './database.js';
import { NOT_DURABLE, writeQueue } from './write-queue.js';

/** The outbox methods of the SQLite store. */
export type SqliteOutbox = Pick<ProcessingStore, 'enqueueNotifications' | 'claimNotifications' | 'finishNotification' | 'listNotifications' | 'getNotification'> & {
  /** Inserts notifications inside the caller's transaction; a known `dedupeKey` is skipped. */
  insert(notifications: readonly NotificationRecord[]): void;
};

interface NotificationRow {
  id: string;
  dedupe_key: string;
  request_id: string;
  kind: NotificationRecord['kind'];
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  state: NotificationRecord['state'];
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  sent_at: string | null;
}

function toNotification(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    requestId: row.request_id,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    state: row.state,
    attempts: row.attempts,
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until } : {}),
    ...(row.sent_at !== null ? { sentAt: row.sent_at } : {}),
  };
}

/** The e-mail outbox in the `notifications` table of `db`. */
export function createSqliteOutbox(db: DatabaseSync): SqliteOutbox {
  const queue = writeQueue(db);
  const insertOne = db.prepare(
    `INSERT INTO notifications (id, dedupe_key, request_id, kind, recipient, subject, text_body, html_body, state, attempts, created_at, next_attempt_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const getOne = db.prepare('SELECT * FROM notifications WHERE id = ?');
  // Only while the claim holds (pending, locked until the claim's lockedUntil): a worker whose
  // lock ran out records nothing over the one that claimed the row since.
  const held = "WHERE id = ? AND state = 'pending' AND locked_until = ?";
  const sent = db.prepare(`UPDATE notifications SET state = 'sent', attempts = attempts + 1, sent_at = ?, locked_until = NULL ${held}`);
  const retry = db.prepare(`UPDATE notifications SET state = 'pending', attempts = attempts + 1, last_error = ?, next_attempt_at = ?, locked_until = NULL ${held}`);
  const failed = db.prepare(`UPDATE notifications SET state = 'failed', attempts = attempts + 1, last_error = ?, locked_until = NULL ${held}`);

  // Claims name no ids (the retry loop) or the few of one submission: one statement per shape,
  // prepared once. With ids, the unary + keeps SQLite off the (state, next_attempt_at) index,
  // which would scan every due row of a backlog: the ids' primary key finds the few rows.
  const claims = new Map<string, StatementSync>();
  const claimStatement = (count: number | undefined, limited: boolean): StatementSync => {
    const shape = `${count ?? 'due'}:${limited}`;
    let statement = claims.get(shape);
    if (statement) return statement;
    const ids = count === undefined ? '' : `id IN (${Array.from({ length: count }, () => '?').join(', ') || 'NULL'}) AND `;
    const due = `${ids}${ids ? '+state' : 'state'} = 'pending' AND ${ids ? '+next_attempt_at' : 'next_attempt_at'} <= ? AND (locked_until IS NULL OR locked_until <= ?)`;
    statement = db.prepare(
      limited
        ? `UPDATE notifications SET locked_until = ? WHERE id IN (SELECT id FROM notifications WHERE ${due} ORDER BY created_at, rowid LIMIT ?) RETURNING *`
        : // No more ids than the limit: no subquery, no sort (the rows are sorted below).
          `UPDATE notifications SET locked_until = ? WHERE ${due} RETURNING *`,
    );
    // A bulk activation may name hundreds of ids: keep only the small counts.
    if (count === undefined || count <= 8) claims.set(shape, statement);
    return statement;
  };

  const insert = (notifications: readonly NotificationRecord[]): void => {
    for (const n of notifications) {
      insertOne.run(n.id, n.dedupeKey, n.requestId, n.kind, n.to, n.subject, n.text, n.html, n.state, n.attempts, n.createdAt, n.nextAttemptAt);
    }
  };

  return {
    insert,
    async enqueueNotifications(notifications) {
      await queue.write(() => insert(notifications));
    },
    async claimNotifications({ now, lockedUntil, limit, ids }) {
      // One statement: SQLite runs it under the write lock, so two workers never claim one row.
      // Not durable (like the outcome below): a lock or an outcome lost to a power cut makes the
      // e-mail due again, as a crash between sending and recording does anyway.
      const limited = ids === undefined || ids.length > limit;
      const rows = await queue.write(() => claimStatement(ids?.length, limited).all(lockedUntil, ...(ids ?? []), now, now, ...(limited ? [limit] : [])), NOT_DURABLE);
      return rowsAs<NotificationRow>(rows).map(toNotification).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    },
    async finishNotification({ id, lockedUntil }, outcome) {
      if (lockedUntil === undefined) return false;
      return queue.write(() => {
        if (outcome.state === 'sent') return sent.run(outcome.at, id, lockedUntil).changes === 1;
        if (outcome.state === 'pending') return retry.run(outcome.error, outcome.nextAttemptAt, id, lockedUntil).changes === 1;
        return failed.run(outcome.error, id, lockedUntil).changes === 1;
      }, NOT_DURABLE);
    },
    async listNotifications({ state, requestId, limit, offset }) {
      const where: string[] = [];
      const params: SQLInputValue[] = [];
      if (state !== undefined) where.push('state = ?'), params.push(state);
      if (requestId !== undefined) where.push('request_id = ?'), params.push(requestId);
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = rowAs<{ total: number }>(db.prepare(`SELECT COUNT(*) AS total FROM notifications ${clause}`).get(...params))?.total ?? 0;
      const rows = db.prepare(`SELECT * FROM notifications ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
      return { items: rowsAs<NotificationRow>(rows).map(toNotification), total };
    },
    async getNotification(id) {
      const row = rowAs<NotificationRow>(getOne.get(id));
      return row ? toNotification(row) : undefined;
    },
  };
}
