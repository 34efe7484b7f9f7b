import { errorMessage, messages, type FieldErrorCode } from '@account-request/sdk';
import { MAX_SEARCH_LENGTH, type InvitationState } from '@account-request/sdk/server';
import { format, pageText, sharedText, type PageLocale } from './text.js';

/** A field error of a problem answer of the SDK handler: only its field and code are read (its `message` is English). */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
}

/** A problem answer of the SDK handler, as `problemOf` reads it. */
export interface Problem {
  readonly type: string;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
}

// The wording of a check the SDK has specific words for, by the field (or list filter) that holds it.
const CHECKS: Readonly<Record<string, string>> = { email: 'email', phone: 'phone', expiresInDays: 'number', createdAfter: 'date', from: 'date', to: 'date' };
// The longest text a field takes: a note or a message 2,000 characters, the list's search its
// bound, an invitation's value 500.
const MAX_LENGTHS: Readonly<Record<string, number>> = { note: 2000, message: 2000, q: MAX_SEARCH_LENGTH };

/**
 * The SDK's message for one field error, in the page's language (its `messages().errors`
 * words, by code; a code it has no word for reads as "not valid"). Never the answer's own
 * `message`, which is English.
 */
export function fieldMessage(locale: PageLocale, error: FieldProblem): string {
  const code = (Object.hasOwn(messages(locale).errors, error.code) ? error.code : 'invalid_type') as FieldErrorCode;
  const field = error.field.startsWith('values.') ? error.field.slice('values.'.length) : error.field;
  return errorMessage(locale, code, Object.hasOwn(CHECKS, field) ? CHECKS[field] : undefined, { max: Object.hasOwn(MAX_LENGTHS, field) ? MAX_LENGTHS[field]! : 500, min: 1 });
}

/**
 * What the page says about a refused change: each field error as "the field … is not valid:
 * <the SDK's message>", with the field's label from `labels` (a field the page does not show
 * gets the message alone). A rejection with the reason `other` and no message gets its own
 * sentence. A problem without field errors gets the page's generic refusal.
 */
export function problemText(locale: PageLocale, problem: Problem, labels: Readonly<Record<string, string>>, reason?: string): string {
  const t = pageText(locale);
  if (problem.errors.length === 0) return t.refused;
  const reasons: Readonly<Record<string, string>> = sharedText(locale).reasons;
  return problem.errors.map((error) => {
    if (error.field === 'message' && error.code === 'required' && reason === 'other') return format(t.decisions.otherNeedsMessage, { reason: reasons['other'] ?? '' });
    const label = Object.hasOwn(labels, error.field) ? labels[error.field] : undefined;
    const message = fieldMessage(locale, error);
    return label ? format(t.fieldError, { field: label, message }) : message;
  }).join(' ');
}

/** The labels of a decision's fields (a status change, a note, a bulk decision), as the pages show them. */
export function decisionLabels(locale: PageLocale, to?: string): Readonly<Record<string, string>> {
  const t = pageText(locale);
  const d = t.decisions;
  return { status: t.statusLabel, inAccount: t.inAccountLabel, note: t.note, reason: d.reason, message: to === 'info-requested' ? d.infoMessage : d.rejectMessage, notify: d.notify, ids: d.select };
}

/** What the invitations page says when a revoke or resend is refused: the invitation's state, from the problem's type. */
export function invitationProblemText(locale: PageLocale, problem: Problem): string {
  const d = pageText(locale).decisions;
  const state = /:invitation-(pending|used|expired|revoked)$/.exec(problem.type)?.[1] as InvitationState | undefined;
  return state ? format(d.invitationClosed, { state: d.invitationStates[state] }) : pageText(locale).refused;
}
