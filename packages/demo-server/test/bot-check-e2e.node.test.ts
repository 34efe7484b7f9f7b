// End-to-end test of issue 16's bot check: the demo server in its own process with
// ALTCHA_HMAC_KEY, the config switching the check on, the shop page in Chromium under the demo's
// own CSP. The widget's chunk, worker and style sheet load from the demo's origin; the challenge
// is solved with no action from the person, in the page's language; axe finds nothing; the
// submission carries the solution and is accepted. With the setting off the chunk is never fetched.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.js';
import { BOT_CHECK_ASSETS } from '../../../scripts/lib/bot-check-assets.js';
import { axeViolations, fillAndSubmit, watchErrors, watchPage } from './test-helpers/e2e.js';
import { basicAuth, ensureBuilt, REPO_ROOT, startServer, type RunningServer } from './test-helpers/server.js';

const PASSWORD = 'bot-check-e2e-password';
const root = mkdtempSync(join(tmpdir(), 'demo-bot-check-e2e-'));
let browser: Browser;
let server: RunningServer;

before(async () => {
  ensureBuilt();
  const dist = join(REPO_ROOT, 'packages/form/dist');
  for (const file of ['account-request-form.bot-check.js', ...BOT_CHECK_ASSETS.map(([, name]) => name)]) {
    assert.ok(existsSync(join(dist, file)), `packages/form/dist/${file} is missing: run npm run build`);
  }
  browser = await launchChromium();
  server = await startServer({ dataDir: join(root, 'data'), adminPassword: PASSWORD, env: { ALTCHA_HMAC_KEY: 'an-e2e-hmac-key-with-more-than-32-characters', RATE_LIMIT_MAX: '0' } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function setBotCheck(on: boolean): Promise<void> {
  const url = `${server.url}/api/account-requests/config`;
  const current = await fetch(url);
  const config = (await current.json()) as { settings: Record<string, unknown> };
  const saved = await fetch(url, {
    method: 'PUT',
    headers: { Authorization: basicAuth(PASSWORD), 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' },
    body: JSON.stringify({ ...config, settings: { ...config.settings, botCheck: on } }),
  });
  assert.equal(saved.status, 200, await saved.text());
}

/** Opens the shop page, recording CSP refusals (the page's own CSP applies) and the URLs it fetches. */
async function openShop(lang: string): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]>; fetched: string[] }> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { fetched, violations } = await watchPage(page);
  const response = await page.goto(`${server.url}/?lang=${lang}`);
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('account-request-form [name="companyName"]').waitFor();
  return { page, errors, fetched, violations };
}

const VALUES = { companyName: 'Quincaillerie Morel', lastName: 'Morel', email: 'achats@morel.example', phone: '04 78 00 12 34', street: '2 rue Mercière', postalCode: '69002', city: 'Lyon' };

test('the form solves the bot check by itself under the demo’s CSP, in its language, axe clean, and its submission is accepted', { timeout: 180_000 }, async () => {
  await setBotCheck(true);
  const { page, errors, violations, fetched } = await openShop('de');
  const widget = page.locator('account-request-form altcha-widget');
  // No click: the challenge is fetched and solved as soon as the widget shows.
  await widget.getByText('Roboterprüfung abgeschlossen').waitFor({ timeout: 60_000 });
  assert.equal(await widget.evaluate((element) => (element as unknown as { getState(): string }).getState()), 'verified');
  for (const file of ['/assets/account-request-form.bot-check.js', '/assets/account-request-form.altcha.css', '/assets/account-request-form.altcha-worker.js', '/api/account-requests/challenge']) {
    assert.ok(fetched.includes(file), `${file} was fetched from the demo's origin`);
  }
  assert.ok(fetched.every((path) => !path.includes('altcha.org')));
  // The widget's sheet sizes its checkbox with variables it sets on :root, which the form's
  // shadow root has none of: it was a 0x0 box with no focus ring there.
  const box = await widget.getByRole('checkbox').boundingBox();
  assert.ok(box && box.width >= 12 && box.height >= 12, `the checkbox is seen: ${JSON.stringify(box)}`);

  assert.deepEqual(await axeViolations(page, 'account-request-form'), [], 'axe violations in the form with its bot check');

  const posted = await fillAndSubmit(page, VALUES);
  assert.equal(posted.status(), 201, await posted.text());
  assert.match(posted.request().headers()['altcha-payload'] ?? '', /^[A-Za-z0-9+/=]{40,}$/);
  await page.locator('account-request-form [part~="confirmation"]').waitFor();
  assert.deepEqual(await violations(), [], 'CSP refusals');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a refused solution: the form says so in its language, the widget solves a new one, and the retry is accepted', { timeout: 180_000 }, async () => {
  await setBotCheck(true);
  const { page, errors, violations } = await openShop('fr');
  const widget = page.locator('account-request-form altcha-widget');
  await widget.getByText('Vérification anti-robot faite').waitFor({ timeout: 60_000 });
  // The first post carries a damaged solution, as a replayed or forged one would be.
  let damaged = false;
  await page.route('**/api/account-requests', async (route) => {
    if (damaged || route.request().method() !== 'POST') return route.continue();
    damaged = true;
    return route.continue({ headers: { ...route.request().headers(), 'altcha-payload': 'eyJ4IjoxfQ==' } });
  });
  const refused = await fillAndSubmit(page, { ...VALUES, email: 'refus@morel.example' });
  assert.equal(refused.status(), 403);
  const status = page.locator('account-request-form [part~="status"]');
  await status.getByText('La vérification anti-robot doit être refaite').waitFor();
  await widget.getByText('Vérification anti-robot faite').waitFor({ timeout: 60_000 });
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/account-requests') && response.request().method() === 'POST');
  await page.locator('account-request-form [part~="retry"]').click();
  assert.equal((await posted).status(), 201);
  await page.locator('account-request-form [part~="confirmation"]').waitFor();
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors.filter((error) => !error.includes('403')), []);
  await page.context().close();
});

test('without the setting the widget’s chunk is never fetched, and a submission needs no solution', { timeout: 120_000 }, async () => {
  await setBotCheck(false);
  const { page, errors, fetched } = await openShop('en');
  const posted = await fillAndSubmit(page, { ...VALUES, email: 'autre@morel.example' });
  assert.equal(posted.status(), 201);
  assert.equal(posted.request().headers()['altcha-payload'], undefined);
  assert.ok(!fetched.some((path) => path.includes('bot-check') || path.includes('altcha') || path.endsWith('/challenge')), fetched.join(' '));
  assert.deepEqual(errors, []);
  await page.context().close();
});
