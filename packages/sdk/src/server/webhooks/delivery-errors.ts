import type { WebhookUrlProblem } from './addresses.js';

/**
 * What went wrong with an attempt, as a delivery's `lastError` records it: the dispatcher
 * writes these texts (plain English, for logs and the API) and a page reads them back with
 * {@link readDeliveryError} to word them in its own language.
 */
export const deliveryErrors = {
  refused: (problem: WebhookUrlProblem): string => `Not sent: ${problem.replaceAll('_', ' ')}`,
  timeout: (ms: number): string => `Timed out after ${ms} ms`,
  gone: 'Gone: the endpoint is disabled',
  disabled: 'The endpoint is disabled',
  removed: 'The endpoint was removed',
  http: (status: number): string => `HTTP ${status}`,
} as const;

/** A delivery's `lastError` read back: one of the dispatcher's own cases, or another failure's text (a network error). */
export type DeliveryError =
  | { readonly kind: 'refused'; readonly problem: WebhookUrlProblem }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'gone' | 'disabled' | 'removed' }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'other'; readonly text: string };

const PROBLEMS: readonly WebhookUrlProblem[] = ['invalid_url', 'insecure_scheme', 'credentials', 'private_address', 'unresolvable'];

/** Reads a `lastError` the dispatcher wrote (see {@link deliveryErrors}). */
export function readDeliveryError(error: string): DeliveryError {
  if (error === deliveryErrors.gone) return { kind: 'gone' };
  if (error === deliveryErrors.disabled) return { kind: 'disabled' };
  if (error === deliveryErrors.removed) return { kind: 'removed' };
  const problem = PROBLEMS.find((candidate) => error === deliveryErrors.refused(candidate));
  if (problem) return { kind: 'refused', problem };
  const timeout = /^Timed out after (\d{1,9}) ms$/.exec(error);
  if (timeout) return { kind: 'timeout', ms: Number(timeout[1]) };
  const http = /^HTTP (\d{3})$/.exec(error);
  if (http) return { kind: 'http', status: Number(http[1]) };
  return { kind: 'other', text: error };
}
