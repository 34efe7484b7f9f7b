import type { InvitationRecord, InvitationState } from '../stores/decision-store.js';

/** Every invitation state, in the order a list filter offers them. */
export const INVITATION_STATES: readonly InvitationState[] = ['pending', 'used', 'expired', 'revoked'];

/** Where an invitation stands at `now` (ISO): used wins over revoked, revoked over expired. */
export function invitationState(invitation: Pick<InvitationRecord, 'usedAt' | 'revokedAt' | 'expiresAt'>, now: string): InvitationState {
  if (invitation.usedAt !== undefined) return 'used';
  if (invitation.revokedAt !== undefined) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}
