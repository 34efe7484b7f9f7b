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
/** The metrics compared as b/a. */
const RATIOS = ['rendered', 'mainThread', 'heap', 'submit', 'submitMainThread'] as const;
type Ratio = (typeof RATIOS)[number];
const METRICS: readonly Metric[] = ['rendered', 'mainThread', 'controls', 'responseEnd', 'heap', 'submit', 'submitShown', 'submitMainThread'];

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
  readonly ratios: Readonly<Record<Ratio, number>>;
}

export function caseResult(rate: number, fields: number, handWritten: readonly LoadResult[], element: readonly LoadResult[]): CaseResult {
  const a = pageStats(handWritten);
  const b = pageStats(element);
  const ratios = Object.fromEntries(RATIOS.map((metric) => [metric, b[metric].median / a[metric].median])) as Record<Ratio, number>;
  return { rate, fields, handWritten: a, element: b, ratios };
}

const ms = (s: Stat) => (Number.isNaN(s.median) ? '—' : `${s.median.toFixed(1)} (${s.q1.toFixed(0)}–${s.q3.toFixed(0)})`);
const mib = (s: Stat) => (s.median / 1024 / 1024).toFixed(2);
const times = (ratio: number) => (Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`);

/** Columns a (hand-written), b (element) and b/a of one metric. */
function columns(title: string, metric: Ratio, format: (s: Stat) => string): { titles: string[]; cells: (c: CaseResult) => string[] } {
  return { titles: [`${title} a`, `${title} b`, 'b/a'], cells: (c) => [format(c.handWritten[metric]), format(c.element[metric]), times(c.ratios[metric])] };
}

function render(cases: readonly CaseResult[], groups: readonly ReturnType<typeof columns>[]): string {
  const header = ['CPU', 'fields', ...groups.flatMap((group) => group.titles)];
  const rows = cases.map((c) => [`${c.rate}×`, String(c.fields), ...groups.flatMap((group) => group.cells(c))]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** The tables: one row per case, medians in ms with the interquartile range in brackets, heap in MiB. */
export function tables(cases: readonly CaseResult[]): string {
  return [
    render(cases, [columns('rendered ms', 'rendered', ms), columns('main thread ms', 'mainThread', ms)]),
    render(cases, [columns('submit→errors ms', 'submit', ms), columns('main thread ms', 'submitMainThread', ms), columns('heap MiB', 'heap', mib)]),
  ].join('\n\n');
}
