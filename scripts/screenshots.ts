// `npm run screenshots`: docs/images/form.png and docs/images/editor.png (and those of adaptive
// forms: scripts/lib/adaptive-screenshots.ts), taken in headless
// system Chromium (playwright-core) from the built examples/cms-snippet pages. Run `npm run build` first.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adaptiveScreenshots } from './lib/adaptive-screenshots.js';
import { launchChromium } from './lib/chromium.js';
import { inlineConfigOf, startExampleServer } from '../examples/serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const bundle of ['packages/form/dist/account-request-form.bundle.js', 'packages/field-config/dist/form-field-config.bundle.js']) {
  if (!existsSync(`${root}/${bundle}`)) throw new Error(`${bundle} is missing: run \`npm run build\` first.`);
}
mkdirSync(`${root}/docs/images`, { recursive: true });

const server = await startExampleServer({ initialConfig: inlineConfigOf(readFileSync(`${root}/examples/cms-snippet/index.html`, 'utf8')) });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1, locale: 'fr-FR' });
  await page.goto(`${server.url}/examples/cms-snippet/`);
  const form = page.locator('account-request-form');
  await form.locator('[name="companyName"]').waitFor();
  // A few typed values and one visible error show what a visitor sees while filling in.
  await form.locator('[name="companyName"]').fill('Boulangerie Martin SARL');
  await form.locator('[name="siret"]').fill('732 829 320 00075');
  await form.locator('[name="sector"]').selectOption('retail');
  await form.locator('[name="lastName"]').focus();
  await form.locator('[part~="error"]').first().waitFor();
  await page.screenshot({ path: `${root}/docs/images/form.png`, fullPage: true });
  console.log('wrote docs/images/form.png');

  const admin = await browser.newPage({ viewport: { width: 1440, height: 1100 }, deviceScaleFactor: 1, locale: 'fr-FR' });
  await admin.goto(`${server.url}/examples/cms-snippet/admin.html`);
  await admin.locator('form-field-config [data-field-id="companyName"]').waitFor();
  await admin.locator('form-field-config account-request-form [name="companyName"]').waitFor();
  await admin.screenshot({ path: `${root}/docs/images/editor.png` });
  console.log('wrote docs/images/editor.png');
  await adaptiveScreenshots(browser, server.url, root);
} finally {
  await browser.close();
  await server.close();
}
