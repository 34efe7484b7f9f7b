import { activationState } from '../processing/activation.js';
import { invitationState } from '../processing/invitation-state.js';
import type { ProcessedRecord } from '../processing/lifecycle.js';
import type { DecisionStore, InformationTokenRecord, InvitationRecord } from './decision-store.js';
import type { MemoryRecords } from './memory-records.js';
import type { NotificationRecord, ProcessingStore } from './processing-store.js';
import type { WebhookDelivery } from './webhook-store.js';
import type { CheckJob } from '../checks/types.js';

type DecisionMethods = Omit<DecisionStore, keyof ProcessingStore>;

/** The decision methods of the memory store, and the invitation check its `create` makes. */
export type MemoryDecisions = DecisionMethods & {
  /** Throws (before anything is written) unless the invitation with this hash can be used at `at`. */
  checkInvitation(hash: string, at: string): InvitationRecord;
  /** Marks a checked invitation used by `requestId`. */
  useInvitation(invitation: InvitationRecord, at: string, requestId: string): void;
};

/** What the decision methods write through: the other parts of the memory store. */
export interface MemoryParts {
  readonly records: Omit<MemoryRecords, 'insert'>;
  insertNotifications(rows: readonly NotificationRecord[]): void;
  forgetNotifications(requestIds: readonly string[]): void;
  insertDeliveries(rows: readonly WebhookDelivery[]): void;
  /** Adds check jobs, replacing a request's job of the same kind. */
  insertChecks(rows: readonly CheckJob[]): void;
  scrubDeliveries(requestId: string): void;
  /** Deletes the files sent with a request (their bytes). */
  forgetFiles(requestId: string): void;
}

const lastChange = (record: ProcessedRecord): string => record.history.at(-1)?.at ?? record.createdAt;

/** Information tokens and invitations in memory; no await inside a method, so each is atomic with the writes it makes elsewhere. */
export function createMemoryDecisions(parts: MemoryParts): MemoryDecisions {
  const { records } = parts;
  const informationTokens = new Map<string, InformationTokenRecord>();
  // Insertion order is creation order.
  const invitations = new Map<string, InvitationRecord>();

  const saveInformationToken = (token: InformationTokenRecord): void => {
    for (const [hash, other] of informationTokens) {
      if (other.requestId === token.requestId && other.usedAt === undefined && other.replacedAt === undefined) informationTokens.set(hash, { ...other, replacedAt: token.createdAt });
    }
    informationTokens.set(token.hash, token);
  };
  const byHash = (hash: string): InvitationRecord | undefined => [...invitations.values()].find((invitation) => invitation.hash === hash);
  const open = (invitation: InvitationRecord | undefined): invitation is InvitationRecord => invitation !== undefined && invitation.usedAt === undefined && invitation.revokedAt === undefined;

  return {
    checkInvitation(hash, at) {
      const invitation = byHash(hash);
      if (!open(invitation) || invitation.expiresAt <= at) throw new Error('The invitation cannot be used.');
      return invitation;
    },
    useInvitation(invitation, at, requestId) {
      invitations.set(invitation.id, { ...invitation, usedAt: at, requestId });
    },
    async decide(id, patch, expectedVersion, entry, options = {}) {
      const result = records.applyUpdate(id, patch, expectedVersion, entry, options);
      if (result.state !== 'updated') return result;
      if (options.informationToken) saveInformationToken(options.informationToken);
      parts.insertNotifications(options.notifications ?? []);
      return result;
    },
    async findInformationToken(hash) {
      return informationTokens.get(hash);
    },
    async useInformationToken(hash, at, patch, entry, options = {}) {
      const token = informationTokens.get(hash);
      if (!token || activationState(token, at) !== 'valid') return undefined;
      const current = records.read(token.requestId);
      if (!current || current.status !== 'info-requested') return undefined;
      const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
      const rows = options.webhooks?.(record) ?? [];
      informationTokens.set(hash, { ...token, usedAt: at });
      records.replace(record);
      parts.insertDeliveries(rows);
      parts.insertNotifications(options.notifications ?? []);
      parts.insertChecks(options.checks ?? []);
      return record;
    },
    async createInvitation(invitation, notification) {
      if (invitations.has(invitation.id)) throw new Error(`Duplicate invitation id ${invitation.id}`);
      invitations.set(invitation.id, invitation);
      if (notification) parts.insertNotifications([notification]);
    },
    async renewInvitation(id, change, notification) {
      const invitation = invitations.get(id);
      if (!open(invitation)) return undefined;
      const renewed = { ...invitation, ...change };
      invitations.set(id, renewed);
      if (notification) parts.insertNotifications([notification]);
      return renewed;
    },
    async revokeInvitation(id, at) {
      const invitation = invitations.get(id);
      if (!open(invitation)) return undefined;
      const revoked = { ...invitation, revokedAt: at };
      invitations.set(id, revoked);
      return revoked;
    },
    async getInvitation(id) {
      return invitations.get(id);
    },
    async findInvitation(hash) {
      return byHash(hash);
    },
    async listInvitations({ state, now, limit, offset }) {
      // Newest first by creation time; for equal times the later stored first.
      const matching = [...invitations.values()]
        .filter((invitation) => state === undefined || invitationState(invitation, now) === state)
        .reverse()
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      return { items: matching.slice(offset, offset + limit), total: matching.length };
    },
    async erase(id, tombstone, options = {}) {
      const current = records.read(id);
      if (!current) return { state: 'not_found' };
      // No await before the writes: what is read here is what is erased (an erasure is done once).
      if (current.erasedAt !== undefined) return { state: 'already_erased', record: current };
      if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) return { state: 'conflict', record: current };
      const erased = tombstone(current);
      const used = [...invitations.values()].filter((invitation) => invitation.requestId === id || invitation.id === current.invitationId);
      records.replace(erased);
      records.forgetTokens(id);
      for (const [hash, token] of informationTokens) if (token.requestId === id) informationTokens.delete(hash);
      for (const invitation of used) invitations.delete(invitation.id);
      parts.forgetNotifications([id, ...used.map((invitation) => invitation.id)]);
      parts.scrubDeliveries(id);
      parts.forgetFiles(id);
      // After the scrub: the erasure's own event is sent.
      parts.insertDeliveries(options.webhooks?.(erased) ?? []);
      return { state: 'erased', record: erased };
    },
    async findStale({ statuses, changedBefore, notActivated, limit }) {
      return records
        .all()
        .map((stored) => records.read(stored.id)!)
        .filter((record) => record.erasedAt === undefined && statuses.includes(record.status) && (!notActivated || record.activatedAt === undefined) && lastChange(record) < changedBefore)
        .sort((a, b) => (lastChange(a) < lastChange(b) ? -1 : lastChange(a) > lastChange(b) ? 1 : 0))
        .slice(0, limit);
    },
  };
}
