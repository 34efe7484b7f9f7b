import type { ProcessingStore, WebhookDelivery, WebhookEndpoint, WebhookStore } from '@account-request/sdk/server';
import type { Database } from './database.js';

/** The webhook methods of the PostgreSQL store. */
export type PostgresWebhooks = Omit<WebhookStore, keyof ProcessingStore>;

const ENDPOINT_COLUMNS = 'id, url, secrets, created_at, disabled_at, disabled_reason';

interface EndpointRow {
  id: string;
  url: string;
  secrets: WebhookEndpoint['secrets'];
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: NonNullable<WebhookEndpoint['disabledReason']> | null;
}

/** The columns of `webhook_deliveries` a delivery is read from. */
export const DELIVERY_COLUMNS =
  'id, endpoint_id, type, request_id, body, state, attempts, created_at, next_attempt_at, locked_until, last_attempt_at, last_status, last_response, last_error, delivered_at';

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  type: WebhookDelivery['type'];
  request_id: string | null;
  body: string;
  state: WebhookDelivery['state'];
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_response: string | null;
  last_error: string | null;
  delivered_at: Date | null;
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    secrets: row.secrets,
    createdAt: row.created_at.toISOString(),
    ...(row.disabled_at !== null ? { disabledAt: row.disabled_at.toISOString() } : {}),
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
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.next_attempt_at.toISOString(),
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until.toISOString() } : {}),
    ...(row.last_attempt_at !== null ? { lastAttemptAt: row.last_attempt_at.toISOString() } : {}),
    ...(row.last_status !== null ? { lastStatus: row.last_status } : {}),
    ...(row.last_response !== null ? { lastResponse: row.last_response } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at.toISOString() } : {}),
  };
}

/** Deliveries as one json parameter for {@link insertDeliveriesSql}: a batch of any size is one statement. */
export function deliveriesParam(deliveries: readonly WebhookDelivery[]): string {
  return JSON.stringify(
    deliveries.map((d) => ({
      id: d.id, endpoint_id: d.endpointId, type: d.type, request_id: d.requestId ?? null, body: d.body, state: d.state,
      attempts: d.attempts, created_at: d.createdAt, next_attempt_at: d.nextAttemptAt,
    })),
  );
}

/** `INSERT … SELECT` of the deliveries in json parameter `$param`; a known id is skipped; `guard` is an extra condition (the change was written). */
export function insertDeliveriesSql(param: string, guard = 'true'): string {
  const columns = 'id, endpoint_id, type, request_id, body, state, attempts, created_at, next_attempt_at';
  return `INSERT INTO webhook_deliveries (${columns})
    SELECT ${columns} FROM json_to_recordset(${param}::json) AS d(
      id text, endpoint_id text, type text, request_id text, body text, state text, attempts integer, created_at timestamptz, next_attempt_at timestamptz)
    WHERE ${guard}
    ON CONFLICT DO NOTHING`;
}

// The start of a receiver's answer is shown as is, but PostgreSQL text cannot hold NUL.
const text = (value: string | undefined): string | null => (value === undefined ? null : value.replaceAll('\0', ''));

/**
 * Locks due rows for one worker: `FOR UPDATE SKIP LOCKED` passes over rows another worker is
 * claiming at this moment, and the lock re-check on the new row version leaves out one claimed
 * just before, so two workers never get the same delivery.
 */
function claimSql(withIds: boolean): string {
  return `
    UPDATE webhook_deliveries SET locked_until = $2 WHERE seq IN (
      SELECT seq FROM webhook_deliveries
      WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)${withIds ? ' AND id = ANY($4::text[])' : ''}
      ORDER BY created_at, seq LIMIT $3
      FOR UPDATE SKIP LOCKED)
    RETURNING ${DELIVERY_COLUMNS}, seq`;
}

/** Builds the webhook methods over `db`. */
export function createPostgresWebhooks({ pool }: Database): PostgresWebhooks {
  return {
    async saveWebhookEndpoint(endpoint) {
      await pool.query(
        `INSERT INTO webhook_endpoints (${ENDPOINT_COLUMNS}) VALUES ($1, $2, $3::json, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, secrets = excluded.secrets, created_at = excluded.created_at,
           disabled_at = excluded.disabled_at, disabled_reason = excluded.disabled_reason`,
        [endpoint.id, endpoint.url, JSON.stringify(endpoint.secrets), endpoint.createdAt, endpoint.disabledAt ?? null, endpoint.disabledReason ?? null],
      );
    },
    async getWebhookEndpoint(id) {
      const { rows } = await pool.query<EndpointRow>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
      return rows[0] ? toEndpoint(rows[0]) : undefined;
    },
    async listWebhookEndpoints() {
      const { rows } = await pool.query<EndpointRow>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, seq`);
      return rows.map(toEndpoint);
    },
    async enqueueWebhookDeliveries(deliveries) {
      if (deliveries.length === 0) return;
      await pool.query(insertDeliveriesSql('$1'), [deliveriesParam(deliveries)]);
    },
    async claimWebhookDeliveries({ now, lockedUntil, limit, ids }) {
      if (ids && ids.length === 0) return [];
      const { rows } = await pool.query<DeliveryRow & { seq: string }>(claimSql(ids !== undefined), [now, lockedUntil, limit, ...(ids ? [[...ids]] : [])]);
      // RETURNING comes in no particular order: oldest first, as claimed.
      rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || Number(BigInt(a.seq) - BigInt(b.seq)));
      return rows.map(toDelivery);
    },
    async finishWebhookDelivery(id, attempt) {
      await pool.query(
        `UPDATE webhook_deliveries SET state = $2, attempts = attempts + $3, last_attempt_at = $4, next_attempt_at = coalesce($5, next_attempt_at),
           last_status = $6, last_response = $7, last_error = $8, delivered_at = CASE WHEN $2 = 'delivered' THEN $4 ELSE delivered_at END, locked_until = NULL
         WHERE id = $1 AND state = 'pending' AND locked_until IS NOT NULL`,
        [id, attempt.state, attempt.state === 'cancelled' ? 0 : 1, attempt.at, attempt.nextAttemptAt ?? null, attempt.status ?? null, text(attempt.response), text(attempt.error)],
      );
    },
    async resendWebhookDelivery(id, at) {
      const { rowCount } = await pool.query(
        `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = $2, locked_until = NULL
         WHERE id = $1 AND NOT (state = 'pending' AND locked_until IS NOT NULL AND locked_until > $2)`,
        [id, at],
      );
      return rowCount === 1;
    },
    async listWebhookDeliveries({ endpointId, state, limit, offset }) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (endpointId !== undefined) params.push(endpointId), where.push(`endpoint_id = $${params.length}`);
      if (state !== undefined) params.push(state), where.push(`state = $${params.length}`);
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const [total, page] = await Promise.all([
        pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM webhook_deliveries ${clause}`, params),
        pool.query<DeliveryRow>(
          `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ${clause} ORDER BY created_at DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, limit, offset],
        ),
      ]);
      return { items: page.rows.map(toDelivery), total: total.rows[0]?.total ?? 0 };
    },
    async getWebhookDelivery(id) {
      const { rows } = await pool.query<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
      return rows[0] ? toDelivery(rows[0]) : undefined;
    },
  };
}
