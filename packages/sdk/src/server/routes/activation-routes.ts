import { errorMessage } from '../../i18n/index.js';
import { checkPassword, hasForbiddenCharacters, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../validation/validators/index.js';
import { activationState, hashActivationToken, type ActivationState } from '../processing/activation.js';
import { bodyKind, parseFormBody, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import type { HandlerContext } from '../http/context.js';
import { isBlockedPassword } from '../passwords/password-blocklist.js';
import { invalid, requireProcessing } from './processing-routes.js';
import { json, problem } from '../http/problem.js';
import type { ActivationTokenRecord, ProcessingStore } from '../stores/processing-store.js';
import { activatedEvent } from '../webhooks/messages.js';

const GONE: Readonly<Record<Exclude<ActivationState, 'valid'>, string>> = {
  expired: 'This activation link has expired; ask for a new one.',
  used: 'This activation link was already used.',
  replaced: 'A newer activation link was sent; use the latest e-mail.',
};

async function findToken(context: HandlerContext, store: ProcessingStore, token: string): Promise<ActivationTokenRecord | undefined> {
  const hash = await hashActivationToken(token);
  return context.store(() => store.findActivationToken(hash));
}

const notFound = (): Response => problem(404, 'This activation link is not valid.', { type: 'urn:account-request:problem:activation-unknown' });

/**
 * `GET {base}/activation/{token}`: public. The state of a link (`valid`, `expired`, `used`,
 * `replaced`), its expiry and the request's language; for a valid link also the company name and
 * e-mail it activates, nothing else of the request. An unknown token is a 404.
 */
export async function getActivation(context: HandlerContext, request: Request, token: string): Promise<Response> {
  const store = requireProcessing(context);
  const found = await findToken(context, store, token);
  if (!found) return notFound();
  const state = activationState(found, context.now().toISOString());
  const headers = context.origins.corsHeaders(request);
  const record = await context.store(() => store.get(found.requestId));
  // The applicant's language in every state, so the page speaks it (the link carries none).
  const locale = record?.locale;
  if (state !== 'valid') return json(200, { state, expiresAt: found.expiresAt, ...(locale ? { locale } : {}) }, headers);
  if (!record) return notFound();
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return json(200, { state, expiresAt: found.expiresAt, companyName: text(record.values['companyName']), email: text(record.values['email']), locale: record.locale }, headers);
}

async function passwordErrors(context: HandlerContext, password: unknown, locale: string): Promise<{ field: string; code: string; message: string }[]> {
  if (typeof password !== 'string' || password === '') return [{ field: 'password', code: 'required', message: errorMessage(locale, 'required', 'password') }];
  if (hasForbiddenCharacters(password)) return [{ field: 'password', code: 'invalid_characters', message: errorMessage(locale, 'invalid_characters', 'password') }];
  // The blocklist is asked last, as checkPassword would: a range query is not spent on a short password.
  let verdict = checkPassword(password);
  if (verdict === 'ok' && (await isBlockedPassword(context, password))) verdict = 'too_common';
  if (verdict === 'ok') return [];
  return [{ field: 'password', code: verdict, message: errorMessage(locale, verdict, 'password', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) }];
}

/**
 * `POST {base}/activation/{token}` with `{ password, locale? }` (JSON or a classic form): public.
 * Checks the password with the SDK's rules, hashes it, and uses the token up, all or nothing:
 * 200 `{ state: "activated" }`; 410 for an expired, used or replaced link; 422 for a weak password.
 */
export async function postActivation(context: HandlerContext, request: Request, token: string): Promise<Response> {
  const store = requireProcessing(context);
  if (!context.origins.allows(request)) return problem(403, 'Activations from another site are not accepted.', { type: 'urn:account-request:problem:cross-site' });
  const kind = bodyKind(request.headers.get('Content-Type'), ['json', 'urlencoded']);
  if (!kind) throw unsupportedMediaType(['json', 'urlencoded']);
  const bytes = await readBodyLimited(request, context.maxBodyBytes);
  const body: unknown = kind === 'json' ? parseJsonBody(bytes) : Object.fromEntries(await parseFormBody(bytes, 'urlencoded', ''));
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const locale = typeof fields['locale'] === 'string' ? fields['locale'] : (request.headers.get('Accept-Language')?.split(/[,;]/, 1)[0]?.trim() ?? 'en');
  const found = await findToken(context, store, token);
  if (!found) return notFound();
  const at = context.now().toISOString();
  const state = activationState(found, at);
  const headers = context.origins.corsHeaders(request);
  if (state !== 'valid') return problem(410, GONE[state], { type: `urn:account-request:problem:activation-${state}`, headers });
  const password = Object.hasOwn(fields, 'password') ? fields['password'] : undefined;
  const errors = await passwordErrors(context, password, locale);
  if (errors.length > 0) throw invalid('The password breaks one or more rules.', errors);
  const passwordHash = await context.store(() => context.hashPassword(password as string));
  const { webhooks } = context;
  const change = webhooks ? webhooks.change(await context.store(() => webhooks.endpoints()), (updated) => activatedEvent(updated, at)) : undefined;
  const record = await context.store(() =>
    store.useActivationToken(found.hash, at, { passwordHash, activatedAt: at }, { at, actor: 'applicant', changes: [{ field: 'activation', from: null, to: at }] }, change?.options),
  );
  // Another request used the link (or it expired) while the password was being hashed.
  if (!record) return problem(410, GONE.used, { type: 'urn:account-request:problem:activation-used', headers });
  if (change) webhooks?.sendInBackground(change.queued(), context.options.waitUntil);
  return json(200, { state: 'activated' }, headers);
}
