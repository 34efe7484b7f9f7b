// Both elements follow the language of the page as it changes: the nearest ancestor's `lang`,
// across shadow roots, then the document's. One controller does it for both.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { defaultConfig } from '@account-request/sdk';
import '@account-request/form/account-request-form.js';
import '@account-request/field-config/form-field-config.js';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';

type Rendering = HTMLElement & { updateComplete: Promise<unknown> };

/** A component of the page holding both elements in its shadow root, inside a `<div>`. */
class LangHost extends HTMLElement {
  readonly inner: HTMLDivElement;
  readonly form: AccountRequestForm;
  readonly editor: FormFieldConfig;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.inner = document.createElement('div');
    this.form = document.createElement('account-request-form');
    this.form.config = defaultConfig();
    this.editor = document.createElement('form-field-config');
    this.editor.config = defaultConfig();
    this.inner.append(this.form, this.editor);
    root.append(this.inner);
  }
}
customElements.define('lang-host', LangHost);

/** Waits until the elements and the editor's internal elements rendered. */
async function settled(...elements: Rendering[]): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await nextFrame();
    const inner = elements.flatMap((el) => [...(el.shadowRoot?.querySelectorAll<Rendering>('ffc-settings, ffc-field-rows') ?? [])]);
    await Promise.all([...elements, ...inner].map((el) => el.updateComplete));
  }
}

/** What each element says in the words that depend on the language. */
function words(form: AccountRequestForm, editor: FormFieldConfig): string[] {
  const settings = editor.shadowRoot?.querySelector('ffc-settings')?.shadowRoot;
  return [
    form.shadowRoot?.querySelector('[part~="submit"]')?.textContent?.trim() ?? '',
    editor.shadowRoot?.querySelector('[part~="save"]')?.textContent?.trim() ?? '',
    settings?.querySelector('h2')?.textContent?.trim() ?? '',
  ];
}

/** The same words, from elements given `lang` outright. */
async function wordsIn(lang: string): Promise<string[]> {
  const form = await fixture<AccountRequestForm>(html`<account-request-form lang=${lang} .config=${defaultConfig()}></account-request-form>`);
  const editor = await fixture<FormFieldConfig>(html`<form-field-config lang=${lang} .config=${defaultConfig()}></form-field-config>`);
  await settled(form, editor);
  return words(form, editor);
}

describe('the language of both elements', () => {
  const documentLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('follows a change of an ancestor’s lang, across shadow roots, then the document’s', async () => {
    const [english, french] = [await wordsIn('en'), await wordsIn('fr')];
    expect(french).to.not.deep.equal(english);
    const section = await fixture<HTMLElement>(html`<section lang="en"><lang-host></lang-host></section>`);
    const host = section.querySelector('lang-host') as LangHost;
    const { form, editor, inner } = host;
    await settled(form, editor);
    expect(words(form, editor)).to.deep.equal(english);

    section.lang = 'fr';
    await settled(form, editor);
    expect(words(form, editor), 'an ancestor in the page').to.deep.equal(french);

    inner.lang = 'en';
    await settled(form, editor);
    expect(words(form, editor), 'an ancestor inside the shadow root').to.deep.equal(english);

    inner.removeAttribute('lang');
    section.removeAttribute('lang');
    document.documentElement.lang = 'fr';
    await settled(form, editor);
    expect(words(form, editor), 'the document').to.deep.equal(french);

    form.lang = 'en';
    editor.setAttribute('lang', 'en');
    await settled(form, editor);
    expect(words(form, editor), 'their own lang wins').to.deep.equal(english);
  });
});
