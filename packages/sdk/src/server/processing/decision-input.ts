import { codePointLength, hasForbiddenCharacters, normalizeText } from '../../validation/validators/index.js';
import type { RequestStatus } from './lifecycle.js';

/** The standard reasons of a rejection; each has its words in the registry's `mail.rejectionReasons`. `other` needs a message. */
export const REJECTION_REASONS = ['incomplete', 'not-professional', 'outside-area', 'duplicate', 'other'] as const;

/** One of {@link REJECTION_REASONS}. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Longest message to an applicant (a rejection's or a request for information's), in code points. */
export const MESSAGE_MAX_LENGTH = 2000;

/** What an admin adds to a move to `rejected` or `info-requested`. */
export interface DecisionInput {
  readonly reason?: RejectionReason;
  /** Sent to the applicant; required for `info-requested` and for the reason `other`. */
  readonly message?: string;
  /** Default `true`: e-mail the applicant (when they gave an e-mail and the handler sends e-mails). */
  readonly notify?: boolean;
}

/** A field error of a 422 problem. */
export interface InputError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** The members {@link readDecisionInput} reads. */
export const DECISION_MEMBERS = ['reason', 'message', 'notify'] as const;

const TALKS_TO_APPLICANT: readonly RequestStatus[] = ['rejected', 'info-requested'];

/** A message as stored: normalized text, or an error. */
export function readMessage(raw: unknown, field = 'message'): { value?: string; error?: InputError } {
  const text = typeof raw === 'string' ? normalizeText(raw) : undefined;
  if (text === undefined) return { error: { field, code: 'invalid_type', message: 'The message must be a text.' } };
  if (hasForbiddenCharacters(text, { multiline: true })) return { error: { field, code: 'invalid_characters', message: 'The message contains characters that are not allowed.' } };
  if (codePointLength(text) > MESSAGE_MAX_LENGTH) return { error: { field, code: 'too_long', message: `The message may have at most ${MESSAGE_MAX_LENGTH} characters.` } };
  return { value: text };
}

/**
 * Reads `reason`, `message` and `notify` of a body that moves a request to `to` (`undefined`:
 * no status change), pushing what is wrong to `errors`. They go only with a move to `rejected`
 * (all three) or `info-requested` (message and notify); a request for information needs its
 * message, and so does the reason `other`.
 */
export function readDecisionInput(input: Readonly<Record<string, unknown>>, to: RequestStatus | undefined, errors: InputError[]): DecisionInput {
  const out: { -readonly [K in keyof DecisionInput]: DecisionInput[K] } = {};
  const talks = to !== undefined && TALKS_TO_APPLICANT.includes(to);
  const misplaced = (field: string, allowed: string): void => void errors.push({ field, code: 'not_applicable', message: `${field} goes only with a move to ${allowed}.` });
  if (Object.hasOwn(input, 'reason')) {
    const reason = input['reason'];
    if (to !== 'rejected') misplaced('reason', 'rejected');
    else if (!(REJECTION_REASONS as readonly unknown[]).includes(reason)) errors.push({ field: 'reason', code: 'invalid_option', message: `The reason must be one of ${REJECTION_REASONS.join(', ')}.` });
    else out.reason = reason as RejectionReason;
  }
  if (Object.hasOwn(input, 'message')) {
    if (!talks) misplaced('message', 'rejected or info-requested');
    else {
      const { value, error } = readMessage(input['message']);
      if (error) errors.push(error);
      else if (value) out.message = value;
    }
  }
  if (Object.hasOwn(input, 'notify')) {
    const notify = input['notify'];
    if (!talks) misplaced('notify', 'rejected or info-requested');
    else if (typeof notify !== 'boolean') errors.push({ field: 'notify', code: 'invalid_type', message: 'notify must be true or false.' });
    else out.notify = notify;
  }
  const needsMessage = to === 'info-requested' || out.reason === 'other';
  if (needsMessage && out.message === undefined && !errors.some((error) => error.field === 'message')) {
    errors.push({ field: 'message', code: 'required', message: to === 'info-requested' ? 'Say what information is needed.' : 'Explain the reason in the message.' });
  }
  return out;
}
