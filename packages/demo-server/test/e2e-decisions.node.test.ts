// End-to-end test of issue 15 in Chromium, on the demo server in its own process: a request is
// sent back for information, the applicant follows the e-mailed link, corrects the postal code
// and sends it again; the admin sees the change in the history and accepts it. Another request is
// rejected with a reason that its e-mail gives. An invitation link opens a prefilled form (e-mail
// fixed) whose request records the invitation. Bulk decisions and their dialog by keyboard only.
// axe on every new page and on the open dialog.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, fillAndSubmit, useDemoE2E, watchErrors } from './test-helpers/e2e.js';
import { basicAuth } from './test-helpers/server.js';

const PASSWORD = 'e2e-admin-password';
const e2e = useDemoE2E({ tmpPrefix: 'demo-e2e-decisions-', adminPassword: PASSWORD, startBefore: true });

const FORM = (name: string): string => `account-request-form [name="${name}"]`;
const VALUES = { lastName: 'Morel', phone: '04 78 00 12 34', street: '2 rue Mercière', city: 'Lyon' };

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${e2e.server.url}/api/account-requests${path}`, { headers: { Authorization: basicAuth(PASSWORD) } });
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

type Mail = { kind: string; to: string; subject: string; text: string; requestId: string };
/** The e-mail of `kind` for `requestId`, waiting up to 10 s (they are sent after the answer). */
async function mailOf(kind: string, requestId?: string): Promise<Mail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = await api<Mail[]>(`/notifications?limit=200${requestId ? `&requestId=${requestId}` : ''}`);
    const found = mails.find((mail) => mail.kind === kind);
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`no ${kind} e-mail`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function axe(page: Page, what: string, selector = 'main'): Promise<void> {
  assert.deepEqual(await axeViolations(page, selector), [], `axe violations: ${what}`);
}

async function submitFromShop(company: string, email: string, postalCode: string): Promise<string> {
  const context = await e2e.browser.newContext({ locale: 'fr-FR' });
  const shop = await context.newPage();
  await shop.goto(`${e2e.server.url}/`);
  await shop.locator(FORM('companyName')).waitFor();
  const posted = await fillAndSubmit(shop, { ...VALUES, companyName: company, email, postalCode });
  assert.equal(posted.status(), 201);
  const { id } = (await posted.json()) as { id: string };
  await context.close();
  return id;
}

/** A status change through the request page: the choice, the confirmation page and its fields, confirm. */
async function changeStatus(page: Page, id: string, label: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
  await page.goto(`${e2e.server.url}/admin/requests/${id}?lang=fr`);
  await page.getByLabel(label).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Confirmer le changement' }).waitFor();
  await fill(page);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.waitForURL(/done=status/);
}

test('information requested → corrected by the applicant → accepted; rejected with a reason; invitation; bulk by keyboard', { timeout: 300_000 }, async () => {
  const url = e2e.server.url;
  const admin = await e2e.browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD }, locale: 'fr-FR' });
  const page = await admin.newPage();
  const adminErrors = watchErrors(page);

  // 1. Sent back for information, with what is needed.
  const asked = await submitFromShop('Quincaillerie Morel', 'achats@morel.example', '69001');
  await changeStatus(page, asked, 'Prendre en charge (En cours)');
  await changeStatus(page, asked, 'Demander des informations (Informations demandées)', async (confirm) => {
    await axe(confirm, 'confirmation of a request for information');
    await confirm.getByLabel('Informations nécessaires').fill('Le code postal ne correspond pas à l’adresse de Lyon 2e.');
  });
  await page.locator('.request-state .status-info-requested').waitFor();
  const info = await mailOf('information', asked);
  assert.equal(info.to, 'achats@morel.example');
  assert.match(info.text, /Le code postal ne correspond pas à l’adresse de Lyon 2e\./);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/information\/[A-Za-z0-9_-]{43})/.exec(info.text)?.[1];
  assert.ok(link, 'the e-mail holds the link to correct the request');

  // 2. The applicant follows the link: the team's message above the form filled with what they sent.
  const applicant = await e2e.browser.newContext({ locale: 'fr-FR' });
  const tab = await applicant.newPage();
  const applicantErrors = watchErrors(tab);
  await tab.goto(link);
  await tab.getByRole('heading', { name: 'Message de notre équipe' }).waitFor();
  await tab.getByText('Le code postal ne correspond pas à l’adresse de Lyon 2e.').waitFor();
  const postal = tab.locator(FORM('postalCode'));
  await postal.waitFor();
  assert.equal(await postal.inputValue(), '69001');
  assert.equal(await tab.locator(FORM('companyName')).inputValue(), 'Quincaillerie Morel');
  await axe(tab, 'the page to correct a request');
  // By keyboard: into the postal code, replace it, tick the confirmation, send.
  await postal.focus();
  await tab.keyboard.press('ControlOrMeta+a');
  await tab.keyboard.type('69002');
  await tab.locator(FORM('confirmed')).focus();
  await tab.keyboard.press('Space');
  const corrected = tab.waitForResponse((response) => response.url().includes('/api/account-requests/information/') && response.request().method() === 'POST');
  await tab.locator('account-request-form [part~="submit"]').focus();
  await tab.keyboard.press('Enter');
  assert.equal((await corrected).status(), 200);
  await tab.locator('account-request-form [part~="confirmation"]').waitFor();
  // The link worked once.
  await tab.goto(link);
  await tab.getByText('Ce lien a déjà été utilisé').waitFor();
  assert.deepEqual(applicantErrors, []);
  await applicant.close();

  // 3. The admin sees the correction in the history, alerted by e-mail, and accepts the request.
  await page.goto(`${url}/admin/requests/${asked}?lang=fr`);
  await page.locator('.request-state .status-in-progress').waitFor();
  await page.locator('.history > li', { hasText: 'le demandeur' }).getByText('Code postal : 69001 → 69002').waitFor();
  const alerts = (await api<Mail[]>(`/notifications?requestId=${asked}`)).filter((mail) => mail.kind === 'alert').map((mail) => mail.subject);
  assert.ok(alerts.includes('Demande corrigée par le demandeur : Quincaillerie Morel'), alerts.join(' | '));
  await axe(page, 'a request page with a correction in its history');
  await changeStatus(page, asked, 'Accepter (Acceptée)');
  await page.locator('.request-state .status-accepted').waitFor();
  await mailOf('activation', asked);

  // 4. Another request, rejected with a reason: its e-mail gives it.
  const refused = await submitFromShop('Menuiserie Duclos', 'contact@duclos.example', '69002');
  await changeStatus(page, refused, 'Refuser (Refusée)', async (confirm) => {
    await confirm.getByLabel('Motif du refus').selectOption('outside-area');
    await confirm.getByLabel('Message au demandeur (facultatif)').fill('Nous ne livrons pas encore dans votre département.');
  });
  await page.locator('.history > li li', { hasText: 'Motif : Hors de notre zone de service' }).waitFor();
  const rejection = await mailOf('rejection', refused);
  assert.equal(rejection.to, 'contact@duclos.example');
  assert.match(rejection.text, /Motif : Hors de notre zone de service\./);
  assert.match(rejection.text, /Nous ne livrons pas encore dans votre département\./);

  // 5. An invitation: created from its page, its link opens the form prefilled with the e-mail fixed.
  await page.goto(`${url}/admin/invitations/?lang=fr`);
  await page.locator('#invite-email').fill('lea@boulangerie.example');
  await page.locator('#invite-companyName').fill('Boulangerie Léa');
  await page.locator('#invite-city').fill('Lyon');
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await page.getByText('L’invitation a été envoyée à lea@boulangerie.example.').waitFor();
  await axe(page, 'the invitations page');
  const invitationMail = await mailOf('invitation');
  const invitationLink = /(http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]{43})/.exec(invitationMail.text)?.[1];
  assert.ok(invitationLink);
  const guest = await e2e.browser.newContext({ locale: 'fr-FR' });
  const invited = await guest.newPage();
  const guestErrors = watchErrors(invited);
  await invited.goto(invitationLink);
  const email = invited.locator(FORM('email'));
  await email.waitFor();
  assert.equal(await email.inputValue(), 'lea@boulangerie.example');
  assert.equal(await email.getAttribute('readonly'), '');
  assert.equal(await invited.locator(FORM('companyName')).inputValue(), 'Boulangerie Léa');
  await axe(invited, 'the invitation page');
  for (const [name, value] of Object.entries({ lastName: 'Vasseur', phone: '04 72 00 11 22', street: '8 rue Mercière', postalCode: '69002' })) await invited.locator(FORM(name)).fill(value);
  await invited.locator(FORM('confirmed')).check();
  const sent = invited.waitForResponse((response) => response.url().includes('/api/account-requests/invitation/') && response.request().method() === 'POST');
  await invited.locator('account-request-form [part~="submit"]').click();
  const answer = await sent;
  assert.equal(answer.status(), 201);
  const { id: invitedId } = (await answer.json()) as { id: string };
  assert.deepEqual(guestErrors, []);
  await guest.close();
  const invitedRecord = await api<{ invitationId?: string; values: Record<string, string> }>(`/${invitedId}`);
  assert.ok(invitedRecord.invitationId, 'the request records the invitation');
  assert.equal(invitedRecord.values['email'], 'lea@boulangerie.example');
  await page.goto(`${url}/admin/requests/${invitedId}?lang=fr`);
  await page.getByText('Issue d’une invitation').waitFor();
  await page.goto(`${url}/admin/invitations/?lang=fr`);
  await page.locator(`tr[data-invitation-id="${invitedRecord.invitationId}"] .invitation-used`).waitFor();

  // 6. Bulk, by keyboard only: two requests selected, rejected; the modal dialog says how many e-mails go out.
  const one = await submitFromShop('Bulk Un SARL', 'un@bulk.example', '69002');
  const two = await submitFromShop('Bulk Deux SAS', 'deux@bulk.example', '69002');
  await page.goto(`${url}/admin/requests/?lang=fr&q=bulk`);
  for (const id of [one, two]) {
    await page.locator(`#select-${id}`).focus();
    await page.keyboard.press('Space');
  }
  await page.locator('#bulk-rejected').focus();
  await page.keyboard.press('Space');
  await page.locator('#bulk-reason').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#bulk-decisions button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Confirmer la décision' });
  await dialog.waitFor();
  // The server sends it open (it works without JavaScript); the page's module script then shows it modal:
  // keys pressed before that could land on a dialog the script is about to close and reopen.
  const modalShown = () => page.waitForFunction(() => document.getElementById('bulk-confirm')?.matches(':modal') === true, undefined, { timeout: 10_000 }).catch(() => undefined);
  await modalShown();
  assert.equal(await page.evaluate(() => (document.getElementById('bulk-confirm') as HTMLDialogElement).matches(':modal')), true, 'the dialog is modal');
  assert.match(await dialog.innerText(), /Refuser 2 demandes \?\s+2 e-mails seront envoyés\./);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Confirmer', 'focus starts on Confirm');
  await axe(page, 'the bulk confirmation dialog', '#bulk-confirm');
  // Escape closes it and gives focus back to the button that asked; nothing was decided.
  await page.keyboard.press('Escape');
  assert.equal(await dialog.isVisible(), false);
  // The dialog's close event, which gives focus back, is dispatched in a later task than the key.
  const focusBack = () => document.activeElement?.closest('#bulk-decisions') !== null && document.activeElement?.getAttribute('type') === 'submit';
  await page.waitForFunction(focusBack, undefined, { timeout: 10_000 }).catch(() => undefined);
  assert.equal(await page.evaluate(focusBack), true, 'focus is back on the bulk form\'s button');
  assert.equal((await api<{ status: string }>(`/${one}`)).status, 'new');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await modalShown();
  await page.keyboard.press('Enter');
  await page.getByText('Mises à jour : 2. E-mails envoyés : 2.').waitFor();
  for (const id of [one, two]) assert.equal((await api<{ status: string }>(`/${id}`)).status, 'rejected');

  // 7. Personal data: the erasure asks for a confirmation that says it cannot be undone.
  await page.goto(`${url}/admin/requests/${refused}?lang=fr`);
  await page.getByRole('button', { name: 'Effacer les données personnelles…' }).click();
  await page.getByText('Cette action est irréversible.').waitFor();
  await axe(page, 'the erasure confirmation');
  await page.getByRole('button', { name: 'Effacer définitivement' }).click();
  await page.getByText('Les données personnelles ont été effacées.').waitFor();
  const erased = await api<{ values: Record<string, unknown>; erasedAt?: string; status: string }>(`/${refused}`);
  assert.deepEqual([erased.values, erased.status, typeof erased.erasedAt], [{}, 'rejected', 'string']);
  assert.deepEqual(adminErrors, []);
  await admin.close();
});
