// The demo server as `npm start` runs it (child process, loopback, temp DATA_DIR), checked from
// outside: security headers on its pages, both pages running under them in Chromium with no CSP
// violation, and the per-address submission rate limit that is on by default.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { fillAndSubmit, useDemoE2E, watchErrors } from '../../packages/demo-server/test/test-helpers/e2e.js';
import { basicAuth } from '../../packages/demo-server/test/test-helpers/server.js';

const PASSWORD = 'security-e2e-password';
const AUTH = basicAuth(PASSWORD);

// No RATE_LIMIT_* variables: the demo's defaults, as a person running `npm start` gets them.
const e2e = useDemoE2E({ tmpPrefix: 'security-e2e-', adminPassword: PASSWORD, startBefore: true });

/** The directives of a CSP header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!.toLowerCase(), values]));
}

function assertPageHeaders(response: Response, path: string): void {
  const csp = response.headers.get('Content-Security-Policy') ?? '';
  const policy = directives(csp);
  assert.ok(csp, `${path}: a CSP`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/, `${path}: ${csp}`);
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  assert.deepEqual(scripts, ["'self'"], `${path}: scripts from this origin only`);
  assert.deepEqual(policy.get('style-src') ?? policy.get('default-src'), ["'self'"], `${path}: styles from this origin only`);
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${path}: never framed`);
  assert.deepEqual(policy.get('object-src'), ["'none'"], `${path}: no plugins`);
  assert.ok(policy.has('base-uri'), `${path}: base-uri`);
  assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', path);
  assert.match(response.headers.get('Referrer-Policy') ?? '', /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/, path);
}

describe('security headers', () => {
  test('/, /admin/ and a 404 page carry a strict CSP (no unsafe-inline / unsafe-eval, frame-ancestors none), nosniff and a Referrer-Policy', async () => {
    for (const [path, headers] of [['/', {}], ['/?lang=en', {}], ['/admin/', { Authorization: AUTH }], ['/nowhere', {}]] as const) {
      const response = await fetch(`${e2e.server.url}${path}`, { headers });
      assert.match(response.headers.get('Content-Type') ?? '', /^text\/html/, path);
      assertPageHeaders(response, path);
    }
  });

  test('API answers and assets carry nosniff; the API is never HTML', async () => {
    for (const path of ['/api/account-requests/config', '/assets/account-request-form.bundle.js', '/assets/form-field-config.bundle.js']) {
      const response = await fetch(`${e2e.server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff', path);
      assert.doesNotMatch(response.headers.get('Content-Type') ?? '', /html/, path);
    }
  });
});

/** Collects CSP violations (and script errors) from the first script on: CDP-injected init scripts are not subject to the page's CSP. */
async function watch(page: Page): Promise<{ errors: string[]; violations: () => Promise<string[]> }> {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`), true);
  });
  return { errors, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

/** Proves the policy is enforced on this page: an inline script is refused and reported. */
async function assertInlineScriptBlocked(page: Page, violations: () => Promise<string[]>): Promise<void> {
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    // The pages enforce Trusted Types too: the text goes through a policy, so that it is script-src
    // that must refuse the inline script.
    const types = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createScript(text: string): string }): { createScript(text: string): string } } }).trustedTypes;
    const text = 'window.__inlineRan = true;';
    script.textContent = types ? types.createPolicy('csp-canary', { createScript: String }).createScript(text) : text;
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  assert.equal(ran, false, 'an inline script ran');
  assert.ok((await violations()).some((line) => line.startsWith('script-src')), 'the refused inline script was reported');
}

describe('the pages run under their CSP in Chromium', () => {
  test('/ renders the form with no violation, and submits', { timeout: 60_000 }, async () => {
    const context = await e2e.browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const { errors, violations } = await watch(page);
      await page.goto(`${e2e.server.url}/`);
      await page.locator('account-request-form [name="email"]').waitFor();
      assert.ok((await page.locator('account-request-form input').count()) > 8, 'the form rendered its fields');
      const values: Record<string, string> = { companyName: 'Quincaillerie Morel', lastName: 'Morel', email: 'paul.morel@morel.example', phone: '02 40 00 00 00', street: '4 rue Kervégan', postalCode: '44000', city: 'Nantes' };
      assert.equal((await fillAndSubmit(page, values)).status(), 201);
      await page.locator('account-request-form [part~="confirmation"]').waitFor();
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
      await assertInlineScriptBlocked(page, violations);
    } finally {
      await context.close();
    }
  });

  test('/admin/ renders the editor and its preview with no violation', { timeout: 60_000 }, async () => {
    const context = await e2e.browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD }, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const { errors, violations } = await watch(page);
      await page.goto(`${e2e.server.url}/admin/`);
      await page.locator('form-field-config tr[data-field-id="fax"]').waitFor();
      // The 25 catalog fields (customerType included, hidden by default) on their rows.
      assert.equal(await page.locator('form-field-config tr[data-field-id]').count(), 25);
      // Drag handles, checkboxes and the preview's form: every part that styles itself.
      await page.locator('form-field-config tr[data-field-id="fax"] input[name="displayed"]').check();
      await page.locator('form-field-config account-request-form [name="fax"]').waitFor();
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
      await assertInlineScriptBlocked(page, violations);
    } finally {
      await context.close();
    }
  });
});

/** A JSON POST from a given local address (the loopback net is a /8: 127.0.0.2 reaches 127.0.0.1). */
function submitFrom(localAddress: string, key: string, extra: Record<string, string> = {}): Promise<{ status: number; retryAfter: string | undefined }> {
  const url = new URL(`${e2e.server.url}/api/account-requests`);
  const body = JSON.stringify({ values: { companyName: 'Acme', email: 'jane@acme.example', lastName: 'Martin', phone: '01 23 45 67 89', street: '1 rue', postalCode: '75002', city: 'Paris', country: 'FR' }, confirmed: true, locale: 'fr' });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body), ...extra } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('rate limiting (on by default in the demo)', () => {
  test('past the default 20 submissions per address: 429 with Retry-After; another address is not affected; X-Forwarded-For is not trusted', async () => {
    // 127.0.0.3: an address no other test used, so its budget is whole.
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await submitFrom('127.0.0.3', `rate-a-${i}`)).status);
    assert.deepEqual(statuses, new Array(20).fill(201));
    const limited = await submitFrom('127.0.0.3', 'rate-a-21');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.retryAfter) > 0 && Number(limited.retryAfter) <= 600, `Retry-After ${limited.retryAfter}`);
    // A forged X-Forwarded-For does not buy a new budget (the demo does not sit behind a proxy).
    assert.equal((await submitFrom('127.0.0.3', 'rate-a-22', { 'X-Forwarded-For': '198.51.100.1' })).status, 429);
    assert.equal((await submitFrom('127.0.0.4', 'rate-b-1')).status, 201, 'another address has its own budget');
  });
});
