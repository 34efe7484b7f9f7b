import type { FieldEntry, StepBreak } from '../types.js';
import type { ConfigIssue } from './errors.js';
import type { RawStepBreak } from './schema.js';
import { isBlankText } from './blank-text.js';

/**
 * Checks the step breaks against the normalized fields, pushing each broken rule: a break
 * starts at a field of the config (`unknown_field`), at most one break per field
 * (`duplicate_step`), a title in some language (`missing_step_title`). Returns the breaks in
 * display order, or `undefined` when there are none (a one-page form).
 */
export function normalizeSteps(raw: readonly RawStepBreak[] | undefined, fields: readonly FieldEntry[], issues: ConfigIssue[]): StepBreak[] | undefined {
  if (!raw?.length) return undefined;
  const position = new Map(fields.map((entry, i) => [entry.id, i]));
  const seen = new Set<string>();
  const out: StepBreak[] = [];
  raw.forEach((step, i) => {
    const problem = (key: string, code: ConfigIssue['code'], message: string, params?: ConfigIssue['params']) =>
      issues.push({ path: ['steps', i, key], code, message, ...(params ? { params } : {}) });
    if (!position.has(step.before)) problem('before', 'unknown_field', `unknown field "${step.before}"`, { id: step.before });
    else if (seen.has(step.before)) problem('before', 'duplicate_step', `a step already starts at "${step.before}"`, { id: step.before });
    if (isBlankText(step.title)) problem('title', 'missing_step_title', 'must not be empty');
    seen.add(step.before);
    out.push({ before: step.before, title: step.title });
  });
  return out.sort((a, b) => (position.get(a.before) ?? 0) - (position.get(b.before) ?? 0));
}
