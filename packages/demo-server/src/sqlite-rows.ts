import { companyKey, searchText, toProcessedRecord, type AccountRequestRecord, type ConsentRecord, type FileInfo, type HistoryEntry, type ProcessedRecord, type SiretCheck, type VatCheck } from '@account-request/sdk/server';

/** The columns of `requests` a record is read from. */
export const REQUEST_COLUMNS = 'id, created_at, locale, access, status, values_json, password_hash, in_account, note, history_json, version, activated_at, vat_check_json, siret_check_json, consents_json, invitation_id, erased_at, files_json';

/** A row of `requests`, as {@link REQUEST_COLUMNS} selects it. */
export interface RequestRow {
  id: string;
  created_at: string;
  locale: string;
  access: AccountRequestRecord['access'];
  status: AccountRequestRecord['status'];
  values_json: string;
  password_hash: string | null;
  in_account: number;
  note: string;
  history_json: string;
  version: number;
  activated_at: string | null;
  vat_check_json: string | null;
  siret_check_json: string | null;
  consents_json: string | null;
  invitation_id: string | null;
  erased_at: string | null;
  files_json: string | null;
}

/** A stored row as the SDK's record, every processing member filled. */
export function toRecord(row: RequestRow): ProcessedRecord {
  return toProcessedRecord({
    id: row.id,
    createdAt: row.created_at,
    values: JSON.parse(row.values_json) as AccountRequestRecord['values'],
    ...(row.password_hash !== null ? { passwordHash: row.password_hash } : {}),
    locale: row.locale,
    access: row.access,
    status: row.status,
    inAccount: row.in_account === 1,
    note: row.note,
    history: JSON.parse(row.history_json) as HistoryEntry[],
    version: row.version,
    ...(row.activated_at !== null ? { activatedAt: row.activated_at } : {}),
    ...(row.vat_check_json !== null ? { vatCheck: JSON.parse(row.vat_check_json) as VatCheck } : {}),
    ...(row.siret_check_json !== null ? { siretCheck: JSON.parse(row.siret_check_json) as SiretCheck } : {}),
    ...(row.consents_json !== null ? { consents: JSON.parse(row.consents_json) as ConsentRecord[] } : {}),
    ...(row.invitation_id !== null ? { invitationId: row.invitation_id } : {}),
    ...(row.erased_at !== null ? { erasedAt: row.erased_at } : {}),
    ...(row.files_json !== null ? { files: JSON.parse(row.files_json) as FileInfo[] } : {}),
  });
}

/** The folded search text and company sort key of a record (see the SDK's `searchText`). */
export function searchColumns(record: Pick<AccountRequestRecord, 'values'>): [string, string] {
  return [searchText(record), companyKey(record)];
}
