// Page-load bench: cold loads, in headless system Chromium with a fresh browser context each, of
// (a) the form written by hand in HTML and (b) <account-request-form> from its single-file bundle
// with the same config inlined, both served from 127.0.0.1; interleaved a, b, a, b…; at 20 and
// 199 fields, unthrottled and with the CPU throttled 4× (CDP). Medians and b/a ratios of: time
// to rendered, JS heap after GC, empty submit → every error painted. Prints a table, writes JSON.
//
//   npm run bench -- page-load [--loads=10] [--warmup=1] [--sizes=20,199] [--rates=1,4]
//                              [--bundle=packages/form/dist/account-request-form.bundle.js]
//                              [--out=test-results/bench-page-load.json]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../../scripts/lib/chromium.js';
import { loadAssets } from './page-load/assets.js';
import { fixture } from './page-load/fixture.js';
import { coldLoad, elementCountries, pageControls } from './page-load/load.js';
import type { LoadResult } from './page-load/load.js';
import { elementPage, handWrittenPage } from './page-load/pages.js';
import { caseResult, tables } from './page-load/report.js';
import type { CaseResult } from './page-load/report.js';
import { startPageServer } from './page-load/server.js';

const { values: options } = parseArgs({
  options: {
    loads: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    sizes: { type: 'string', default: '20,199' },
    rates: { type: 'string', default: '1,4' },
    bundle: { type: 'string' },
    out: { type: 'string', default: 'test-results/bench-page-load.json' },
  },
  // `npm run bench` hands every bench the same flags; other benches' flags are not ours to refuse.
  strict: false,
});
const count = (name: string, text: unknown, min: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${String(text)}`);
  return value;
};
const list = (name: string, text: unknown) => String(text).split(',').map((each) => count(name, each, 1));
const loads = count('loads', options.loads, 1);
const warmup = count('warmup', options.warmup, 0);
const sizes = list('sizes', options.sizes);
const rates = list('rates', options.rates);
const out = String(options.out);

const load = () => loadavg().map((value) => value.toFixed(2));
const loadBefore = load();
const assets = await loadAssets(typeof options.bundle === 'string' ? options.bundle : undefined);
// The element asks its server which lookups are on (a config with a SIRET or a street field):
// the bench's answers as the handler does with none configured, so no request fails.
const noLookups = { type: 'application/json', body: Buffer.from(JSON.stringify({ company: false, address: false })) };
const server = await startPageServer(new Map([...assets.files, ['/api/account-requests/lookup', noLookups]]));
const browser = await launchChromium();
try {
  const fixtures = sizes.map(fixture);
  // The hand-written page lists the countries the element lists, named by this very browser.
  for (const each of fixtures) server.page(`/${each.count}/element.html`, elementPage(each));
  const countries = await elementCountries(browser, `${server.origin}/${Math.max(...sizes)}/element.html`);
  for (const each of fixtures) server.page(`/${each.count}/hand-written.html`, handWrittenPage(each, countries));

  for (const each of fixtures) {
    const [a, b] = await Promise.all([pageControls(browser, `${server.origin}/${each.count}/hand-written.html`), pageControls(browser, `${server.origin}/${each.count}/element.html`)]);
    const differ = a.findIndex((control, i) => control !== b[i]);
    if (a.length !== b.length || differ !== -1) throw new Error(`the two pages of ${each.count} fields differ: ${a[differ] ?? '(none)'} vs ${b[differ] ?? '(none)'}`);
  }

  const cases: CaseResult[] = [];
  for (const rate of rates) {
    for (const each of fixtures) {
      const handWritten: LoadResult[] = [];
      const element: LoadResult[] = [];
      for (let i = 0; i < warmup + loads; i++) {
        const a = await coldLoad(browser, `${server.origin}/${each.count}/hand-written.html`, rate, each.errors);
        const b = await coldLoad(browser, `${server.origin}/${each.count}/element.html`, rate, each.errors);
        if (i < warmup) continue;
        handWritten.push(a);
        element.push(b);
      }
      cases.push(caseResult(rate, each.count, handWritten, element));
      process.stdout.write(`  ${rate}× CPU, ${each.count} fields: ${loads} + ${loads} loads done\n`);
    }
  }

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB (${(bytes / 1024).toFixed(1)} KiB)`;
  const chromium = browser.version();
  console.log('\nCold page loads, a = hand-written HTML page, b = <account-request-form> (bundle, config inlined); medians (q1–q3):');
  console.log(tables(cases));
  console.log(`
rendered: navigation start → every control in the DOM, then the task after the next frame (its style, layout and paint done).
submit→errors: click on submit in the empty form → every expected error shown through aria-describedby and the focus on the
  first invalid field, then the task after the next frame. heap: JS heap used after a full GC, once rendered.
main thread: the renderer main thread's CPU time over the same span (CDP TaskDuration, thread ticks), less noisy on a busy machine;
  not at 4× (throttled, that CPU time follows the wall time, about two thirds of it, whatever the page does).`);
  console.log(`${loads} loads of each page per row (+${warmup} warm-up), interleaved a, b, a, b…, each in a fresh browser context; Chromium ${chromium} headless, loopback HTTP, no compression.`);
  const chunks = assets.bundle.staticChunks.length ? ` with the chunks it imports statically (${assets.bundle.staticChunks.join(', ')})` : '';
  console.log(`Form bundle ${assets.bundle.path}${chunks}: ${kb(assets.bundle.min)} min, ${kb(assets.bundle.gzip)} gzip, ${kb(assets.bundle.brotli)} min+brotli.`);
  const loadAfter = load();
  console.log(`Load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after, on ${availableParallelism()} CPUs: a busy machine widens the quartiles.`);

  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  mkdirSync(dirname(out), { recursive: true });
  const report = { date: new Date().toISOString(), commit, chromium, loads, warmup, cpus: availableParallelism(), loadAverage: { before: loadBefore, after: loadAfter }, bundle: assets.bundle, cases };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON: ${out}`);
} finally {
  await browser.close();
  await server.close();
}
