import type { SubmissionValues } from '../../types.js';
import type { HistoryEntry, ProcessedRecord, RequestStatus } from '../processing/lifecycle.js';
import type { NotificationRecord, ProcessingStore, RequestPatch, UpdateResult } from './processing-store.js';
import type { ChangeOptions } from './webhook-store.js';
import type { CheckJob, SiretCheck, VatCheck } from '../checks/types.js';

/** A consent box as the applicant saw it: ticked or not, when, and the words it showed. */
export interface ConsentRecord {
  /** The field id: `newsletter` or `partnerOffers`. */
  readonly id: string;
  readonly granted: boolean;
  /** ISO 8601 date-time of the submission (or correction) that recorded it. */
  readonly at: string;
  /** The label the box showed, in `locale`. */
  readonly wording: string;
  readonly locale: string;
}

/** A single-use link to correct a request sent back for information; only the SHA-256 of its token is stored. */
export interface InformationTokenRecord {
  /** SHA-256 of the token, base64url. */
  readonly hash: string;
  readonly requestId: string;
  /** What the team asks the applicant, shown above the form. */
  readonly message: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  /** Set when a newer request for information was sent for the same request. */
  readonly replacedAt?: string;
}

/** Where an invitation stands: derived from its dates (see `invitationState`). */
export type InvitationState = 'pending' | 'used' | 'expired' | 'revoked';

/** An invitation to apply, sent by e-mail: its link opens the form with `values` filled and the e-mail fixed. */
export interface InvitationRecord {
  readonly id: string;
  /** SHA-256 of the link's current token, base64url; a resend replaces it. */
  readonly hash: string;
  readonly email: string;
  readonly companyName?: string;
  /** Values the form shows filled in (the e-mail among them). */
  readonly values: SubmissionValues;
  /** Language of the e-mail and of the form it opens. */
  readonly locale: string;
  readonly createdAt: string;
  /** Who invited (the actor of `authorize`). */
  readonly createdBy: string;
  readonly expiresAt: string;
  /** When the last e-mail (first or resent) was queued. */
  readonly sentAt: string;
  readonly usedAt?: string;
  /** The request the link produced. */
  readonly requestId?: string;
  readonly revokedAt?: string;
}

/** What an applicant's answer to a request for information changes. */
export interface CorrectionPatch {
  readonly values: SubmissionValues;
  readonly status: RequestStatus;
  /** The whole consent list after the answer (earlier records kept). */
  readonly consents?: readonly ConsentRecord[];
  /** The VIES check of a VAT number the answer changed (pending, or not applicable once removed). */
  readonly vatCheck?: VatCheck;
  /** The register check of a SIRET the answer changed. */
  readonly siretCheck?: SiretCheck;
}

/** What a decision writes with the change, in its transaction: all or nothing. */
export interface DecisionOptions extends ChangeOptions {
  /** E-mails of the change (a rejection, a request for information, the team's alert). */
  readonly notifications?: readonly NotificationRecord[];
  /** A request for information: stored, and every unused older one of the request marked replaced. */
  readonly informationToken?: InformationTokenRecord;
}

/** What an applicant's answer writes with it, in its transaction: a decision's e-mails and webhooks, and check jobs. */
export interface CorrectionOptions extends Omit<DecisionOptions, 'informationToken'> {
  /** Check jobs queued anew (a `CheckStore`), replacing the request's job of the same kind: the numbers the answer changed. */
  readonly checks?: readonly CheckJob[];
}

/** What {@link DecisionStore.erase} writes with the tombstone, and the version it expects. */
export interface EraseOptions extends ChangeOptions {
  /** Erase only while the stored version is this one (the route's `If-Match`); otherwise `conflict`, nothing written. */
  readonly expectedVersion?: number;
}

/**
 * The outcome of {@link DecisionStore.erase}: `erased` with the tombstone written;
 * `already_erased` (the request as stored, nothing written) when an earlier erasure got there
 * first; `conflict` (the request as stored, nothing written) when it is not at
 * `expectedVersion`; `not_found` for an unknown id.
 */
export type EraseResult =
  | { readonly state: 'erased'; readonly record: ProcessedRecord }
  | { readonly state: 'already_erased'; readonly record: ProcessedRecord }
  | { readonly state: 'conflict'; readonly record: ProcessedRecord }
  | { readonly state: 'not_found' };

/** Which requests {@link DecisionStore.findStale} returns. */
export interface StaleQuery {
  readonly statuses: readonly RequestStatus[];
  /** Only requests whose last change (last history entry, else creation) is strictly before this instant. */
  readonly changedBefore: string;
  /** `true`: only requests never activated. */
  readonly notActivated?: boolean;
  readonly limit: number;
}

