import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ProcessingStore, WebhookDelivery, WebhookEndpoint, WebhookStore } from '@account-request/sdk/server';
import { rowAs, rowsAs } from './database.js';
import { NOT_DURABLE, writeQueue } from './write-queue.js';

/** The webhook methods of the SQLite store. */
export type SqliteWebhooks = Omit<WebhookStore, keyof ProcessingStore> & {
  /** Inserts deliveries inside the caller's transaction; a known id is skipped. */
  insert(deliveries: readonly WebhookDelivery[]): void;
};

interface EndpointRow {
  id: string;
  url: string;
  secrets_json: string;
  created_at: string;
  disabled_at: string | null;
  disabled_reason: NonNullable<WebhookEndpoint['disabledReason']> | null;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  type: WebhookDelivery['type'];
  request_id: string | null;
  body: string;
  state: WebhookDelivery['state'];
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    secrets: JSON.parse(row.secrets_json) as WebhookEndpoint['secrets'],
    createdAt: row.created_at,
    ...(row.disabled_at !== null ? { disabledAt: row.disabled_at } : {}),
    ...(row.disabled_reason !== null ? { disabledReason: row.disabled_reason } : {}),
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    type: row.type,
    ...(row.request_id !== null ? { requestId: row.request_id } : {}),
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until } : {}),
    ...(row.last_attempt_at !== null ? { lastAttemptAt: row.last_attempt_at } : {}),
    ...(row.last_status !== null ? { lastStatus: row.last_status } : {}),
    ...(row.last_response !== null ? { lastResponse: row.last_response } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
  };
}

const byCreation = (a: WebhookDelivery, b: WebhookDelivery): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** Webhook endpoints and deliveries in the `webhook_endpoints` and `webhook_deliveries` tables of `db`. */
export function createSqliteWebhooks(db: DatabaseSync): SqliteWebhooks {
  // Every write is one unit of the group commit, answered once it is on disk.
  const queue = writeQueue(db);
  const saveEndpoint = db.prepare(
    `INSERT INTO webhook_endpoints (id, url, secrets_json, created_at, disabled_at, disabled_reason) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET url = excluded.url, secrets_json = excluded.secrets_json, created_at = excluded.created_at,
       disabled_at = excluded.disabled_at, disabled_reason = excluded.disabled_reason`,
  );
  const getEndpoint = db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?');
  const listEndpoints = db.prepare('SELECT * FROM webhook_endpoints ORDER BY created_at, rowid');
  const insertOne = db.prepare(
    `INSERT INTO webhook_deliveries (id, endpoint_id, type, request_id, body, state, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const getDelivery = db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?');
  const finish = db.prepare(
    `UPDATE webhook_deliveries SET state = ?, attempts = attempts + ?, last_attempt_at = ?, next_attempt_at = coalesce(?, next_attempt_at),
       last_status = ?, last_response = ?, last_error = ?, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END, locked_until = NULL
     WHERE id = ? AND state = 'pending' AND locked_until IS NOT NULL`,
  );
  const resend = db.prepare(
    `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = ?, locked_until = NULL
     WHERE id = ? AND NOT (state = 'pending' AND locked_until IS NOT NULL AND locked_until > ?)`,
  );

  const insert = (rows: readonly WebhookDelivery[]): void => {
    for (const d of rows) insertOne.run(d.id, d.endpointId, d.type, d.requestId ?? null, d.body, d.state, d.attempts, d.createdAt, d.nextAttemptAt);
  };

  return {
    insert,
    async saveWebhookEndpoint(endpoint) {
      await queue.write(() => saveEndpoint.run(endpoint.id, endpoint.url, JSON.stringify(endpoint.secrets), endpoint.createdAt, endpoint.disabledAt ?? null, endpoint.disabledReason ?? null));
    },
    async getWebhookEndpoint(id) {
      const row = rowAs<EndpointRow>(getEndpoint.get(id));
      return row ? toEndpoint(row) : undefined;
    },
    async listWebhookEndpoints() {
      return rowsAs<EndpointRow>(listEndpoints.all()).map(toEndpoint);
    },
    async enqueueWebhookDeliveries(rows) {
      await queue.write(() => insert(rows));
    },
    async claimWebhookDeliveries({ now, lockedUntil, limit, ids }) {
      const only = ids ? ` AND id IN (${ids.map(() => '?').join(', ') || 'NULL'})` : '';
      // One statement: SQLite runs it under the write lock, so two workers never claim one row.
      const claim = db.prepare(
        `UPDATE webhook_deliveries SET locked_until = ? WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)${only}
           ORDER BY created_at, rowid LIMIT ?) RETURNING *`,
      );
      // Not durable, as the e-mail outbox's claims and outcomes: a lost one makes the delivery due again.
      const rows = await queue.write(() => claim.all(lockedUntil, now, now, ...(ids ?? []), limit), NOT_DURABLE);
      return rowsAs<DeliveryRow>(rows).map(toDelivery).sort(byCreation);
    },
    async finishWebhookDelivery(id, attempt) {
      await queue.write(() =>
        finish.run(
          attempt.state, attempt.state === 'cancelled' ? 0 : 1, attempt.at, attempt.nextAttemptAt ?? null,
          attempt.status ?? null, attempt.response ?? null, attempt.error ?? null, attempt.state, attempt.at, id,
        ),
        NOT_DURABLE,
      );
    },
    async resendWebhookDelivery(id, at) {
      return (await queue.write(() => resend.run(at, id, at))).changes === 1;
    },
    async listWebhookDeliveries({ endpointId, state, limit, offset }) {
      const where: string[] = [];
      const params: SQLInputValue[] = [];
      if (endpointId !== undefined) where.push('endpoint_id = ?'), params.push(endpointId);
      if (state !== undefined) where.push('state = ?'), params.push(state);
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = rowAs<{ total: number }>(db.prepare(`SELECT COUNT(*) AS total FROM webhook_deliveries ${clause}`).get(...params))?.total ?? 0;
      const rows = db.prepare(`SELECT * FROM webhook_deliveries ${clause} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
      return { items: rowsAs<DeliveryRow>(rows).map(toDelivery), total };
    },
    async getWebhookDelivery(id) {
      const row = rowAs<DeliveryRow>(getDelivery.get(id));
      return row ? toDelivery(row) : undefined;
    },
  };
}
