import { expect } from '@open-wc/testing';
import { mount, part, settle, withSector } from '../test-helpers/editor.js';

describe('<ffc-preview>', () => {
  it('shows a live form of the draft that stores nothing and sends nothing', async () => {
    const el = await mount(withSector(), { preview: true, lang: 'fr' });
    const pane = part(el, 'ffc-preview');
    const form = pane.querySelector('account-request-form') as HTMLElement & { config: unknown; updateComplete: Promise<unknown> };
    expect(pane.querySelector('h2')?.textContent).to.equal('Aperçu');
    expect(form.getAttribute('draft')).to.equal('off');
    expect(form.getAttribute('lang')).to.equal('fr');
    expect(form.hasAttribute('action')).to.equal(false);
    expect(form.config).to.equal(el.config);
    const submit = new CustomEvent('account-request-submit', { cancelable: true, bubbles: true, composed: true, detail: { values: {} } });
    const heard: Event[] = [];
    const listen = (event: Event) => heard.push(event);
    document.addEventListener('account-request-submit', listen);
    try {
      expect(form.dispatchEvent(submit), 'the submit event is cancelled').to.equal(false);
    } finally {
      document.removeEventListener('account-request-submit', listen);
    }
    expect(heard, "a page listening for the shop form's submits does not hear the preview's").to.deep.equal([]);

    (part(el, 'ffc-field-rows').querySelector('tr[data-field-id="fax"] input[name="displayed"]') as HTMLInputElement).click();
    await settle(el);
    expect(form.config).to.equal(el.config);
  });

  it('is absent without the preview attribute', async () => {
    const el = await mount();
    expect(el.shadowRoot?.querySelector('ffc-preview')).to.equal(null);
    el.preview = true;
    await settle(el);
    expect(el.shadowRoot?.querySelector('ffc-preview')).to.not.equal(null);
  });
});
