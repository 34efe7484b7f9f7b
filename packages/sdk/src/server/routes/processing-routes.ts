import type { HandlerContext } from '../http/context.js';
import { requestEtag, toProcessedRecord, type ProcessedRecord } from '../processing/lifecycle.js';
import { HttpProblem, json, problem } from '../http/problem.js';
import type { DecisionStore } from '../stores/decision-store.js';
import type { ProcessingStore } from '../stores/processing-store.js';
import type { AccountRequestRecord } from '../stores/store.js';

/** An account request as admin routes send it: every processing member, never the password hash. */
export type PublicRecord = Omit<ProcessedRecord, 'passwordHash'>;

/** Drops the password hash (and any stray `password` value a custom store might keep), fills the processing members. */
export function toPublicRecord(record: AccountRequestRecord): PublicRecord {
  const { passwordHash: _hash, values, ...rest } = toProcessedRecord(record);
  const { password: _password, ...safeValues } = values;
  return { ...rest, values: safeValues };
}

/** The processing store, or a 501 problem when the configured store lacks its methods. */
export function requireProcessing(context: HandlerContext): ProcessingStore {
  if (context.processing) return context.processing;
  throw new HttpProblem(problem(501, 'The request store does not implement the processing methods (see ProcessingStore).'));
}

/** The decision store, or a 501 problem when the configured store lacks its methods. */
export function requireDecisions(context: HandlerContext): DecisionStore {
  if (context.decisions) return context.decisions;
  throw new HttpProblem(problem(501, 'The request store does not implement the decision methods (see DecisionStore).'));
}

/** A request as JSON with its ETag. */
export function recordResponse(record: ProcessedRecord, status = 200): Response {
  return json(status, toPublicRecord(record), { ETag: requestEtag(record) });
}

/** A 422 problem listing field errors. */
/**
 * The answer to a change that would put personal data back into an erased request (a note, a
 * message, a new link or check), where retention never looks again.
 */
export function erasedProblem(what = 'changed'): Response {
  return problem(409, `The personal data of this request is erased: it can no longer be ${what}.`, { type: 'urn:account-request:problem:erased' });
}

export function invalid(detail: string, errors: readonly { field: string; code: string; message: string }[]): HttpProblem {
  return new HttpProblem(problem(422, detail, { type: 'urn:account-request:problem:validation', title: 'Invalid change', errors }));
}
