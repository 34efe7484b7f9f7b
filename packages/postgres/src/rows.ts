import {
  companyKey, searchText, toProcessedRecord,
  type AccountRequestRecord, type ActivationTokenRecord, type FileInfo, type HistoryEntry, type NotificationRecord, type ConsentRecord, type ProcessedRecord, type SiretCheck, type VatCheck,
} from '@account-request/sdk/server';

/** The columns of `account_requests` a record is read from. */
export const REQUEST_COLUMNS = 'id, created_at, locale, access, status, field_values, password_hash, in_account, note, history, version, activated_at, vat_check, siret_check, consents, invitation_id, erased_at, files';

/** A row of `account_requests` as {@link REQUEST_COLUMNS} selects it (node-postgres parses json and timestamptz). */
export interface RequestRow {
  id: string;
  created_at: Date;
  locale: string;
  access: AccountRequestRecord['access'];
  status: AccountRequestRecord['status'];
  field_values: AccountRequestRecord['values'];
  password_hash: string | null;
  in_account: boolean;
  note: string;
  history: HistoryEntry[];
  version: number;
  activated_at: Date | null;
  vat_check: VatCheck | null;
  siret_check: SiretCheck | null;
  consents: ConsentRecord[] | null;
  invitation_id: string | null;
  erased_at: Date | null;
  files: FileInfo[] | null;
}

/** A stored row as the SDK's record, every processing member filled. */
export function toRecord(row: RequestRow): ProcessedRecord {
  return toProcessedRecord({
    id: row.id,
    createdAt: row.created_at.toISOString(),
    values: row.field_values,
    ...(row.password_hash !== null ? { passwordHash: row.password_hash } : {}),
    locale: row.locale,
    access: row.access,
    status: row.status,
    inAccount: row.in_account,
    note: row.note,
    history: row.history,
    version: row.version,
    ...(row.activated_at !== null ? { activatedAt: row.activated_at.toISOString() } : {}),
    ...(row.vat_check !== null ? { vatCheck: row.vat_check } : {}),
    ...(row.siret_check !== null ? { siretCheck: row.siret_check } : {}),
    ...(row.consents !== null ? { consents: row.consents } : {}),
    ...(row.invitation_id !== null ? { invitationId: row.invitation_id } : {}),
    ...(row.erased_at !== null ? { erasedAt: row.erased_at.toISOString() } : {}),
    ...(row.files !== null ? { files: row.files } : {}),
  });
}

/**
 * The parameters of an `account_requests` insert, in column order: the record's members, then
 * the folded search text and company sort key (SQL cannot fold accents the way the SDK does).
 */
export const REQUEST_INSERT_COLUMNS = 'id, created_at, locale, access, status, field_values, password_hash, in_account, note, history, version, activated_at, search_text, company_key';

export function requestParams(record: AccountRequestRecord): unknown[] {
  return [
    record.id,
    record.createdAt,
    record.locale,
    record.access,
    record.status,
    JSON.stringify(record.values),
    record.passwordHash ?? null,
    record.inAccount ?? false,
    record.note ?? '',
    JSON.stringify(record.history ?? []),
    record.version ?? 1,
    record.activatedAt ?? null,
    searchText(record),
    companyKey(record),
  ];
}

/** A row of `activation_tokens`. */
export interface TokenRow {
  hash: string;
  request_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  replaced_at: Date | null;
}

export function toToken(row: TokenRow): ActivationTokenRecord {
  return {
    hash: row.hash,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    ...(row.used_at !== null ? { usedAt: row.used_at.toISOString() } : {}),
    ...(row.replaced_at !== null ? { replacedAt: row.replaced_at.toISOString() } : {}),
  };
}

/** The columns of `notifications` a record is read from. */
export const NOTIFICATION_COLUMNS =
  'id, dedupe_key, request_id, kind, recipient, subject, text_body, html_body, state, attempts, last_error, created_at, next_attempt_at, locked_until, sent_at';

/** A row of `notifications` as {@link NOTIFICATION_COLUMNS} selects it. */
export interface NotificationRow {
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
  created_at: Date;
  next_attempt_at: Date;
  locked_until: Date | null;
  sent_at: Date | null;
}

export function toNotification(row: NotificationRow): NotificationRecord {
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
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.next_attempt_at.toISOString(),
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until.toISOString() } : {}),
    ...(row.sent_at !== null ? { sentAt: row.sent_at.toISOString() } : {}),
  };
}

/**
 * Notifications as one json parameter for {@link insertNotificationsSql}, so a batch of any size
 * is one statement.
 */
export function notificationsParam(notifications: readonly NotificationRecord[]): string {
  return JSON.stringify(
    notifications.map((n) => ({
      id: n.id,
      dedupe_key: n.dedupeKey,
      request_id: n.requestId,
      kind: n.kind,
      recipient: n.to,
      subject: n.subject,
      text_body: n.text,
      html_body: n.html,
      state: n.state,
      attempts: n.attempts,
      last_error: n.lastError ?? null,
      created_at: n.createdAt,
      next_attempt_at: n.nextAttemptAt,
      locked_until: n.lockedUntil ?? null,
      sent_at: n.sentAt ?? null,
    })),
  );
}

/**
 * `INSERT … SELECT` of the notifications in json parameter `$param`; one whose id or
 * `dedupe_key` exists is skipped. `guard` is an extra condition (e.g. that the request row was
 * written by the same statement).
 */
export function insertNotificationsSql(param: string, guard = 'true'): string {
  return `INSERT INTO notifications (${NOTIFICATION_COLUMNS})
    SELECT ${NOTIFICATION_COLUMNS} FROM json_to_recordset(${param}::json) AS n(
      id text, dedupe_key text, request_id text, kind text, recipient text, subject text, text_body text, html_body text,
      state text, attempts integer, last_error text, created_at timestamptz, next_attempt_at timestamptz, locked_until timestamptz, sent_at timestamptz)
    WHERE ${guard}
    ON CONFLICT DO NOTHING`;
}
