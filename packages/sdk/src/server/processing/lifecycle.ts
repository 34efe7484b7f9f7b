import type { AccountRequestRecord } from '../stores/store.js';

/**
 * Where an account request stands in its processing. The public `POST` answers `pending` (the
 * wire format of CONTRACT.md); the record is stored as `new`, and `pending` read back from a
 * store made before the lifecycle existed also means `new`.
 */
export type RequestStatus = 'new' | 'in-progress' | 'info-requested' | 'accepted' | 'rejected';

/** Every status, in lifecycle order (also the order of a sort by status). */
export const REQUEST_STATUSES: readonly RequestStatus[] = ['new', 'in-progress', 'info-requested', 'accepted', 'rejected'];

/**
 * The statuses each status may move to. Accepting needs a review first (`in-progress`); obvious
 * spam may be rejected at once; a rejection may be reopened; an accepted request is final,
 * since its applicant may already hold an account. A request sent back for information
 * (`info-requested`) returns to `in-progress` when its applicant corrects it (or when the team
 * takes it back), or is rejected when nobody answers.
 */
export const STATUS_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  new: ['in-progress', 'info-requested', 'rejected'],
  'in-progress': ['accepted', 'rejected', 'new', 'info-requested'],
  'info-requested': ['in-progress', 'rejected'],
  accepted: [],
  rejected: ['in-progress'],
};

/** True when a request in status `from` may move to `to`. */
export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** True for one of the five {@link RequestStatus} values. */
export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

/**
 * One changed value of a {@link HistoryEntry}: a processing member, the activation, one of the
 * submitted values (`value`, named by `key`: an applicant's correction), or the erasure of the
 * personal data.
 */
export interface HistoryChange {
  readonly field: 'status' | 'inAccount' | 'note' | 'activation' | 'value' | 'erasure';
  /** For `value`: the id of the field that changed. */
  readonly key?: string;
  readonly from: string | boolean | null;
  readonly to: string | boolean | null;
}

/** Who changed what on a request, and when. */
export interface HistoryEntry {
  /** ISO 8601 date-time. */
  readonly at: string;
  /**
   * What `authorize` returned as `actor` (`admin` by default), `applicant` for an activation or a
   * correction, `auto` for the auto-accept setting, `retention` for an erasure by the retention setting.
   */
  readonly actor: string;
  readonly changes: readonly HistoryChange[];
  /** A rejection's reason code (see `REJECTION_REASONS`). */
  readonly reason?: string;
  /** The text sent to the applicant with a rejection or a request for information. */
  readonly message?: string;
  /** Whether an e-mail told the applicant of this change (rejections and requests for information). */
  readonly notified?: boolean;
}

/** A record with every processing member present: what admin routes read and send. */
export interface ProcessedRecord extends AccountRequestRecord {
  readonly status: RequestStatus;
  readonly inAccount: boolean;
  readonly note: string;
  readonly history: readonly HistoryEntry[];
  readonly version: number;
}

/** Fills the processing members a custom store may not keep (note, history, version, in-account flag). */
export function toProcessedRecord(record: AccountRequestRecord): ProcessedRecord {
  return {
    ...record,
    inAccount: record.inAccount ?? false,
    note: record.note ?? '',
    history: record.history ?? [],
    version: record.version ?? 1,
  };
}

/** The strong ETag of a request at one version. */
export function requestEtag(record: { readonly version?: number }): string {
  return `"v${record.version ?? 1}"`;
}
