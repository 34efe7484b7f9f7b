import { compactIdentifier } from '../../validation/validators/index.js';
import type { AccountRequestRecord } from '../stores/store.js';
import type { CheckJob, CheckKind, SiretCheck, VatCheck } from './types.js';

/** What the handler's checks are: the VAT number at a VAT checker, the SIRET at a directory. */
export interface CheckPlanOptions {
  readonly vat: boolean;
  readonly siret: boolean;
}

/** The checks of a new request: the states written on it and the jobs written with it. */
export interface CheckPlan {
  readonly vatCheck?: VatCheck;
  readonly siretCheck?: SiretCheck;
  readonly jobs: readonly CheckJob[];
}

const compact = (value: unknown): string => (typeof value === 'string' ? compactIdentifier(value) : '');

/** The value each check reads. */
const CHECKED_FIELD: Readonly<Record<CheckKind, 'vatNumber' | 'siret'>> = { vat: 'vatNumber', siret: 'siret' };

/** A pending job of `kind`, due at `at`. */
export function checkJob(requestId: string, kind: CheckKind, at: string): CheckJob {
  return { requestId, kind, state: 'pending', attempts: 0, createdAt: at, nextAttemptAt: at };
}

/**
 * The checks a request gets: for each check the handler runs, `pending` and a job when the
 * request has the number to check, else `not-applicable` and no job.
 */
export function planChecks(options: CheckPlanOptions, record: Pick<AccountRequestRecord, 'id' | 'values'>, at: string): CheckPlan {
  const jobs: CheckJob[] = [];
  let vatCheck: VatCheck | undefined;
  let siretCheck: SiretCheck | undefined;
  if (options.vat) {
    const vatNumber = compact(record.values['vatNumber']);
    vatCheck = vatNumber ? { state: 'pending', vatNumber } : { state: 'not-applicable' };
    if (vatNumber) jobs.push(checkJob(record.id, 'vat', at));
  }
  if (options.siret) {
    const siret = compact(record.values['siret']);
    siretCheck = siret ? { state: 'pending' } : { state: 'not-applicable' };
    if (siret) jobs.push(checkJob(record.id, 'siret', at));
  }
  return { ...(vatCheck ? { vatCheck } : {}), ...(siretCheck ? { siretCheck } : {}), jobs };
}

/**
 * The checks a correction makes stale: of `plan` (the corrected request's checks), only those
 * whose number changed from `before`, compared compact (`FR 40 303…` is `FR40303…`). A number
 * the applicant left as it was keeps its answer, and VIES or the register are not asked again.
 */
export function changedChecks(plan: CheckPlan, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): CheckPlan {
  const changed = (kind: CheckKind): boolean => compact(before[CHECKED_FIELD[kind]]) !== compact(after[CHECKED_FIELD[kind]]);
  return {
    ...(plan.vatCheck && changed('vat') ? { vatCheck: plan.vatCheck } : {}),
    ...(plan.siretCheck && changed('siret') ? { siretCheck: plan.siretCheck } : {}),
    jobs: plan.jobs.filter((job) => changed(job.kind)),
  };
}
