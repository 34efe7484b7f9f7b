// The browser half in real Chromium: config loaded by the client, rules checked in the page
// by validateSubmission before anything is sent, then a valid request created on the server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { startVanillaServer, type VanillaServer } from './server.js';

describe('examples/vanilla-sdk in Chromium', () => {
  let server: VanillaServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    server = await startVanillaServer();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${server.url}/`);
    await page.locator('form[data-ready="true"]').waitFor();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders a labelled native control for each displayed field, in config order', async () => {
    const names = await page.locator('#fields [name]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('name')));
    assert.deepEqual(names, ['companyName', 'siret', 'lastName', 'email', 'phone', 'postalCode', 'city', 'country', 'newsletter']);
    assert.equal(await page.getByLabel('Raison sociale').count(), 1);
    assert.equal(await page.locator('#send').textContent(), 'Envoyer la demande');
  });

  it('shows the SDK errors in French, focuses the first invalid field, and sends nothing', async () => {
    await page.getByLabel('Raison sociale').fill('Atelier Durand SAS');
    await page.getByLabel('SIRET').fill('73282932000075');
    await page.locator('#send').click();
    await page.locator('#f-siret[aria-invalid="true"]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-siret');
    assert.match((await page.locator('#f-siret-error').textContent()) ?? '', /\S/);
    assert.equal(await page.locator('#f-companyName').getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#confirmed').getAttribute('aria-invalid'), 'true');
    assert.equal((await server.store.list()).length, 0);
  });

  it('submits a valid request through the client and shows the confirmation', async () => {
    await page.getByLabel('SIRET').fill('732 829 320 00074');
    await page.locator('#f-lastName').fill('Durand');
    await page.locator('#f-email').fill('paul.durand@example.fr');
    await page.locator('#f-postalCode').fill('33000');
    await page.locator('#f-city').fill('Bordeaux');
    await page.locator('#confirmed').check();
    await page.locator('#send').click();
    await page.locator('form[hidden]').waitFor({ state: 'attached' });
    assert.match((await page.locator('#status').textContent()) ?? '', /demande/i);
    const [stored] = await server.store.list();
    assert.equal(stored?.values['siret'], '73282932000074');
    assert.equal(stored?.values['newsletter'], false);
    assert.deepEqual(problems, []);
  });
});
