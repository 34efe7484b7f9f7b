import { json, problem } from '../http/problem.js';
import type { HandlerContext } from '../http/context.js';
import { ACTIVATION_TOKEN_PATTERN, hashActivationToken } from '../processing/activation.js';
import { invitationState } from '../processing/invitation-state.js';
import type { InvitationRecord } from '../stores/decision-store.js';
import { requireDecisions } from './processing-routes.js';

const notFound = (): Response => problem(404, 'This invitation link is not valid.', { type: 'urn:account-request:problem:invitation-unknown' });

/**
 * `GET {base}/invitation/{token}`: public. The state of an invitation link (`pending`, `used`,
 * `expired`, `revoked`), its expiry and the invitation's language; a pending one also gives what
 * the form opens with: the e-mail (fixed) and the prefilled values. An unknown token is a 404.
 */
export async function getInvitationLink(context: HandlerContext, request: Request, token: string): Promise<Response> {
  const store = requireDecisions(context);
  const invitation = await context.store(async () => store.findInvitation(await hashActivationToken(token)));
  if (!invitation) return notFound();
  const state = invitationState(invitation, context.now().toISOString());
  const headers = context.origins.corsHeaders(request);
  if (state !== 'pending') return json(200, { state, expiresAt: invitation.expiresAt, locale: invitation.locale }, headers);
  return json(200, { state, expiresAt: invitation.expiresAt, email: invitation.email, values: invitation.values, locale: invitation.locale }, headers);
}

/** The 404 of a link that names no invitation (never issued, or replaced by a newer one). */
export function unknownInvitation(context: HandlerContext, request: Request): Response {
  return problem(404, 'This invitation link is not valid.', { type: 'urn:account-request:problem:invitation-unknown', headers: context.origins.corsHeaders(request) });
}

/** The invitation a submission answers (`POST {base}/invitation/{token}`), or the 404 of an unknown link. */
export async function submissionInvitation(context: HandlerContext, request: Request, token: string): Promise<InvitationRecord | Response> {
  if (!ACTIVATION_TOKEN_PATTERN.test(token) || !context.decisions) return unknownInvitation(context, request);
  const store = context.decisions;
  const invitation = await context.store(async () => store.findInvitation(await hashActivationToken(token)));
  return invitation ?? unknownInvitation(context, request);
}

/** The 410 for an invitation that is no longer pending (used, expired, revoked), or `undefined`. */
export function invitationRefusal(context: HandlerContext, request: Request, invitation: InvitationRecord): Response | undefined {
  const state = invitationState(invitation, context.now().toISOString());
  if (state === 'pending') return undefined;
  return problem(410, `This invitation link is ${state}.`, { type: `urn:account-request:problem:invitation-${state}`, headers: context.origins.corsHeaders(request) });
}
