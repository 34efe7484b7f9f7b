import { displayedFields, resolveField } from '../../resolve.js';
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
  // Only the boxes are resolved: this runs for every submission.
  const shown = displayedFields(config).filter(([entry]) => (CONSENT_FIELDS as readonly string[]).includes(entry.id) && Object.hasOwn(values, entry.id));
  return shown.map(([entry, definition]) => ({ id: entry.id, granted: values[entry.id] === true, at, wording: resolveField(entry, definition, locale).label, locale }));
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
