import { localize } from './i18n/resolve.js';
import { resolveFields } from './resolve.js';
import type { FormConfig, ResolvedField, StepBreak } from './types.js';
import { visibleSet, type FieldValues } from './visibility.js';

/** One step of a form as it renders for given values. */
export interface ResolvedStep {
  /** The field its break starts at; absent for fields above the first break (an untitled first step). */
  readonly before?: string;
  /** The break's title in the locale; absent for an untitled first step. */
  readonly title?: string;
  /** The fields shown in this step, in display order (never empty). */
  readonly fields: readonly ResolvedField[];
}

/**
 * The steps of `config` for `values`, in order: each break starts a step that runs to the next
 * break; the fields above the first break, if any are shown, form an untitled first step. Only
 * shown fields count (displayed, and their condition holds: see `visibleFields`), and a step
 * with none is left out, so the count and "Step 2 of 3" follow the answers. Without breaks: one
 * untitled step holding every shown field (a one-page form). Titles fall back like every text.
 */
export function resolveSteps(config: FormConfig, locale: string, values: FieldValues = {}): ResolvedStep[] {
  const shown = visibleSet(config, values);
  const resolved = new Map(resolveFields(config, { locale }).map((field) => [field.id, field]));
  const breaks = new Map<string, StepBreak>((Object.hasOwn(config, 'steps') ? (config.steps ?? []) : []).map((step) => [step.before, step]));
  const steps: { before?: string; title?: string; fields: ResolvedField[] }[] = [{ fields: [] }];
  for (const entry of config.fields) {
    const step = breaks.get(entry.id);
    if (step) steps.push({ before: step.before, title: localize(step.title, locale), fields: [] });
    const field = shown.has(entry.id) ? resolved.get(entry.id) : undefined;
    if (field) steps[steps.length - 1]?.fields.push(field);
  }
  return steps.filter((step) => step.fields.length > 0);
}
