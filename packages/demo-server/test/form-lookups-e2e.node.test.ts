// End-to-end test of issue 14 in the browser: the demo server in its own process with its public
// services pointed at the local fakes, the shop page in Chromium under the demo's CSP. A French
// SIRET typed offers the company, accepted with the keyboard; an address is chosen in the street
// combobox with the keyboard alone; the lookups' chunk comes from the demo's origin, axe finds
// nothing with the offer or the list shown, and the request is stored with what was filled in.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium.js';
import { FAKE_COMPANIES, startFakePublicApis, type FakePublicApis } from '../../../test/test-helpers/fake-public-apis.js';
import { axeViolations, watchErrors, watchPage } from './test-helpers/e2e.js';
import { basicAuth, ensureBuilt, REPO_ROOT, startServer, type RunningServer } from './test-helpers/server.js';

const PASSWORD = 'form-lookups-e2e-password';
const root = mkdtempSync(join(tmpdir(), 'demo-form-lookups-e2e-'));
let browser: Browser;
let fakes: FakePublicApis;
let server: RunningServer;

before(async () => {
  ensureBuilt();
  assert.ok(existsSync(join(REPO_ROOT, 'packages/form/dist/account-request-form.lookups.js')), 'packages/form/dist/account-request-form.lookups.js is missing: run npm run build');
  fakes = await startFakePublicApis();
  browser = await launchChromium();
  server = await startServer({
    dataDir: join(root, 'data'),
    adminPassword: PASSWORD,
    env: { COMPANY_DIRECTORY_URL: fakes.companyUrl, ADDRESS_API_URL: fakes.addressUrl, RATE_LIMIT_MAX: '0' },
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await fakes?.close();
  rmSync(root, { recursive: true, force: true });
});

const axe = (page: Page): Promise<string[]> => axeViolations(page, 'account-request-form');

const value = (page: Page, name: string): Promise<string> => page.locator(`account-request-form [name="${name}"]`).inputValue();

test('a French SIRET prefills the company and an address is chosen by keyboard, under the demo’s CSP', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const { fetched, violations } = await watchPage(page);
  await page.goto(`${server.url}/?lang=en`);
  const form = page.locator('account-request-form');
  const street = form.locator('[name="street"]');
  // The server has both lookups on: the street field is a combobox once the chunk arrived.
  await page.waitForFunction(() => document.querySelector('account-request-form')?.shadowRoot?.querySelector('[name="street"]')?.getAttribute('role') === 'combobox');

  // The SIRET, typed: the company is offered, accepted with the keyboard.
  await form.locator('[name="siret"]').pressSequentially(FAKE_COMPANIES.open.siret);
  const offer = form.locator('[part~="lookup"]');
  await offer.getByText('COMPTOIR DUVAL').waitFor();
  assert.equal(await offer.getAttribute('aria-live'), 'polite');
  assert.deepEqual(await axe(page), [], 'axe with the offer shown');
  await form.locator('[part~="lookup-accept"]').focus();
  await page.keyboard.press('Enter');
  await offer.getByText('fields were filled in').waitFor();
  assert.equal(await value(page, 'companyName'), 'COMPTOIR DUVAL');
  assert.equal(await value(page, 'street'), '12 RUE DE LA PAIX');
  assert.equal(await value(page, 'city'), 'PARIS');
  // The VAT number derived from the SIREN, taken with its button.
  await form.locator('[part~="vat-accept"]').click();
  assert.equal(await value(page, 'vatNumber'), 'FR44732829320');

  // Another address, chosen by keyboard alone in the street combobox.
  await street.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await street.pressSequentially('8 boulevard du port');
  await page.waitForFunction(() => document.querySelector('account-request-form')?.shadowRoot?.querySelector('[name="street"]')?.getAttribute('aria-expanded') === 'true');
  assert.equal(await form.locator('[role="option"]').count(), 2);
  assert.deepEqual(await axe(page), [], 'axe with the list open');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await street.getAttribute('aria-activedescendant');
  assert.equal(await form.locator(`#${active}`).textContent().then((text) => text?.trim()), '8 Boulevard du Port 95000 Cergy');
  await page.keyboard.press('Enter');
  assert.equal(await value(page, 'street'), '8 Boulevard du Port');
  assert.equal(await value(page, 'postalCode'), '95000');
  assert.equal(await value(page, 'city'), 'Cergy');
  assert.equal(await street.getAttribute('aria-expanded'), 'false');

  // The rest typed, the request sent and stored with what the lookups filled in.
  for (const [name, text] of Object.entries({ lastName: 'Duval', email: 'marc@duval.example', phone: '01 42 00 11 22' })) await form.locator(`[name="${name}"]`).fill(text);
  await form.locator('[name="confirmed"]').check();
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/account-requests') && response.request().method() === 'POST');
  await form.locator('[part~="submit"]').click();
  assert.equal((await posted).status(), 201);
  await form.locator('[part~="confirmation"]').waitFor();
  const list = (await (await fetch(`${server.url}/api/account-requests`, { headers: { Authorization: basicAuth(PASSWORD) } })).json()) as { values: Record<string, unknown> }[];
  assert.deepEqual(
    [list[0]?.values['companyName'], list[0]?.values['siret'], list[0]?.values['vatNumber'], list[0]?.values['street'], list[0]?.values['postalCode'], list[0]?.values['city']],
    ['COMPTOIR DUVAL', FAKE_COMPANIES.open.siret, 'FR44732829320', '8 Boulevard du Port', '95000', 'Cergy'],
  );

  // Everything from the demo's origin; the services got the SIRET and the typed street only.
  assert.ok(fetched.includes('/assets/account-request-form.lookups.js'));
  assert.ok(fetched.includes('/api/account-requests/lookup/company'));
  assert.ok(fetched.every((path) => !path.startsWith('/company') && !path.startsWith('/address')), 'the page never calls the services itself');
  assert.deepEqual(fakes.requests.filter((request) => request.service === 'company').map((request) => request.url), [`/company/search?q=${FAKE_COMPANIES.open.siret}`]);
  assert.ok(fakes.requests.filter((request) => request.service === 'address').every((request) => /^\/address\/search\/\?q=8(\+|%20)boulevard(\+|%20)du(\+|%20)port&limit=5$/.test(request.url)), JSON.stringify(fakes.requests));
  assert.deepEqual(await violations(), [], 'CSP refusals');
  assert.deepEqual(errors, []);
  await context.close();
});
