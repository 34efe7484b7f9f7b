// The languages beyond French and English, end to end: the real demo server serves the
// single-file bundles and their language files side by side, as a CMS would; a German shop
// page and a Dutch admin page fetch their chunk from the bundle's folder and speak it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemoE2E, watchErrors } from './test-helpers/e2e.js';

const PASSWORD = 'e2e-languages-password';
const e2e = useDemoE2E({ tmpPrefix: 'demo-e2e-languages-', adminPassword: PASSWORD, startBefore: true });

test('a German shop page: the form fetches account-request-form.de.js beside its bundle and speaks German, errors included', { timeout: 60_000 }, async () => {
  const context = await e2e.browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const chunk = page.waitForResponse((response) => response.url().endsWith('/assets/account-request-form.de.js'));
    await page.goto(`${e2e.server.url}/?lang=de`);
    assert.equal((await chunk).status(), 200);
    const submit = page.locator('account-request-form [part~="submit"]');
    await submit.filter({ hasText: 'Anfrage senden' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    assert.equal(await page.locator('h1').textContent(), 'Geschäftskundenkonto eröffnen');
    await submit.click();
    await page.locator('account-request-form [part="error"]', { hasText: 'Bitte füllen Sie dieses Feld aus.' }).first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the server words its answers in the submission\'s language', async () => {
  const response = await fetch(`${e2e.server.url}/api/account-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ values: { companyName: 'Werkzeug Müller', email: 'not-an-address' }, confirmed: true, locale: 'de-AT' }),
  });
  assert.equal(response.status, 422);
  const problem = (await response.json()) as { errors: { field: string; message: string }[] };
  assert.equal(problem.errors.find((e) => e.field === 'email')?.message, 'Geben Sie eine E-Mail-Adresse wie name@firma.de ein.');
  assert.equal(problem.errors.find((e) => e.field === 'lastName')?.message, 'Bitte füllen Sie dieses Feld aus.');
});

test('a Dutch admin page: the editor and its preview fetch their chunks and speak Dutch', { timeout: 60_000 }, async () => {
  const context = await e2e.browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD }, locale: 'nl-NL' });
  try {
    const page = await context.newPage();
    const errors = watchErrors(page);
    // The editor's bundle leaves the form out: its preview fetches the form's bundle beside it.
    const form = page.waitForResponse((response) => response.url().endsWith('/assets/account-request-form.bundle.js'));
    await page.goto(`${e2e.server.url}/admin/?lang=nl`);
    assert.equal((await form).status(), 200);
    await page.locator('form-field-config ffc-field-rows').getByText('Veldenlijst').waitFor();
    await page.locator('form-field-config ffc-settings').getByText('Instellingen', { exact: true }).waitFor();
    await page.locator('form-field-config account-request-form [part~="submit"]', { hasText: 'Aanvraag versturen' }).waitFor();
    await page.locator('form-field-config ffc-field-rows tr[data-field-id="vatNumber"]').getByText('Btw-nummer', { exact: true }).first().waitFor();
    // Words a page registers with the editor's bundle reach the preview's form, which has its own registry.
    await page.evaluate(async (url) => {
      const editor = (await import(url)) as { registerLocale: (tag: string, tables: object) => void };
      editor.registerLocale('nl', { core: { submit: 'Mijn aanvraag versturen' } });
    }, `${e2e.server.url}/assets/form-field-config.bundle.js`);
    await page.locator('form-field-config account-request-form [part~="submit"]', { hasText: 'Mijn aanvraag versturen' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
