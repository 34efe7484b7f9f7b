// Medians, quartiles and ratios of the page-load bench, printed as a table and kept as JSON so a
// later run can be compared with this one.
import type { LoadResult } from './load.js';

/** Median and spread of one metric over the loads (nearest-rank quartiles). */
export interface Stat {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.round(q * (sorted.length - 1))] ?? Number.NaN;
  return { median: median(sorted), q1: at(0.25), q3: at(0.75), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples: values };
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type Metric = keyof LoadResult;
const METRICS: readonly Metric[] = ['rendered', 'controls', 'responseEnd', 'heap', 'submit', 'submitShown'];

/** One page's figures in one case. */
export type PageStats = Record<Metric, Stat>;

export function pageStats(loads: readonly LoadResult[]): PageStats {
  return Object.fromEntries(METRICS.map((metric) => [metric, stat(loads.map((load) => load[metric]))])) as PageStats;
}

/** One case: a CPU rate and a field count, the hand-written page (a) and the element (b). */
export interface CaseResult {
  readonly rate: number;
  readonly fields: number;
  readonly handWritten: PageStats;
  readonly element: PageStats;
  /** Median of the element over median of the hand-written page. */
  readonly ratios: { readonly rendered: number; readonly heap: number; readonly submit: number };
}

export function caseResult(rate: number, fields: number, handWritten: readonly LoadResult[], element: readonly LoadResult[]): CaseResult {
  const a = pageStats(handWritten);
  const b = pageStats(element);
  const ratio = (metric: Metric) => b[metric].median / a[metric].median;
  return { rate, fields, handWritten: a, element: b, ratios: { rendered: ratio('rendered'), heap: ratio('heap'), submit: ratio('submit') } };
}

const ms = (s: Stat) => `${s.median.toFixed(1)} (${s.q1.toFixed(0)}–${s.q3.toFixed(0)})`;
const mib = (s: Stat) => `${(s.median / 1024 / 1024).toFixed(2)}`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

/** The table: one row per case, medians with the interquartile range in brackets. */
export function table(cases: readonly CaseResult[]): string {
  const header = ['CPU', 'fields', 'rendered a ms', 'rendered b ms', 'b/a', 'submit→errors a ms', 'submit→errors b ms', 'b/a', 'heap a MiB', 'heap b MiB', 'b/a'];
  const rows = cases.map((c) => [
    `${c.rate}×`,
    String(c.fields),
    ms(c.handWritten.rendered),
    ms(c.element.rendered),
    times(c.ratios.rendered),
    ms(c.handWritten.submit),
    ms(c.element.submit),
    times(c.ratios.submit),
    mib(c.handWritten.heap),
    mib(c.element.heap),
    times(c.ratios.heap),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
