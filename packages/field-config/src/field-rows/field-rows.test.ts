import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { defaultConfig, FIELD_CATALOG, setDisplayed, setVisibleWhen } from '@account-request/sdk';
import { announcement, box, centre, handle, mount, order, part, row, settle, withSector } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';
import type { FieldConfigChangeEvent } from '../events/index.js';

const entry = (el: FormFieldConfig, id: string) => el.config?.fields.find((field) => field.id === id);

async function click(el: FormFieldConfig, target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await sendMouse({ type: 'click', position: centre(target) });
  await settle(el);
}

describe('<ffc-field-rows>', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows one row per field in display order, each with a named handle and labelled boxes', async () => {
    const el = await mount(withSector());
    expect(order(el)).to.deep.equal([...FIELD_CATALOG.map((field) => field.id), 'sector']);
    expect(handle(el, 'companyName').getAttribute('aria-label')).to.equal('Move Company name');
    expect(handle(el, 'companyName').tagName).to.equal('BUTTON');
    const labels = (input: HTMLInputElement) => [...(input.labels ?? [])].map((label) => label.textContent?.trim());
    expect(labels(box(el, 'siret', 'displayed'))).to.deep.equal(['Displayed: SIRET number']);
    expect(labels(box(el, 'siret', 'required'))).to.deep.equal(['Required: SIRET number']);
    expect(row(el, 'sector').querySelector("[part~='badge']")?.textContent).to.equal('custom');
    // The row's header reads "Sector custom", not "Sectorcustom".
    expect(row(el, 'sector').querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Sector custom');
    expect(row(el, 'siret').querySelector("[part~='badge']")).to.equal(null);
  });

  it('speaks French with lang="fr"', async () => {
    const el = await mount(withSector(), { lang: 'fr' });
    expect(handle(el, 'companyName').getAttribute('aria-label')).to.equal('Déplacer Raison sociale');
    expect(box(el, 'siret', 'displayed').labels?.[0]?.textContent).to.equal('Afficher : SIRET');
    expect(row(el, 'sector').querySelector("[part~='badge']")?.textContent).to.equal('personnalisé');
    expect(part(el, 'ffc-field-rows').querySelector('h2')?.textContent).to.equal('Liste des champs');
    // Undo is not named like the forms' Cancel ("Annuler"): one name, one button.
    expect(el.shadowRoot?.querySelector('[part~="undo"]')?.textContent?.trim()).to.equal('Annuler la modification');
  });

  it('says so when a field that a condition reads is hidden, on the row and in the live region', async () => {
    const el = await mount(setVisibleWhen(defaultConfig(), 'siret', { field: 'country', in: ['FR'] }));
    const text = () => row(el, 'siret').querySelector("[part~='condition']")?.textContent?.trim();
    expect(text()).to.equal('Shown only when Country is France');
    await click(el, box(el, 'country', 'displayed'));
    expect(entry(el, 'country')?.displayed).to.equal(false);
    expect(announcement(el)).to.equal('Country is not displayed, and the conditions of SIRET number read it: the form now reads it as empty.');
    expect(text()).to.equal('Shown only when Country is France. Country is not displayed: the form reads it as empty.');
    await click(el, box(el, 'country', 'displayed'));
    expect(text()).to.equal('Shown only when Country is France');
    await click(el, box(el, 'phone', 'displayed'));
    expect(announcement(el)).to.not.contain('Phone is not displayed');
    await expect(el).to.be.accessible();
  });

  it('keeps the rule while clicking: required checks displayed, hiding clears required', async () => {
    const el = await mount();
    expect(box(el, 'position', 'displayed').checked).to.equal(false);
    await click(el, box(el, 'position', 'required'));
    expect(box(el, 'position', 'required').checked).to.equal(true);
    expect(box(el, 'position', 'displayed').checked).to.equal(true);
    expect(entry(el, 'position')).to.deep.equal({ id: 'position', displayed: true, required: true });

    expect(box(el, 'phone', 'required').checked).to.equal(true);
    await click(el, box(el, 'phone', 'displayed'));
    expect(box(el, 'phone', 'displayed').checked).to.equal(false);
    expect(box(el, 'phone', 'required').checked).to.equal(false);
    expect(entry(el, 'phone')).to.deep.equal({ id: 'phone', displayed: false, required: false });

    await click(el, box(el, 'phone', 'displayed'));
    expect(entry(el, 'phone')).to.deep.equal({ id: 'phone', displayed: true, required: false });
    expect(box(el, 'phone', 'required').checked).to.equal(false);
  });

  it('fires field-config-change with the new config on each click', async () => {
    const el = await mount();
    const event = oneEvent<FieldConfigChangeEvent>(el, 'field-config-change');
    box(el, 'mobile', 'displayed').click();
    const { detail } = await event;
    expect(detail.config.fields.find((field) => field.id === 'mobile')?.displayed).to.equal(true);
    expect(detail.config).to.equal(el.config);
  });

  it('greys locked rows, checks and disables their boxes, and says why', async () => {
    const el = await mount();
    for (const id of ['companyName', 'email']) {
      expect(row(el, id).getAttribute('part')).to.equal('row locked');
      for (const name of ['displayed', 'required'] as const) {
        const input = box(el, id, name);
        expect(input.checked, `${id} ${name}`).to.equal(true);
        expect(input.disabled, `${id} ${name}`).to.equal(true);
        const reason = part(el, 'ffc-field-rows').getElementById(input.getAttribute('aria-describedby') ?? '');
        expect(reason?.textContent).to.equal('Always displayed and required');
      }
      await click(el, box(el, id, 'required'));
      expect(entry(el, id)).to.deep.equal({ id, displayed: true, required: true });
    }
    expect(row(el, 'siret').getAttribute('part')).to.equal('row');
    expect(box(el, 'siret', 'displayed').disabled).to.equal(false);
    expect(box(el, 'siret', 'displayed').hasAttribute('aria-describedby')).to.equal(false);
  });

  it('moves a row with ArrowDown / ArrowUp on its handle, keeps focus there and announces the position', async () => {
    const el = await mount();
    const rows = part(el, 'ffc-field-rows');
    handle(el, 'firstName').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(order(el).indexOf('firstName')).to.equal(6);
    expect(el.config?.fields[6]?.id).to.equal('firstName');
    expect(rows.activeElement).to.equal(handle(el, 'firstName'));
    expect(announcement(el)).to.equal('First name moved to position 7 of 25');

    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(order(el).indexOf('firstName')).to.equal(4);
    expect(rows.activeElement).to.equal(handle(el, 'firstName'));
    expect(announcement(el)).to.equal('First name moved to position 5 of 25');

    await sendKeys({ press: 'End' });
    await settle(el);
    expect(order(el).at(-1)).to.equal('firstName');
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(order(el)[0]).to.equal('firstName');
    expect(rows.activeElement).to.equal(handle(el, 'firstName'));
  });

  it('announces in French and ignores moves past the edges', async () => {
    const el = await mount(undefined, { lang: 'fr' });
    handle(el, 'companyName').focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(order(el)[0]).to.equal('companyName');
    expect(el.dirty).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(announcement(el)).to.equal('Raison sociale déplacé en position 2 sur 25');
  });

  it('says where a row really is when the displayed customer type stays first, and records no move it refused', async () => {
    const el = await mount(setDisplayed(defaultConfig(), 'customerType', true));
    const rows = part(el, 'ffc-field-rows');
    expect(order(el).slice(0, 2)).to.deep.equal(['customerType', 'companyName']);
    handle(el, 'companyName').focus();
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(order(el).slice(0, 2)).to.deep.equal(['customerType', 'companyName']);
    expect(announcement(el)).to.equal('Company name stays at position 2 of 25');
    expect([el.dirty, el.canUndo]).to.deep.equal([false, false]);
    expect(rows.activeElement).to.equal(handle(el, 'companyName'));

    handle(el, 'customerType').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(order(el)[0]).to.equal('customerType');
    expect(announcement(el)).to.equal('Customer type stays at position 1 of 25');

    // A move the SDK takes only in part: said from the config it holds.
    handle(el, 'email').focus();
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(order(el).slice(0, 2)).to.deep.equal(['customerType', 'email']);
    expect(announcement(el)).to.equal('E-mail address moved to position 2 of 25');
  });

  it('moves a row on a drag of one move and an instant release, as test drivers and quick flicks drag', async () => {
    const el = await mount();
    row(el, 'companyName').scrollIntoView({ block: 'start' });
    const [x, y] = centre(handle(el, 'vatNumber'));
    const [, targetY] = centre(row(el, 'legalForm'));
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, targetY] });
    await sendMouse({ type: 'up' });
    await waitUntil(() => el.config?.fields[1]?.id === 'vatNumber', 'dropped where it was released', { timeout: 3000 });
    await settle(el);
    expect(order(el).slice(0, 4)).to.deep.equal(['companyName', 'vatNumber', 'legalForm', 'siret']);
    expect(order(el)).to.deep.equal(el.config?.fields.map((field) => field.id));
    expect(announcement(el)).to.equal('EU VAT number moved to position 2 of 25');
  });

  it('reorders with a real pointer drag on the handle, and Lit keeps rendering the right rows afterwards', async () => {
    // Sortable skips rows while they animate aside; reduced motion turns the animation off.
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount();
    const from = handle(el, 'email');
    const to = row(el, 'siret');
    row(el, 'companyName').scrollIntoView({ block: 'start' });
    const [x, y] = centre(from);
    const [, targetY] = centre(to);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let step = 1; step <= 10; step++) {
      await sendMouse({ type: 'move', position: [x, Math.round(y + ((targetY - y) * step) / 10)] });
    }
    await sendMouse({ type: 'move', position: [x, targetY - 2] });
    // Sortable's pointer fallback checks the row under the pointer on a timer: let it catch up.
    await waitUntil(() => order(el).indexOf('email') === 2, 'the row follows the pointer', { timeout: 5000 });
    await sendMouse({ type: 'up' });
    await settle(el);
    const ids = order(el);
    expect(ids.indexOf('email')).to.equal(2);
    expect(ids).to.deep.equal(el.config?.fields.map((field) => field.id));
    expect(new Set(ids).size).to.equal(25);
    expect(announcement(el)).to.equal('E-mail address moved to position 3 of 25');

    // The DOM sortable touched is still Lit's: a later render moves the right nodes.
    handle(el, 'email').focus();
    await sendKeys({ press: 'ArrowUp' });
    await settle(el);
    expect(order(el).slice(0, 4)).to.deep.equal(['companyName', 'email', 'legalForm', 'siret']);
    expect(order(el)).to.deep.equal(el.config?.fields.map((field) => field.id));
  });

  it('has no axe violation', async () => {
    const el = await mount(withSector());
    await expect(el).to.be.accessible();
  });
});
