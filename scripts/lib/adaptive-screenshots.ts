// The screenshots of docs/getting-started/admin.md for adaptive forms (issue 13): the editor's
// "Show only when…" dialog, its step rows and a file field's limits, and the form's last step
// with its summary and a chosen file. Called by scripts/screenshots.ts on its example server.
import type { Browser } from 'playwright-core';

const EU_BUT_FRANCE = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

const KBIS = {
  id: 'kbis',
  type: 'file',
  label: { fr: 'Extrait Kbis', en: 'Kbis extract' },
  help: { fr: 'De moins de trois mois', en: 'Less than three months old' },
  accept: ['pdf'],
  maxBytes: 5 * 1024 * 1024,
};

/** A form for companies and individuals in three steps, with a SIRET for France and a Kbis to upload for companies. */
const CONFIG = {
  version: 1,
  fields: [
    { id: 'customerType', displayed: true, required: true },
    { id: 'companyName', displayed: true, required: true },
    { id: 'country', displayed: true, required: true },
    { id: 'siret', displayed: true, required: true, visibleWhen: { field: 'country', in: ['FR'] } },
    { id: 'vatNumber', displayed: true, required: false, visibleWhen: { field: 'country', in: EU_BUT_FRANCE } },
    { id: 'lastName', displayed: true, required: true },
    { id: 'firstName', displayed: true, required: false },
    { id: 'email', displayed: true, required: true },
    { id: 'phone', displayed: true, required: false },
    { id: 'kbis', displayed: true, required: true, visibleWhen: { field: 'customerType', in: ['company'] } },
  ],
  customFields: [KBIS],
  steps: [
    { before: 'customerType', title: { fr: 'Votre société', en: 'Your company' } },
    { before: 'lastName', title: { fr: 'Vos coordonnées', en: 'Your details' } },
    { before: 'kbis', title: { fr: 'Justificatif', en: 'Document' } },
  ],
  settings: { unvalidatedAccounts: 'block-purchase', confirmation: {} },
};

// A small but real PDF: the form checks the declared type, the server the content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'.padEnd(180 * 1024, ' '));

/** Writes docs/images/{editor-condition,editor-steps,editor-file-field,form-steps}.png under `root`. */
export async function adaptiveScreenshots(browser: Browser, url: string, root: string): Promise<void> {
  const admin = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1, locale: 'fr-FR' });
  await admin.goto(`${url}/examples/cms-snippet/admin.html`);
  const editor = admin.locator('form-field-config');
  await editor.locator('[data-field-id="companyName"]').waitFor();
  await admin.evaluate((config) => {
    (document.querySelector('form-field-config') as HTMLElement & { config: unknown }).config = config;
  }, CONFIG);
  await editor.locator('tr[data-step="lastName"]').waitFor();

  await editor.locator('ffc-field-rows table').screenshot({ path: `${root}/docs/images/editor-steps.png` });
  console.log('wrote docs/images/editor-steps.png');

  await editor.locator('tr[data-field-id="siret"] button[data-action="condition"]').click();
  await editor.locator('ffc-condition-dialog dialog[open]').waitFor();
  await admin.screenshot({ path: `${root}/docs/images/editor-condition.png` });
  console.log('wrote docs/images/editor-condition.png');
  await admin.keyboard.press('Escape');

  await editor.locator('li[data-custom-id="kbis"] button').first().click();
  await editor.locator('#maxBytes').waitFor();
  await editor.locator('ffc-custom-fields form').screenshot({ path: `${root}/docs/images/editor-file-field.png` });
  console.log('wrote docs/images/editor-file-field.png');

  const shop = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1, locale: 'fr-FR' });
  await shop.goto(`${url}/examples/cms-snippet/`);
  const form = shop.locator('account-request-form');
  await form.locator('[name="companyName"]').waitFor();
  await shop.evaluate((config) => {
    (document.querySelector('account-request-form') as HTMLElement & { config: unknown }).config = config;
  }, CONFIG);
  await form.locator('[part~="step-heading"]').waitFor();
  await form.locator('input[name="customerType"][value="company"]').check();
  await form.locator('[name="companyName"]').fill('Boulangerie Martin SARL');
  await form.locator('[name="siret"]').fill('732 829 320 00074');
  await form.locator('[part~="next"]').click();
  await form.locator('[name="lastName"]').fill('Martin');
  await form.locator('[name="firstName"]').fill('Zoé');
  await form.locator('[name="email"]').fill('zoe@boulangerie-martin.example');
  await form.locator('[part~="next"]').click();
  await form.locator('input[type="file"]').setInputFiles({ name: 'kbis-boulangerie-martin.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.locator('[part~="summary"]').waitFor();
  await form.screenshot({ path: `${root}/docs/images/form-steps.png` });
  console.log('wrote docs/images/form-steps.png');
}
