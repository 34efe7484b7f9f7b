// The form and the editor in each of the seven built-in languages: every text they render
// (labels, help, options, errors, the summary, buttons, announcements, the editor's panels,
// its custom-field dialog and the config issues it shows) comes in the language asked, never
// in English by fallback. The five languages beyond fr and en arrive as chunks.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { addCustomField, defaultConfig, FIELD_CATALOG, loadLocale, setDisplayed, setRequired, type FormConfig } from '@account-request/sdk';
import '@account-request/form/account-request-form.js';
import '@account-request/field-config/form-field-config.js';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';
import { englishIn, OTHER_LANGUAGES, segmentsOfDom } from '../test-helpers/english-fallback.js';

type Rendering = HTMLElement & { updateComplete: Promise<unknown> };

/** Every catalog field shown, half of them required. */
function everyField(): FormConfig {
  return FIELD_CATALOG.reduce((config, field, i) => setRequired(setDisplayed(config, field.id, true), field.id, field.locked || i % 2 === 0), defaultConfig());
}

/** A custom select field whose config texts exist in every language (config texts are not the registry's). */
function withSector(): FormConfig {
  const words = { en: 'Sector', fr: 'Secteur', de: 'Branche', es: 'Sector de actividad', it: 'Settore', nl: 'Sector', pt: 'Setor' };
  return addCustomField(defaultConfig(), { id: 'sector', type: 'select', label: words, options: [{ value: 'retail', label: { en: 'Retail', fr: 'Commerce', de: 'Handel', es: 'Comercio', it: 'Commercio', nl: 'Handel', pt: 'Comércio' } }] });
}

async function settled(el: Rendering): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await nextFrame();
    const inner = [...(el.shadowRoot?.querySelectorAll<Rendering>('ffc-field-rows, ffc-custom-fields, ffc-settings, ffc-preview, account-request-form') ?? [])];
    const nested = inner.flatMap((child) => [...(child.shadowRoot?.querySelectorAll<Rendering>('account-request-form') ?? [])]);
    await Promise.all([el, ...inner, ...nested].map((child) => child.updateComplete));
  }
}

function expectSpoken(el: Element, language: string): void {
  const segments = segmentsOfDom(el);
  expect(segments.length).to.be.greaterThan(20);
  const found = englishIn(segments, language).filter((problem) => language !== 'en' || problem.startsWith('missing'));
  expect(found, `${language}: ${found.join('\n')}`).to.deep.equal([]);
}

describe('every language', () => {
  for (const language of ['en', ...OTHER_LANGUAGES]) {
    it(`renders the form in ${language}, errors and summary included`, async () => {
      await loadLocale(language);
      const el = await fixture<AccountRequestForm>(html`<account-request-form lang=${language} draft="off" .config=${everyField()}></account-request-form>`);
      await settled(el);
      el.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
      await settled(el);
      expect(el.shadowRoot?.querySelectorAll('[part="error"]').length).to.be.greaterThan(5);
      expectSpoken(el, language);
    });

    it(`renders the editor in ${language}, its custom-field dialog and config issues included`, async () => {
      await loadLocale(language);
      const el = await fixture<FormFieldConfig>(html`<form-field-config lang=${language} preview .config=${withSector()}></form-field-config>`);
      await settled(el);
      const custom = el.shadowRoot?.querySelector('ffc-custom-fields')?.shadowRoot;
      custom?.querySelector<HTMLButtonElement>('#add')?.click();
      await settled(el);
      // An empty field: the SDK's issues (missing label, options) are shown in the language.
      const type = custom?.querySelector<HTMLSelectElement>('#type');
      if (type) {
        type.value = 'select';
        type.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await settled(el);
      custom?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settled(el);
      expect(custom?.querySelectorAll('.error, [part~="error"]').length, 'issues shown').to.be.greaterThan(0);
      expectSpoken(el, language);
    });
  }
});
