// End-to-end test of issue 7: from a submission in Chromium, the admin finds the request in
// /admin/requests/, accepts it through the confirmation step, the activation e-mail lands in
// DATA_DIR/outbox as an .eml file, its link sets a password, and the link then no longer works.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillAndSubmit, useDemoE2E, watchErrors } from './test-helpers/e2e.js';
import { basicAuth } from './test-helpers/server.js';

const PASSWORD = 'e2e-admin-password';

const e2e = useDemoE2E({ tmpPrefix: 'demo-e2e-processing-', adminPassword: PASSWORD, startBefore: true });

/** The .eml files of the outbox, quoted-printable soft line breaks joined. */
function outboxFiles(): string[] {
  const dir = join(e2e.dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.eml')).map((name) => readFileSync(join(dir, name), 'utf8').replaceAll('=\r\n', ''));
}

/** The first .eml that `match` accepts, waiting up to 10 s: the server answers before its e-mails are written. */
async function outboxFile(match: (eml: string) => boolean): Promise<string | undefined> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = outboxFiles().find(match);
    if (found !== undefined || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('submission → admin accepts with confirmation → activation e-mail in the outbox → password set → link used', { timeout: 180_000 }, async () => {
  const url = e2e.server.url;
  const company = 'Quincaillerie Morel & Fils';

  // A visitor sends the form.
  const visitor = await e2e.browser.newContext({ locale: 'fr-FR' });
  const shop = await visitor.newPage();
  const shopErrors = watchErrors(shop);
  await shop.goto(`${url}/`);
  const input = (name: string): string => `account-request-form [name="${name}"]`;
  await shop.locator(input('companyName')).waitFor();
  const values: Record<string, string> = {
    companyName: company,
    lastName: 'Morel',
    email: 'achats@morel.example',
    phone: '04 78 00 12 34',
    street: '2 rue Mercière',
    postalCode: '69002',
    city: 'Lyon',
  };
  assert.equal((await fillAndSubmit(shop, values)).status(), 201);
  await shop.locator('account-request-form [part~="confirmation"]').getByText('Merci').waitFor();
  assert.deepEqual(shopErrors, []);
  await visitor.close();
  await outboxFile((eml) => /^To: achats@morel\.example\r$/m.test(eml));
  assert.equal(outboxFiles().filter((eml) => /^To: achats@morel\.example\r$/m.test(eml)).length, 1, 'the confirmation e-mail is in the outbox');

  // The admin finds it, takes it in charge, then accepts it, each time through the confirmation page.
  const admin = await e2e.browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD }, locale: 'fr-FR' });
  const page = await admin.newPage();
  const adminErrors = watchErrors(page);
  await page.goto(`${url}/admin/requests/?lang=fr`);
  await page.getByLabel('Recherche').fill('quincaillerie morel');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const row = page.locator('tr[data-request-id]', { hasText: company });
  await row.waitFor();
  assert.equal(await page.locator('tr[data-request-id]').count(), 1);
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: `Demande de ${company}` }).waitFor();

  await page.getByLabel('Prendre en charge (En cours)').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Confirmer le changement' }).waitFor();
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.locator('.request-state .status-in-progress').waitFor();

  await page.getByLabel('Accepter (Acceptée)').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  assert.match(await page.locator('#confirm-text').innerText(), /mot de passe/);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.locator('.request-state .status-accepted').waitFor();
  // Back from the result: the confirmation step was a GET, so the browser shows a page (the
  // request changed since, it says so) rather than its "Confirm Form Resubmission".
  const previous = await page.goBack();
  assert.ok(previous, 'Back loads a page');
  assert.equal(previous.request().method(), 'GET');
  await page.getByText('Cette demande a été modifiée entre-temps', { exact: false }).first().waitFor();
  await page.goForward();
  await page.locator('.request-state .status-accepted').waitFor();
  // The history names the admin and the change.
  await page.locator('.history li', { hasText: 'Traitement : En cours → Acceptée' }).first().waitFor();
  assert.equal(await page.locator('.history > li', { hasText: 'admin' }).count(), 2);

  // The activation e-mail is an .eml file in DATA_DIR/outbox, and the outbox page shows it sent.
  const activation = await outboxFile((eml) => /^X-Notification-Kind: activation\r$/m.test(eml));
  assert.ok(activation, 'an activation e-mail was written');
  assert.match(activation, /^To: achats@morel\.example\r$/m);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/activation\/[A-Za-z0-9_-]{43})/.exec(activation)?.[1];
  assert.ok(link, 'the e-mail holds the activation link');
  await page.goto(`${url}/admin/outbox/?lang=fr`);
  await page.locator('tr[data-kind="activation"] .state-sent').waitFor();
  assert.deepEqual(adminErrors, []);
  await admin.close();

  // The applicant follows the link and chooses a password.
  const applicant = await e2e.browser.newContext({ locale: 'fr-FR' });
  const tab = await applicant.newPage();
  const applicantErrors = watchErrors(tab);
  await tab.goto(link);
  await tab.getByText(company).first().waitFor();
  await tab.getByLabel('Nouveau mot de passe').fill('une longue phrase de passe');
  await tab.getByLabel('Confirmez le mot de passe').fill('une longue phrase de passe');
  await tab.getByRole('button', { name: 'Activer mon compte' }).click();
  await tab.getByText('Votre compte est activé').waitFor();

  // The same link no longer works.
  await tab.goto(link);
  await tab.getByText('a déjà servi').waitFor();
  assert.equal(await tab.locator('form').count(), 0);
  assert.deepEqual(applicantErrors, []);
  await applicant.close();

  const requests = (await (await fetch(`${url}/api/account-requests?q=morel`, { headers: { Authorization: basicAuth(PASSWORD) } })).json()) as { status: string; activatedAt?: string }[];
  assert.equal(requests.length, 1);
  assert.equal(requests[0]?.status, 'accepted');
  assert.ok(requests[0]?.activatedAt);
});
