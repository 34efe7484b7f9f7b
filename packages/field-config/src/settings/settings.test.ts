import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultConfig, updateSettings } from '@account-request/sdk';
import { mount, part, settle } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const root = (el: FormFieldConfig) => part(el, 'ffc-settings');
const q = <T extends Element = HTMLInputElement>(el: FormFieldConfig, selector: string) => root(el).querySelector<T>(selector) as T;
const labelOf = (el: FormFieldConfig, id: string) => root(el).querySelector(`label[for="${id}"]`)?.textContent?.trim();

async function click(el: FormFieldConfig, selector: string): Promise<void> {
  q<HTMLElement>(el, selector).click();
  await settle(el);
}

// A control after the editor, as a page has: Tab from its last box stays in the page (Firefox
// would move the focus to its own toolbar, and the next box's focus() would fire no events).
const trailing = Object.assign(document.createElement('button'), { textContent: 'After the editor' });

// Types like a person, then leaves the box (text is committed on change).
async function fill(el: FormFieldConfig, selector: string, text: string): Promise<void> {
  el.after(trailing);
  const input = q<HTMLInputElement>(el, selector);
  input.focus();
  input.select();
  await (text ? sendKeys({ type: text }) : sendKeys({ press: 'Backspace' }));
  await sendKeys({ press: 'Tab' });
  await settle(el);
}

