import { addStepBreak, moveField, removeStepBreak } from '@account-request/sdk';
import type { FormConfig, LocalizedText, StepBreak } from '@account-request/sdk';

/** One row of the field list: a field, or a step break (a new step starts at the field below it). */
export type Row = { readonly kind: 'field'; readonly id: string } | { readonly kind: 'step'; readonly before: string; readonly title: LocalizedText };

const stepsOf = (config: FormConfig): readonly StepBreak[] => (Object.hasOwn(config, 'steps') ? (config.steps ?? []) : []);

/** The rows of `config` in display order: each break just above the field it starts at. */
export function rowsOf(config: FormConfig): Row[] {
  const breaks = new Map(stepsOf(config).map((step) => [step.before, step]));
  return config.fields.flatMap((entry): Row[] => {
    const step = breaks.get(entry.id);
    const field: Row = { kind: 'field', id: entry.id };
    return step ? [{ kind: 'step', before: step.before, title: step.title }, field] : [field];
  });
}

/**
 * The rows once the row at `from` moved to `to`, each break then starting at the field below
 * it; `undefined` when that leaves a step without a field (a break above another, or last),
 * which no config can hold.
 */
export function moveRow(rows: readonly Row[], from: number, to: number): Row[] | undefined {
  const moved = rows[from];
  if (!moved || to < 0 || to >= rows.length || to === from) return undefined;
  const next = [...rows];
  next.splice(from, 1);
  next.splice(to, 0, moved);
  const out: Row[] = [];
  for (let i = 0; i < next.length; i++) {
    const row = next[i] as Row;
    if (row.kind === 'field') {
      out.push(row);
      continue;
    }
    const below = next[i + 1];
    if (below?.kind !== 'field') return undefined;
    out.push({ kind: 'step', before: below.id, title: row.title });
  }
  return out;
}

const sameBreaks = (a: readonly StepBreak[], b: readonly StepBreak[]): boolean =>
  a.length === b.length && a.every((step, i) => step.before === b[i]?.before && step.title === b[i]?.title);

/**
 * The config whose fields and breaks are `rows`, through the SDK's edits only (one call to
 * `edit`, so one step of undo): the fields put in order with `moveField`, then the breaks set
 * again where the rows put them.
 */
export function configOfRows(config: FormConfig, rows: readonly Row[]): FormConfig {
  let next = config;
  const order = rows.flatMap((row) => (row.kind === 'field' ? [row.id] : []));
  order.forEach((id, to) => {
    const from = next.fields.findIndex((entry) => entry.id === id);
    if (from !== to) next = moveField(next, from, to);
  });
  const wanted = rows.flatMap((row) => (row.kind === 'step' ? [{ before: row.before, title: row.title }] : []));
  if (sameBreaks(stepsOf(next), wanted)) return next;
  for (const step of stepsOf(next)) next = removeStepBreak(next, step.before);
  for (const step of wanted) next = addStepBreak(next, step.before, step.title);
  return next;
}

/** The number of the step holding field `id` (1 for fields above the first break). */
export function stepOf(rows: readonly Row[], id: string): number {
  let step = rows[0]?.kind === 'step' ? 0 : 1;
  for (const row of rows) {
    if (row.kind === 'step') step++;
    else if (row.id === id) return step;
  }
  return step;
}
