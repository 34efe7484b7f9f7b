import type { InvitationRecord } from '../stores/decision-store.js';
import type { NotificationRecord } from '../stores/processing-store.js';
import { toPublicRecord, type PublicRecord } from '../routes/processing-routes.js';
import type { HistoryChange, HistoryEntry, ProcessedRecord } from './lifecycle.js';

// The changes an erased history keeps: they say what happened, never what the applicant wrote.
const KEPT: readonly HistoryChange['field'][] = ['status', 'inAccount', 'activation', 'erasure'];

/** A history entry without personal values: its time, actor, status and account changes, and the rejection's reason code. */
function scrub(entry: HistoryEntry): HistoryEntry {
  return {
    at: entry.at,
    actor: entry.actor,
    changes: entry.changes.filter((change) => KEPT.includes(change.field)),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    ...(entry.notified !== undefined ? { notified: entry.notified } : {}),
  };
}

/**
 * What is left of a request once its personal data is erased at `at` by `actor`: its id, dates,
 * status, locale, access, account flag and activation date (for statistics), an empty `values`,
 * an empty note, a history that keeps only who moved the status when (notes, corrected values
 * and messages to the applicant are dropped), one more entry for the erasure, and `erasedAt`.
 * Every other member (password hash, consents, invitation, files, checks of the identifiers, and
 * whatever a store adds later) is left out: what is kept is listed, not what is dropped.
 */
export function tombstone(current: ProcessedRecord, at: string, actor: string): ProcessedRecord {
  const entry: HistoryEntry = { at, actor, changes: [{ field: 'erasure', from: null, to: at }] };
  return {
    id: current.id,
    createdAt: current.createdAt,
    locale: current.locale,
    access: current.access,
    status: current.status,
    inAccount: current.inAccount,
    ...(current.activatedAt !== undefined ? { activatedAt: current.activatedAt } : {}),
    values: {},
    note: '',
    history: [...current.history.map(scrub), entry],
    version: current.version + 1,
    erasedAt: at,
  };
}

/** An e-mail as the export of personal data shows it: what was sent to whom, and when. */
export interface ExportedMail {
  readonly id: string;
  readonly kind: NotificationRecord['kind'];
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly state: NotificationRecord['state'];
  readonly createdAt: string;
  readonly sentAt?: string;
}

/** Everything the store holds about one applicant (`GET {base}/{id}/personal-data`). */
export interface PersonalDataExport {
  /** ISO 8601 date-time of the export. */
  readonly exportedAt: string;
  /** The request: values, consents with their wording, history, status and dates (never the password hash). */
  readonly request: PublicRecord;
  /** The e-mails sent (or to be sent) to the applicant, and about them to the team. */
  readonly emails: readonly ExportedMail[];
  /** The invitation the request came from, if any (without its token). */
  readonly invitation?: Omit<InvitationRecord, 'hash'>;
}

/** Builds the export of personal data of a request. */
export function personalDataExport(record: ProcessedRecord, emails: readonly NotificationRecord[], invitation: InvitationRecord | undefined, at: string): PersonalDataExport {
  const mails = emails.map((mail) => ({
    id: mail.id,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    state: mail.state,
    createdAt: mail.createdAt,
    ...(mail.sentAt !== undefined ? { sentAt: mail.sentAt } : {}),
  }));
  const { hash: _hash, ...shown } = invitation ?? ({} as InvitationRecord);
  return { exportedAt: at, request: toPublicRecord(record), emails: mails, ...(invitation ? { invitation: shown } : {}) };
}