/**
 * A {@link ProcessingStore} that also keeps what the decision step needs: decisions written with
 * their e-mails and information links, the applicant's corrections, invitations, and the
 * erasure of personal data. Every method is atomic. `create` also honours `options.invitation`,
 * and every record member (`consents`, `invitationId`, `erasedAt`) is kept.
 */
export interface DecisionStore extends ProcessingStore {
  /** `update`, writing `options.notifications` and `options.informationToken` (replacing the request's older unused ones) in the same transaction. */
  decide(id: string, patch: RequestPatch, expectedVersion: number, entry: HistoryEntry, options?: DecisionOptions): Promise<UpdateResult>;
  findInformationToken(hash: string): Promise<InformationTokenRecord | undefined>;
  /**
   * Marks the token used and applies `patch` to its request (values, consents, status, the
   * checks of changed numbers; the search keys follow the values), appends `entry` and raises
   * the version, with `options.notifications`, webhooks and check jobs (`options.checks`, in a
   * store that keeps checks), only while the token is unused, not replaced and
   * `expiresAt > at`, and its request is `info-requested`. Resolves the updated request, or `undefined` when nothing was written.
   */
  useInformationToken(hash: string, at: string, patch: CorrectionPatch, entry: HistoryEntry, options?: CorrectionOptions): Promise<ProcessedRecord | undefined>;
  /** Stores a new invitation, with the e-mail that carries its link. */
  createInvitation(invitation: InvitationRecord, notification?: NotificationRecord): Promise<void>;
  /**
   * A new link for an invitation still unused and not revoked: sets `hash`, `expiresAt` and
   * `sentAt` (the old link stops working) and queues `notification`. Resolves the invitation as
   * stored, or `undefined` when it is used, revoked or unknown (nothing written).
   */
  renewInvitation(id: string, change: Pick<InvitationRecord, 'hash' | 'expiresAt' | 'sentAt'>, notification?: NotificationRecord): Promise<InvitationRecord | undefined>;
  /** Sets `revokedAt` of an unused, unrevoked invitation; `undefined` (nothing written) otherwise. */
  revokeInvitation(id: string, at: string): Promise<InvitationRecord | undefined>;
  getInvitation(id: string): Promise<InvitationRecord | undefined>;
  findInvitation(hash: string): Promise<InvitationRecord | undefined>;
  /** Newest first (by `createdAt`, then the later stored); `state` is judged at `now`. */
  listInvitations(options: { readonly state?: InvitationState; readonly now: string; readonly limit: number; readonly offset: number }): Promise<{ readonly items: readonly InvitationRecord[]; readonly total: number }>;
  /**
   * Erases the personal data of a request in one transaction: the request becomes what
   * `tombstone` makes of it (values emptied, password hash, consents and invitation dropped,
   * history scrubbed, `erasedAt` set, version raised; its search keys emptied), and everything
   * else holding the applicant's data goes: its activation and information tokens, the
   * invitation it came from, its e-mails (and its invitation's) in the outbox, and the bodies of
   * its webhook deliveries (pending ones are cancelled). Then, in the same transaction, the
   * deliveries `options.webhooks` makes of the tombstone (the `account-request.erased` event:
   * it holds no personal data). Stores that keep files of a request delete them here too.
   *
   * The request's state is read under the transaction's lock (the row lock in SQL), so of any
   * number of concurrent erasures, from any instances, one writes: the others find `erasedAt`
   * set and write nothing (`already_erased`), no history entry, no version, no event. With
   * `options.expectedVersion`, a request at another version is left as it is (`conflict`).
   */
  erase(id: string, tombstone: (current: ProcessedRecord) => ProcessedRecord, options?: EraseOptions): Promise<EraseResult>;
  /** Requests not erased, in `statuses`, unchanged since `changedBefore`: at most `limit`, oldest change first. */
  findStale(query: StaleQuery): Promise<readonly ProcessedRecord[]>;
}

const METHODS = [
  'decide', 'findInformationToken', 'useInformationToken', 'createInvitation', 'renewInvitation', 'revokeInvitation',
  'getInvitation', 'findInvitation', 'listInvitations', 'erase', 'findStale',
] as const;

/** True when `store` implements every {@link DecisionStore} method. */
export function isDecisionStore(store: ProcessingStore): store is DecisionStore {
  const methods = store as unknown as Record<string, unknown>;
  return METHODS.every((name) => typeof methods[name] === 'function');
}

/** What an erased request's webhook deliveries keep as their body: the event's data is gone with the applicant's. */
export const ERASED_WEBHOOK_BODY = '{"erased":true}';
