// End-to-end test of issue 5: the real demo server (a child process, as `npm start` runs it) on
// a free port with a temporary DATA_DIR, driven in the system's headless Chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { fillAndSubmit, useDemoE2E, watchErrors } from './test-helpers/e2e.js';
import { basicAuth, startServer } from './test-helpers/server.js';

const PASSWORD = 'e2e-admin-password';
const AUTH = { Authorization: basicAuth(PASSWORD) };

const e2e = useDemoE2E({ tmpPrefix: 'demo-e2e-', adminPassword: PASSWORD, startBefore: false });

const fieldOrder = (page: Page, selector: string, attribute: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((nodes, name) => nodes.map((node) => node.getAttribute(name) ?? ''), attribute);

interface StoredRequest {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

async function listRequests(url: string): Promise<StoredRequest[]> {
  const response = await fetch(`${url}/api/account-requests`, { headers: AUTH });
  assert.equal(response.status, 200);
  return (await response.json()) as StoredRequest[];
}

test('the browser reuses the credentials given on /admin/ for the admin API: one Basic challenge', { timeout: 60_000 }, async () => {
  const ownDir = mkdtempSync(join(tmpdir(), 'demo-e2e-realm-'));
  const own = await startServer({ dataDir: ownDir, adminPassword: PASSWORD });
  // No httpCredentials here: Chromium itself answers with its cached credentials, as for a person
  // who typed them once in the browser's dialog. CDP stands in for that dialog and counts its uses.
  const context = await e2e.browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const challenged: string[] = [];
    cdp.on('Fetch.requestPaused', (event) => void cdp.send('Fetch.continueRequest', { requestId: event.requestId }));
    cdp.on('Fetch.authRequired', (event) => {
      challenged.push(`${event.request.method} ${new URL(event.request.url).pathname}`);
      void cdp.send('Fetch.continueWithAuth', {
        requestId: event.requestId,
        authChallengeResponse: { response: 'ProvideCredentials', username: 'admin', password: PASSWORD },
      });
    });
    await cdp.send('Fetch.enable', { handleAuthRequests: true, patterns: [{ urlPattern: '*' }] });
    await page.goto(`${own.url}/admin/`);
    await page.locator('form-field-config tr[data-field-id="mobile"] input[name="displayed"]').check();
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/account-requests/config') && response.request().method() === 'PUT');
    await page.locator('form-field-config [part~="save"]').click();
    assert.equal((await saved).status(), 200);
    assert.deepEqual(challenged, ['GET /admin/']);
  } finally {
    await context.close();
    await own.stop();
    rmSync(ownDir, { recursive: true, force: true });
  }
});

test('an admin edits the form, a person submits it, and the request outlives a restart', { timeout: 180_000 }, async () => {
  let server = await e2e.start();
  const url = server.url;

  // The admin: fax required, city one place up, save.
  const admin = await e2e.browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD }, locale: 'fr-FR' });
  const adminPage = await admin.newPage();
  const adminErrors = watchErrors(adminPage);
  await adminPage.goto(`${url}/admin/`);
  const row = (id: string): string => `form-field-config tr[data-field-id="${id}"]`;
  await adminPage.locator(row('fax')).waitFor();

  const rowsBefore = await fieldOrder(adminPage, 'form-field-config tr[data-field-id]', 'data-field-id');
  const cityBefore = rowsBefore.indexOf('city');
  assert.ok(cityBefore > 0, 'city is listed and not first');
  const aboveCity = rowsBefore[cityBefore - 1]!;

  await adminPage.locator(`${row('fax')} input[name="required"]`).check();
  assert.equal(await adminPage.locator(`${row('fax')} input[name="displayed"]`).isChecked(), true, 'required checks displayed');

  const handle = adminPage.locator(`${row('city')} [part~="handle"]`);
  await handle.focus();
  await adminPage.keyboard.press('ArrowUp');
  const rowsAfter = await fieldOrder(adminPage, 'form-field-config tr[data-field-id]', 'data-field-id');
  assert.equal(rowsAfter.indexOf('city'), cityBefore - 1);
  assert.equal(rowsAfter.indexOf(aboveCity), cityBefore);
  assert.equal(await adminPage.locator(`${row('city')} [part~="handle"]`).evaluate((node) => node.matches(':focus')), true, 'focus stays on the handle');

  const saved = adminPage.waitForResponse((response) => response.url().endsWith('/api/account-requests/config') && response.request().method() === 'PUT');
  await adminPage.locator('form-field-config [part~="save"]').click();
  assert.equal((await saved).status(), 200);
  assert.deepEqual(adminErrors, []);
  await admin.close();

  // A visitor on the public page sees the new form and submits it.
  const visitor = await e2e.browser.newContext({ locale: 'fr-FR' });
  const page = await visitor.newPage();
  const pageErrors = watchErrors(page);
  await page.goto(`${url}/`);
  const input = (name: string): string => `account-request-form [name="${name}"]`;
  await page.locator(input('fax')).waitFor();
  assert.equal(await page.locator(input('fax')).getAttribute('required'), '', 'fax is required');
  const controls = (await fieldOrder(page, 'account-request-form input, account-request-form select, account-request-form textarea', 'name')).filter(
    (name) => name !== '' && name !== 'confirmed',
  );
  assert.ok(controls.indexOf('city') >= 0 && controls.indexOf('city') < controls.indexOf(aboveCity), `city comes before ${aboveCity}: ${controls.join(', ')}`);

  const values: Record<string, string> = {
    companyName: 'Papeterie Lemoine SARL',
    lastName: 'Lemoine',
    email: 'claire.lemoine@papeterie-lemoine.example',
    phone: '04 72 00 11 22',
    fax: '04 72 00 11 23',
    street: '8 quai Saint-Antoine',
    postalCode: '69002',
    city: 'Lyon',
  };
  const response = await fillAndSubmit(page, values);
  assert.equal(response.status(), 201, await response.text());
  const created = (await response.json()) as { id: string };
  await page.locator('account-request-form [part~="confirmation"]').getByText('Merci').waitFor();
  assert.deepEqual(pageErrors, []);
  await visitor.close();

  // The admin API lists it.
  const listed = await listRequests(url);
  assert.deepEqual(listed.map((request) => request.id), [created.id]);
  assert.equal(listed[0]!.values['fax'], values['fax']);
  assert.equal(listed[0]!.values['companyName'], values['companyName']);
  assert.ok((await (await fetch(`${url}/admin/`, { headers: AUTH })).text()).includes(`<td>${values['companyName']}</td>`), 'the admin page lists it');

  // Stopped with SIGTERM (as Ctrl+C would), started again on the same DATA_DIR: still there.
  const exit = await server.stop();
  assert.equal(exit, 0, 'the server stops cleanly');
  server = await e2e.start();
  const afterRestart = await listRequests(server.url);
  assert.deepEqual(afterRestart, listed);
  const config = (await (await fetch(`${server.url}/api/account-requests/config`)).json()) as { fields: { id: string; required: boolean }[] };
  const ids = config.fields.map((field) => field.id);
  assert.equal(config.fields.find((field) => field.id === 'fax')?.required, true);
  assert.equal(ids.indexOf('city'), ids.indexOf(aboveCity) - 1);
});
