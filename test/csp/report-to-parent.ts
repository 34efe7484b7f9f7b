// What both CSP pages end with: the violations seen while they ran, then a canary that must be
// refused, posted to the parent test. Reads the list account-request-form-violations.ts keeps.

/** Posts `results`, the violations so far and the canary's to the parent test. */
export async function reportToParent(results: Record<string, unknown>): Promise<void> {
  // Violation reports are queued as tasks: let them arrive before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const clean = [...window.cspViolations];
  // Canary: an inline style attribute must be blocked, proving the policy is really in force.
  document.body.setAttribute('style', 'color: red');
  await new Promise((resolve) => setTimeout(resolve, 50));
  parent.postMessage({ type: 'csp-report', results, violations: clean, canary: window.cspViolations.slice(clean.length) }, location.origin);
}
