// Its own file: a page fetches the form's code once, and this file starts with that failing.
import { expect, fixture, html } from '@open-wc/testing';
import { formSource } from './load-form.js';
import { mount, part, settle, withSector } from '../test-helpers/editor.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';

const load = formSource.load;

/** Makes fetching the form's code fail as a browser says it; counts the attempts. */
function failFetches(): { calls: number } {
  const seen = { calls: 0 };
  formSource.load = () => {
    seen.calls++;
    return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
  };
  return seen;
}

describe('<ffc-preview> fetching the form’s code', () => {
  afterEach(() => {
    formSource.load = load;
  });

  it('is asked for while the config loads, before the pane is there', async () => {
    const seen = failFetches();
    const el = await fixture<FormFieldConfig>(html`<form-field-config config-src="/no-such-config.json" lang="en" preview></form-field-config>`);
    expect(seen.calls).to.equal(1);
    expect(el.shadowRoot?.querySelector('ffc-preview')).to.equal(null);
    el.remove();
  });

  it('says when it could not be fetched, and shows the form once fetched again', async () => {
    const seen = failFetches();
    const el = await mount(withSector(), { preview: true, lang: 'fr' });
    const pane = part(el, 'ffc-preview');
    const alert = pane.querySelector('[role="alert"]');
    expect(alert?.querySelector('p')?.textContent).to.equal('L’aperçu n’a pas pu être chargé. Vos modifications ne sont pas touchées.');
    expect(pane.querySelector('account-request-form')).to.equal(null);
    await expect(pane.host).to.be.accessible();
    // The editor itself works meanwhile.
    expect(part(el, 'ffc-field-rows').querySelector('tr[data-field-id="fax"]')).to.not.equal(null);

    let arrive!: () => void;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    formSource.load = () => {
      seen.calls++;
      return held.then(load);
    };
    const again = alert?.querySelector('button');
    expect(again?.textContent?.trim()).to.equal('Recharger l’aperçu');
    again?.click();
    await new Promise(requestAnimationFrame);
    expect(pane.querySelector('[role="status"]')?.textContent).to.equal('Chargement de l’aperçu…');
    expect(pane.querySelector('[role="alert"]')).to.equal(null);
    expect(pane.activeElement?.localName, 'the focus stays in the pane').to.equal('h2');
    arrive();
    await settle(el);
    expect(pane.activeElement?.localName).to.equal('h2');
    expect(seen.calls).to.equal(2);
    const form = pane.querySelector('account-request-form') as HTMLElement & { config: unknown; updateComplete: Promise<unknown> };
    expect(customElements.get('account-request-form'), 'defined by the fetched code').to.not.equal(undefined);
    await form.updateComplete;
    expect(form.config).to.equal(el.config);
    expect(form.shadowRoot?.querySelector('form')).to.not.equal(null);
  });
});
