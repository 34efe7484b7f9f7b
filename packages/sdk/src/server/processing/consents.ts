import { resolveFields } from '../../resolve.js';
import type { FormConfig, SubmissionValues } from '../../types.js';
import type { ConsentRecord } from '../stores/decision-store.js';

/** The catalog's consent boxes, recorded with their wording whenever a form showing them is sent. */
export const CONSENT_FIELDS = ['newsletter', 'partnerOffers'] as const;

/**
 * The consents a submission (or a correction) gives at `at`: one record per consent box the
 * form showed (a box's value is in the validated values only when it was shown), ticked or not,
 * with the label it showed in `locale`: the exact words the applicant agreed to.
 */
export function consentsOf(config: FormConfig, values: SubmissionValues, locale: string, at: string): ConsentRecord[] {
  const shown = resolveFields(config, { locale }).filter((field) => (CONSENT_FIELDS as readonly string[]).includes(field.id) && Object.hasOwn(values, field.id));
  return shown.map((field) => ({ id: field.id, granted: values[field.id] === true, at, wording: field.label, locale }));
}

/** `previous` followed by the records of `next` that change something: a box not recorded yet, or ticked differently. */
export function mergeConsents(previous: readonly ConsentRecord[], next: readonly ConsentRecord[]): ConsentRecord[] {
  const merged = [...previous];
  for (const record of next) {
    const last = merged.findLast((entry) => entry.id === record.id);
    if (!last || last.granted !== record.granted || last.wording !== record.wording) merged.push(record);
  }
  return merged;
}
