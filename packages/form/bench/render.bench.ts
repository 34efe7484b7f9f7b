// `node --import tsx packages/form/bench/render.bench.ts`: bundles a page holding
// <account-request-form> with esbuild, serves it on 127.0.0.1 and drives the system Chromium
// (playwright-core) to time, inside the page, the median time from creation to a rendered form
// for 20, 100 and 500 fields, next to a plain form of the same fields built with DOM calls,
// at full speed and with the CPU throttled 4x (CDP `Emulation.setCPUThrottlingRate`).
// A config holds at most 200 fields (CONTRACT), so the 500 case runs at the cap.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openBenchPage } from '../../../scripts/lib/bench-page.js';
import type { Timing } from './page.js';

const ITERATIONS = 15;
const SIZES = [20, 100, 500] as const;
const RATES = [1, 4] as const;
const entry = fileURLToPath(new URL('./page.ts', import.meta.url));

type Result = { fields: number; element: Timing; plain: Timing };
type RenderBench = (count: number, iterations: number) => Promise<Result>;

const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const spread = (t: Timing) => `(${t.q1.toFixed(0)}-${t.q3.toFixed(0)})`;
const loadBefore = load();

const { tab, bundleBytes, close } = await openBenchPage({ entry, title: 'form render bench', ready: 'renderBench' });
try {
  const cdp = await tab.context().newCDPSession(tab);
  const rows: string[][] = [];
  for (const rate of RATES) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    for (const size of SIZES) {
      const result = await tab.evaluate(([count, iterations]) => (window as unknown as { renderBench: RenderBench }).renderBench(count, iterations), [size, ITERATIONS] as const);
      const fields = result.fields === size ? String(size) : `${size} (capped at ${result.fields})`;
      const { element, plain } = result;
      rows.push([`${rate}x`, fields, element.median.toFixed(1), spread(element), plain.median.toFixed(1), spread(plain), `${(element.median / plain.median).toFixed(2)}x`]);
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const header = ['CPU', 'fields', 'element ms', '(q1-q3)', 'plain ms', '(q1-q3)', 'ratio'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log('Median time from creation to a rendered form (control present, layout forced, next animation frame):');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`(${ITERATIONS} interleaved iterations each after 3 warm-up; element and plain form in the same page and run; bundle ${(bundleBytes / 1000).toFixed(1)} KB min, Chromium headless)`);
  console.log(`(load average ${load()} on ${availableParallelism()} CPUs, before ${loadBefore}: a busy machine widens the quartiles)`);
} finally {
  await close();
}
