/**
 * Runs `work` once the browser is idle, at the latest after `timeout` ms: work the first screen
 * does not need stays out of the first render. Safari has no requestIdleCallback: the next task.
 */
export function whenIdle(work: () => void, timeout = 1000): void {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(() => work(), { timeout });
  else setTimeout(work);
}
