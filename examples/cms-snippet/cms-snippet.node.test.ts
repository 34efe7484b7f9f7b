// The CMS snippet in real Chromium: the page loads the single-file bundle under a strict CSP,
// reads its inline JSON config, and a visitor's submission reaches the handler.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseConfig } from '@account-request/sdk';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { inlineConfigOf, startExampleServer, type ExampleServer } from '../serve.js';

const bundle = new URL('../../packages/form/dist/account-request-form.bundle.js', import.meta.url);
const page = readFileSync(new URL('index.html', import.meta.url), 'utf8');

describe('examples/cms-snippet', () => {
  it('keeps the embed to one module script plus one JSON data block, and no inline style', () => {
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]?.trim());
    assert.deepEqual(scripts, ['type="module" src="../../packages/form/dist/account-request-form.bundle.js"', 'type="application/json"']);
    assert.doesNotMatch(page, /<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('inlines a config that parses without error', () => {
    const config = parseConfig(inlineConfigOf(page));
    const shown = config.fields.filter((field) => field.displayed).map((field) => field.id);
    assert.deepEqual(shown.slice(0, 3), ['companyName', 'siret', 'sector']);
    assert.equal(config.settings.unvalidatedAccounts, 'block-purchase');
  });

  describe('in Chromium', () => {
    let server: ExampleServer;
    let browser: Browser;
    let tab: Page;
    const problems: string[] = [];

    before(async () => {
      assert.ok(existsSync(bundle), 'Build first (npm run build): the page loads packages/form/dist/account-request-form.bundle.js');
      // The server validates with its own copy of the config: the same JSON as the page's.
      server = await startExampleServer({ initialConfig: inlineConfigOf(page) });
      browser = await launchChromium();
      tab = await browser.newPage();
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await tab.goto(`${server.url}/examples/cms-snippet/`);
      await tab.locator('account-request-form [name="companyName"]').waitFor();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('renders the inline config in French, the custom field included, with no CSP violation', async () => {
      const names = await tab.locator('account-request-form input, account-request-form select, account-request-form textarea').evaluateAll((inputs) =>
        inputs.map((input) => input.getAttribute('name')).filter((name) => name !== null),
      );
      for (const id of ['companyName', 'siret', 'sector', 'lastName', 'email', 'phone', 'postalCode', 'city', 'country']) {
        assert.ok(names.includes(id), `${id} is rendered`);
      }
      assert.ok(!names.includes('fax'), 'fields the config hides are not rendered');
      assert.equal(await tab.getByLabel("Secteur d'activité").count(), 1);
      assert.deepEqual(problems, []);
    });

    it('blocks an empty submission in the browser and sends nothing', async () => {
      await tab.locator('account-request-form [part~="submit"]').click();
      await tab.waitForFunction(() => document.querySelector('account-request-form')?.shadowRoot?.querySelector('[aria-invalid="true"]'));
      assert.equal((await server.store.list()).length, 0);
    });

    it('sends a complete request to the action URL and shows the confirmation', async () => {
      const form = tab.locator('account-request-form');
      await form.locator('[name="companyName"]').fill('Boulangerie Martin SARL');
      await form.locator('[name="sector"]').selectOption('retail');
      await form.locator('[name="lastName"]').fill('Martin');
      await form.locator('[name="email"]').fill('claire.martin@example.fr');
      await form.locator('[name="phone"]').fill('04 72 00 00 00');
      await form.locator('[name="street"]').fill('12 rue des Lilas');
      await form.locator('[name="postalCode"]').fill('69003');
      await form.locator('[name="city"]').fill('Lyon');
      await form.locator('[part~="confirm"] input[type="checkbox"], input[type="checkbox"][part~="confirm"]').first().check();
      await form.locator('[part~="submit"]').click();
      await form.locator('[part~="confirmation"]', { hasText: 'Merci ! Nous étudions votre demande.' }).waitFor({ timeout: 10_000 });
      const [stored] = await server.store.list();
      assert.equal(stored?.values['companyName'], 'Boulangerie Martin SARL');
      assert.equal(stored?.values['sector'], 'retail');
      assert.equal(stored?.access, 'browse-only');
      assert.deepEqual(problems, []);
    });
  });
});
