// The React example: type-checked, built with vite, then the built page run in Chromium to
// prove the properties set through refs and the events React listens to really connect.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { startExampleServer, type ExampleServer } from '../serve.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = `${here}dist`;

describe('examples/react', () => {
  before(() => {
    // The Node running this test (24, from the `node` devDependency), not the system one.
    execFileSync(process.execPath, [`${repo}node_modules/typescript/bin/tsc`, '-p', `${here}tsconfig.json`], { stdio: 'inherit' });
    execFileSync(process.execPath, [`${repo}node_modules/vite/bin/vite.js`, 'build'], { cwd: here, stdio: 'inherit' });
  });

  it('builds an index.html and a script that registers and uses both elements', () => {
    assert.ok(existsSync(`${dist}/index.html`));
    // One entry script; the languages beyond fr and en, and the parts only some configs need (steps,
    // uploads, lookups, bot check, the editor's drag and drop), are chunks vite split off, fetched on demand.
    const all = readdirSync(`${dist}/assets`).filter((file) => file.endsWith('.js'));
    const chunks = all.filter((file) => /^(editor-)?(de|es|it|nl|pt)-[\w-]+\.js$/.test(file));
    assert.equal(chunks.length, 10);
    // The shared words of each language (field labels), which both elements' chunks of it import.
    const shared = all.filter((file) => /^core-[\w-]+\.js$/.test(file));
    assert.equal(shared.length, 5);
    const parts = all.filter((file) => /^(steps|uploads|lookups|bot-check|sortable)[\w.-]*\.js$/.test(file));
    const scripts = all.filter((file) => !chunks.includes(file) && !shared.includes(file) && !parts.includes(file));
    assert.equal(scripts.length, 1);
    const code = readFileSync(`${dist}/assets/${scripts[0]}`, 'utf8');
    for (const name of ['account-request-form', 'form-field-config', 'field-config-change', 'account-request-success']) {
      assert.ok(code.includes(name), `the bundle references ${name}`);
    }
    assert.match(readFileSync(`${dist}/index.html`, 'utf8'), new RegExp(`src="/assets/${scripts[0]}"`));
  });

  describe('the built page in Chromium', () => {
    let server: ExampleServer;
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    before(async () => {
      server = await startExampleServer({ root: dist });
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.url}/`);
      await page.locator('account-request-form [name="companyName"]').waitFor();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('hands the config to the form through its .config property (fax shown and required)', async () => {
      const fax = page.locator('account-request-form [name="fax"]');
      await fax.waitFor();
      assert.equal(await fax.evaluate((input) => (input as HTMLInputElement).required), true);
    });

    it('follows editor edits: field-config-change reaches React, which updates the form', async () => {
      const inner = await page.evaluate(() => ['ffc-field-rows', 'ffc-settings', 'ffc-custom-fields'].filter((tag) => !customElements.get(tag)));
      // A bundler drops modules that package.json's `sideEffects` does not list, defines included.
      assert.deepEqual(inner, [], "the editor's inner elements were tree-shaken away: packages/field-config's sideEffects must list the modules that define them");
      const row = page.locator('form-field-config [data-field-id="website"]');
      await row.locator('input[name="displayed"]').check();
      await page.locator('account-request-form [name="website"]').waitFor();
      await page.locator('#editor-summary', { hasText: '15 champs affichés · modifications non enregistrées' }).waitFor();
      assert.deepEqual(problems, []);
    });
  });
});
