// One cold load of the page-load bench: a fresh browser context (no cache, no storage), the CPU
// throttled through CDP before navigating, then the probe's figures, the JS heap after a full
// GC, and the empty submit. Any page error, or an empty submit that does not show exactly the
// expected errors with the focus on the first, fails the run.
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { FieldError } from '../../../sdk/src/index.js';
import type { CountryOption } from './pages.js';

/** What one load measured. */
export interface LoadResult {
  /** ms from navigation start to every control painted (probe's `bench:rendered` mark). */
  readonly rendered: number;
  /**
   * ms of main-thread CPU time (CDP `TaskDuration`, thread ticks) from navigation start until
   * rendered: the busy share of `rendered`. NaN when the CPU is throttled: then that CPU time
   * follows the wall time (about two thirds of it, whatever the page does) and tells nothing.
   */
  readonly mainThread: number;
  /** ms from navigation start to every control in the DOM (`bench:controls`). */
  readonly controls: number;
  /** ms from navigation start to the last byte of the HTML. */
  readonly responseEnd: number;
  /** Bytes of JS heap in use after a full GC (CDP `Runtime.getHeapUsage`), once rendered. */
  readonly heap: number;
  /** ms from the click on submit in the empty form to every error painted. */
  readonly submit: number;
  /** ms from that click to every error in the DOM and the focus on the first invalid field, before the frame. */
  readonly submitShown: number;
  /** ms of main-thread CPU time the empty submit took; NaN when the CPU is throttled. */
  readonly submitMainThread: number;
}

/** Runs `use` on a page of a fresh context, CPU throttled `rate` times, then closes the context. */
async function inFreshContext<T>(browser: Browser, rate: number, use: (page: Page, cdp: CDPSession) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    // Thread ticks: the renderer's main-thread CPU time, which a busy machine inflates less than wall time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const result = await use(page, cdp);
    if (failures.length > 0) throw new Error(`${page.url()}: ${failures.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Main-thread time the page's renderer has spent in tasks so far, in ms. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('CDP Performance.getMetrics reported no TaskDuration');
  return task.value * 1000;
}

export function coldLoad(browser: Browser, url: string, rate: number, errors: readonly FieldError[]): Promise<LoadResult> {
  return inFreshContext(browser, rate, async (page, cdp) => {
    await page.goto(url, { waitUntil: 'load' });
    const timing = await page.evaluate(() => window.benchRendered);
    const throttled = rate !== 1;
    const mainThread = throttled ? Number.NaN : await taskMs(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const beforeSubmit = await taskMs(cdp);
    const submit = await page.evaluate((expected) => window.benchSubmit(expected), errors);
    if (!submit.ok) throw new Error(`${url}: empty submit: ${submit.problem}`);
    const submitMainThread = throttled ? Number.NaN : (await taskMs(cdp)) - beforeSubmit;
    return { ...timing, mainThread, heap: usedSize, submit: submit.painted, submitShown: submit.shown, submitMainThread };
  });
}

/** The country list of the element's select, in this browser's names and order. */
export function elementCountries(browser: Browser, url: string): Promise<CountryOption[]> {
  return inFreshContext(browser, 1, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => window.benchRendered);
    return page.evaluate(() => {
      const select = document.querySelector('account-request-form')?.shadowRoot?.querySelector<HTMLSelectElement>('select[name="country"]');
      return [...(select?.options ?? [])].filter((option) => option.value !== '').map((option) => ({ value: option.value, label: option.text }));
    });
  });
}

/** Every control of the page (name, kind, required, autocomplete, option count), to check both pages hold the same form. */
export function pageControls(browser: Browser, url: string): Promise<string[]> {
  return inFreshContext(browser, 1, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    const controls = await page.evaluate(() => window.benchControls());
    return controls.map((control) => JSON.stringify(control));
  });
}
