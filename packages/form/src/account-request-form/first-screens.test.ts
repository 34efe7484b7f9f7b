import { expect } from '@open-wc/testing';
import { AT_ONCE_FIELDS, FIRST_FIELDS } from '../controllers/first-screens.js';
import { focused, makeConfig, root } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

/** A config of `count` custom text fields, `field0`…; those in `required` are required. */
function longConfig(count: number, required: readonly number[] = []): Record<string, unknown> {
  const customFields = Array.from({ length: count }, (_, i) => ({ id: `field${i}`, type: 'text', label: { en: `Field ${i}`, fr: `Champ ${i}` } }));
  return { ...makeConfig(customFields.map((field, i) => ({ id: field.id, required: required.includes(i) }))), customFields };
}

// Always displayed whatever the config says.
const LOCKED = ['companyName', 'email'];

const fieldCount = (el: AccountRequestForm) => root(el).querySelectorAll('[name^="field"]').length;

/** Appends a form and resolves with the number of fields its first render put in the DOM (seen before any later task runs). */
async function firstRender(config: Record<string, unknown>): Promise<{ el: AccountRequestForm; first: number }> {
  const el = document.createElement('account-request-form') as AccountRequestForm;
  el.lang = 'en';
  el.draft = 'off';
  el.config = config;
  document.body.append(el);
  const first = await new Promise<number>((resolve) => {
    // Mutation records are delivered in a microtask: right after the first render, before the
    // task that renders the rest.
    const observer = new MutationObserver(() => {
      if (fieldCount(el) === 0) return;
      observer.disconnect();
      resolve(fieldCount(el));
    });
    observer.observe(el.shadowRoot ?? el, { childList: true, subtree: true });
  });
  return { el, first };
}

describe('<account-request-form> long forms', () => {
  afterEach(() => {
    for (const form of document.querySelectorAll('account-request-form')) form.remove();
  });

  it('renders the first screens of a long form first, and every field by the time updateComplete resolves', async () => {
    const { el, first } = await firstRender(longConfig(120));
    expect(first).to.equal(FIRST_FIELDS);
    expect(await el.updateComplete).to.equal(true);
    expect(fieldCount(el)).to.equal(120);
    // The rest comes before the box and the button, in config order.
    const names = [...root(el).querySelectorAll<HTMLInputElement>('[part~="input"]')].map((input) => input.name);
    // The catalog's locked fields (company name, e-mail) come after the custom ones here.
    expect(names.slice(-4)).to.deep.equal(['field119', ...LOCKED, 'confirmed']);
    expect(names.indexOf('field24')).to.equal(FIRST_FIELDS);
  });

  it('renders a form of up to AT_ONCE_FIELDS fields at once', async () => {
    const custom = AT_ONCE_FIELDS - LOCKED.length;
    const { el, first } = await firstRender(longConfig(custom));
    expect(first).to.equal(custom);
    await el.updateComplete;
    expect(fieldCount(el)).to.equal(custom);
  });

  it('shows and focuses an error beyond the first screens even when asked before they are all there', async () => {
    const { el } = await firstRender(longConfig(80, [70]));
    expect(fieldCount(el)).to.equal(FIRST_FIELDS);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    const control = root(el).querySelector<HTMLInputElement>('[name="field70"]');
    expect(control?.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(control);
  });
});