describe('<ffc-settings>', () => {
  it('uses the back-office wording in French, with an explanation for each access choice', async () => {
    const el = await mount(undefined, { lang: 'fr' });
    expect(root(el).querySelector('h2')?.textContent).to.equal('Paramètres');
    expect(labelOf(el, 'unvalidatedAccounts-none')).to.equal('Aucune');
    expect(labelOf(el, 'unvalidatedAccounts-block-purchase')).to.equal('Bloquer achat');
    expect(labelOf(el, 'unvalidatedAccounts-block-login')).to.equal('Bloquer compte');
    expect(labelOf(el, 'alertEmail')).to.equal('Mail d’alerte de mise en compte');
    expect(labelOf(el, 'botCheck')).to.equal('Vérification anti-robot (preuve de travail)');
    expect(root(el).getElementById('botCheck-help')?.textContent).to.match(/sans cookie/);
    for (const value of ['none', 'block-purchase', 'block-login']) {
      const radio = q(el, `#unvalidatedAccounts-${value}`);
      const help = root(el).getElementById(radio.getAttribute('aria-describedby') ?? '');
      expect(help?.textContent?.length, value).to.be.greaterThan(20);
    }
  });

  it('edits each setting through the SDK', async () => {
    const el = await mount();
    await click(el, '#enabled');
    expect(el.config?.enabled).to.equal(false);
    await click(el, '#unvalidatedAccounts-block-login');
    expect(el.config?.settings.unvalidatedAccounts).to.equal('block-login');
    await click(el, '#quickRegistration');
    expect(el.config?.settings.quickRegistration).to.equal(true);
    expect(el.config?.settings.botCheck).to.equal(undefined);
    await click(el, '#botCheck');
    expect(el.config?.settings.botCheck).to.equal(true);
    await click(el, '#botCheck');
    expect(Object.hasOwn(el.config?.settings ?? {}, 'botCheck'), 'switched off, the setting is gone').to.equal(false);
    await click(el, '#defaultAccountState-active');
    expect(el.config?.settings.defaultAccountState).to.equal('active');
    await fill(el, '#alertEmail', 'sales@example.com');
    expect(el.config?.settings.alertEmail).to.equal('sales@example.com');
    await fill(el, '#message-fr', 'Merci !');
    await fill(el, '#message-en', 'Thank you!');
    expect(el.config?.settings.confirmation).to.deep.equal({ message: { fr: 'Merci !', en: 'Thank you!' } });
    await click(el, '#confirmationMode-redirect');
    await fill(el, '#redirectUrl', '/thank-you');
    expect(el.config?.settings.confirmation).to.deep.equal({ redirectUrl: '/thank-you', message: { fr: 'Merci !', en: 'Thank you!' } });
    await click(el, '#confirmationMode-message');
    expect(el.config?.settings.confirmation).to.deep.equal({ message: { fr: 'Merci !', en: 'Thank you!' } });
    await fill(el, '#alertEmail', '');
    expect(el.config?.settings).to.not.have.property('alertEmail');
  });

  it('refuses an invalid e-mail or redirect inline, keeping the text and the draft', async () => {
    const el = await mount(updateSettings(defaultConfig(), { alertEmail: 'ok@example.com' }));
    await fill(el, '#alertEmail', 'not-an-email');
    const email = q(el, '#alertEmail');
    expect(email.value).to.equal('not-an-email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('alertEmail-help alertEmail-error');
    expect(q(el, '#alertEmail-error').textContent).to.contain('Enter a valid e-mail address');
    expect(el.config?.settings.alertEmail).to.equal('ok@example.com');
    expect(el.dirty).to.equal(false);

    await click(el, '#confirmationMode-redirect');
    for (const url of ['javascript:alert(1)', '//evil.example', 'http://example.com/x']) {
      await fill(el, '#redirectUrl', url);
      expect(q(el, '#redirectUrl-error').textContent, url).to.contain('Enter a path starting with a single /');
      expect(el.config?.settings.confirmation.redirectUrl, url).to.equal(undefined);
    }
    await expect(el).to.be.accessible();

    await fill(el, '#alertEmail', 'team@example.com');
    expect(q(el, '#alertEmail').hasAttribute('aria-invalid')).to.equal(false);
    expect(q(el, '#alertEmail-error')).to.equal(null);
    expect(el.config?.settings.alertEmail).to.equal('team@example.com');
  });

  it('does not say "Saved." while a box holds a refused value: Save focuses it and says why', async () => {
    const el = await mount(updateSettings(defaultConfig(), { alertEmail: 'ok@example.com' }));
    const saved: unknown[] = [];
    el.addEventListener('field-config-save', (event) => saved.push(event));
    await fill(el, '#alertEmail', 'bad');
    const save = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save"]')!;
    save.click();
    await settle(el);
    expect(saved).to.have.length(0);
    expect(root(el).activeElement, 'the refused box').to.equal(q(el, '#alertEmail'));
    expect(el.shadowRoot!.querySelector('[part="alert"]')?.textContent?.trim()).to.equal('Not saved: a setting holds a value that is not valid. Correct it, or empty it, then save.');
    expect(el.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim()).to.not.equal('Saved.');
    await fill(el, '#alertEmail', 'team@example.com');
    expect(el.shadowRoot!.querySelector('[part="alert"]')?.textContent?.trim()).to.equal('');
    save.click();
    await settle(el);
    expect(saved).to.have.length(1);
  });

  it('refuses bad input in the days box ("1e", "-", "12.5") instead of switching retention off', async () => {
    const el = await mount(updateSettings(defaultConfig(), { retentionDays: 90 }));
    for (const text of ['1e', '-', '12.5']) {
      await fill(el, '#retentionDays', text);
      expect(el.config?.settings.retentionDays, text).to.equal(90);
      expect(q(el, '#retentionDays').getAttribute('aria-invalid'), text).to.equal('true');
      expect(q(el, '#retentionDays-error').textContent, text).to.contain('Enter a whole number of days.');
    }
    await fill(el, '#retentionDays', '30');
    expect(el.config?.settings.retentionDays).to.equal(30);
    expect(q(el, '#retentionDays-error')).to.equal(null);
  });

  it('drops a refused text and its error when revert or undo changes the draft; the redirect choice follows the draft', async () => {
    const el = await mount(updateSettings(defaultConfig(), { alertEmail: 'ok@example.com' }));
    await click(el, '#quickRegistration');
    await fill(el, '#alertEmail', 'not-an-email');
    expect(q(el, '#alertEmail-error')).to.not.equal(null);
    el.revert();
    await settle(el);
    expect(q(el, '#alertEmail').value).to.equal('ok@example.com');
    expect(q(el, '#alertEmail').hasAttribute('aria-invalid')).to.equal(false);
    expect(q(el, '#alertEmail-error')).to.equal(null);

    await click(el, '#confirmationMode-redirect');
    await fill(el, '#redirectUrl', '/thanks');
    await fill(el, '#redirectUrl', 'ftp://x');
    expect(q(el, '#redirectUrl-error')).to.not.equal(null);
    el.undo();
    await settle(el);
    expect(el.config?.settings.confirmation.redirectUrl).to.equal(undefined);
    expect(q(el, '#confirmationMode-message').checked).to.equal(true);
    expect(q(el, '#redirectUrl')).to.equal(null);
    expect(q(el, '#redirectUrl-error')).to.equal(null);
  });

  it('follows undo: the controls show the draft', async () => {
    const el = await mount();
    await click(el, '#unvalidatedAccounts-block-purchase');
    el.undo();
    await settle(el);
    expect(q(el, '#unvalidatedAccounts-none').checked).to.equal(true);
    expect(q(el, '#unvalidatedAccounts-block-purchase').checked).to.equal(false);
  });
});
