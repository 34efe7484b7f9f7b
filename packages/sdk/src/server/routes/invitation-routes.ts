import { resolveFields } from '../../resolve.js';
import { codePointLength, hasForbiddenCharacters, isValidEmail, normalizeEmail, normalizeText } from '../../validation/validators/index.js';
import { requireAdmin } from '../http/admin.js';
import { bodyKind, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { json, problem } from '../http/problem.js';
import type { InputError } from '../processing/decision-input.js';
import { INVITATION_STATES, invitationState } from '../processing/invitation-state.js';
import { inviteMail } from '../processing/invitations.js';
import { deliverSoon } from '../processing/notifications.js';
import type { InvitationRecord, InvitationState } from '../stores/decision-store.js';
import { readInteger } from './list-routes.js';
import { invalid, requireDecisions } from './processing-routes.js';

const MAX_VALUE_LENGTH = 500;
const MAX_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An invitation as the admin routes send it: never its token's hash, always its state. */
export type PublicInvitation = Omit<InvitationRecord, 'hash'> & { readonly state: InvitationState };

/** The admin view of an invitation at `now`. */
export function toPublicInvitation(invitation: InvitationRecord, now: string): PublicInvitation {
  const { hash: _hash, ...shown } = invitation;
  return { ...shown, state: invitationState(invitation, now) };
}

function noLinks(context: HandlerContext): Response | undefined {
  if (context.outbox && context.options.invitationUrl) return undefined;
  return problem(501, 'This server sends no invitations: it needs a notifier and an invitationUrl option.');
}

async function readJson(context: HandlerContext, request: Request): Promise<Record<string, unknown>> {
  if (!bodyKind(request.headers.get('Content-Type'), ['json'])) throw unsupportedMediaType(['json']);
  const body = parseJsonBody(await readBodyLimited(request, context.maxBodyBytes));
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Send a JSON object.', []);
  return body as Record<string, unknown>;
}

function readDays(input: Record<string, unknown>, errors: InputError[]): number | undefined {
  if (!Object.hasOwn(input, 'expiresInDays')) return undefined;
  const days = input['expiresInDays'];
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS) return days;
  errors.push({ field: 'expiresInDays', code: 'invalid_type', message: `expiresInDays must be a whole number of days from 1 to ${MAX_DAYS}.` });
  return undefined;
}

const text = (raw: unknown, field: string, errors: InputError[]): string | undefined => {
  const value = typeof raw === 'string' ? normalizeText(raw) : undefined;
  if (value === undefined) errors.push({ field, code: 'invalid_type', message: `${field.slice(0, 60)} must be a text.` });
  else if (hasForbiddenCharacters(value)) errors.push({ field, code: 'invalid_characters', message: `${field.slice(0, 60)} contains characters that are not allowed.` });
  else if (codePointLength(value) > MAX_VALUE_LENGTH) errors.push({ field, code: 'too_long', message: `${field.slice(0, 60)} may have at most ${MAX_VALUE_LENGTH} characters.` });
  else return value;
  return undefined;
};

/**
 * `POST {base}/invitations` with `{ email, companyName?, values?, locale?, expiresInDays? }`:
 * admin. Stores the invitation (its link's token as a SHA-256 only) and e-mails the link to
 * the public form, which opens with `values` filled in and the e-mail fixed. `values` take text
 * values of the config's fields (never the password). 201 with the invitation.
 */
export async function createInvitation(context: HandlerContext, request: Request): Promise<Response> {
  const actor = await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireDecisions(context);
  const missing = noLinks(context);
  if (missing) return missing;
  const input = await readJson(context, request);
  const errors: InputError[] = [];
  for (const key of Object.keys(input)) {
    if (!['email', 'companyName', 'values', 'locale', 'expiresInDays'].includes(key)) errors.push({ field: key.slice(0, 40), code: 'unknown_field', message: `${key.slice(0, 40)} is not a member of an invitation.` });
  }
  const rawEmail = input['email'];
  const email = typeof rawEmail === 'string' ? normalizeEmail(rawEmail) : '';
  if (!isValidEmail(email)) errors.push({ field: 'email', code: 'invalid_format', message: 'Give the e-mail address of the person to invite.' });
  const companyName = Object.hasOwn(input, 'companyName') ? text(input['companyName'], 'companyName', errors) : undefined;
  const { config } = await context.currentConfig();
  const known = new Set(resolveFields(config, { locale: 'en' }).map((field) => field.id));
  const values: Record<string, string> = {};
  const rawValues = Object.hasOwn(input, 'values') ? input['values'] : {};
  if (typeof rawValues !== 'object' || rawValues === null || Array.isArray(rawValues)) errors.push({ field: 'values', code: 'invalid_type', message: 'values must be an object of field ids and texts.' });
  else {
    for (const [id, raw] of Object.entries(rawValues)) {
      if (!known.has(id) || id === 'password' || id === 'email') errors.push({ field: `values.${id.slice(0, 40)}`, code: 'unknown_field', message: `${id.slice(0, 40)} cannot be prefilled.` });
      else {
        const value = text(raw, `values.${id}`, errors);
        if (value) values[id] = value;
      }
    }
  }
  const rawLocale = input['locale'];
  if (rawLocale !== undefined && (typeof rawLocale !== 'string' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(rawLocale))) errors.push({ field: 'locale', code: 'invalid_format', message: 'locale must be a language tag such as fr or de-AT.' });
  const days = readDays(input, errors);
  if (errors.length > 0) throw invalid('The invitation breaks one or more rules.', errors);
  const now = context.now();
  const ttl = days !== undefined ? days * DAY_MS : undefined;
  const draft = {
    id: crypto.randomUUID(),
    email,
    ...(companyName ? { companyName } : {}),
    values: { ...(companyName ? { companyName } : {}), ...values, email },
    locale: typeof rawLocale === 'string' ? rawLocale : (context.options.adminLocale ?? 'en'),
    createdAt: now.toISOString(),
    createdBy: actor,
  };
  const { link, mail } = await inviteMail(context, draft, request, ttl);
  const invitation: InvitationRecord = { ...draft, hash: link.hash, expiresAt: link.expiresAt, sentAt: now.toISOString() };
  await context.store(() => store.createInvitation(invitation, mail));
  await deliverSoon(context, [mail.id]);
  return json(201, { ...toPublicInvitation(invitation, now.toISOString()), notificationId: mail.id });
}

/** `GET {base}/invitations?state=&limit=&offset=`: admin; newest first, each with its state, the total in `X-Total-Count`. */
export async function listInvitations(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const store = requireDecisions(context);
  const params = new URL(request.url).searchParams;
  const rawState = params.get('state');
  if (rawState !== null && rawState !== '' && !(INVITATION_STATES as readonly string[]).includes(rawState)) {
    return problem(400, `The state parameter must be one of ${INVITATION_STATES.join(', ')}.`, { type: 'urn:account-request:problem:invalid-query' });
  }
  const limit = readInteger(params, 'limit', 50, 200);
  const offset = readInteger(params, 'offset', 0, 1_000_000_000);
  const now = context.now().toISOString();
  const page = await context.store(() => store.listInvitations({ ...(rawState ? { state: rawState as InvitationState } : {}), now, limit, offset }));
  return json(200, page.items.map((invitation) => toPublicInvitation(invitation, now)), { 'X-Total-Count': String(page.total) });
}

/** `GET {base}/invitations/{id}`: admin. */
export async function getInvitation(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const store = requireDecisions(context);
  const invitation = await context.store(() => store.getInvitation(id));
  if (!invitation) return problem(404, 'No invitation has this id.');
  return json(200, toPublicInvitation(invitation, context.now().toISOString()));
}

const closed = (invitation: InvitationRecord, now: string): Response =>
  problem(409, `This invitation is ${invitationState(invitation, now)}: it can no longer change.`, { type: `urn:account-request:problem:invitation-${invitationState(invitation, now)}` });

/** `POST {base}/invitations/{id}/revoke`: admin. The link stops working; 409 once used or revoked. */
export async function revokeInvitation(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireDecisions(context);
  const now = context.now().toISOString();
  const revoked = await context.store(() => store.revokeInvitation(id, now));
  if (revoked) return json(200, toPublicInvitation(revoked, now));
  const invitation = await context.store(() => store.getInvitation(id));
  return invitation ? closed(invitation, now) : problem(404, 'No invitation has this id.');
}

/**
 * `POST {base}/invitations/{id}/resend` (optional `{ expiresInDays }`): admin. A new link (the
 * old one stops working), valid again for the default duration, e-mailed again; also revives
 * an expired invitation. 409 once used or revoked.
 */
export async function resendInvitation(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:write');
  const store = requireDecisions(context);
  const missing = noLinks(context);
  if (missing) return missing;
  const hasBody = request.headers.get('Content-Type') !== null;
  const errors: InputError[] = [];
  const days = hasBody ? readDays(await readJson(context, request), errors) : undefined;
  if (errors.length > 0) throw invalid('The change breaks one or more rules.', errors);
  const now = context.now().toISOString();
  const invitation = await context.store(() => store.getInvitation(id));
  if (!invitation) return problem(404, 'No invitation has this id.');
  const state = invitationState(invitation, now);
  if (state === 'used' || state === 'revoked') return closed(invitation, now);
  const { link, mail } = await inviteMail(context, invitation, request, days !== undefined ? days * DAY_MS : undefined);
  const renewed = await context.store(() => store.renewInvitation(id, { hash: link.hash, expiresAt: link.expiresAt, sentAt: now }, mail));
  if (!renewed) return closed((await context.store(() => store.getInvitation(id))) ?? invitation, now);
  await deliverSoon(context, [mail.id]);
  return json(200, { ...toPublicInvitation(renewed, now), notificationId: mail.id });
}
