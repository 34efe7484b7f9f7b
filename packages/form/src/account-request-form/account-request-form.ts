import { AccountRequestForm } from './account-request-form.component.js';

export { AccountRequestForm };
// A page using the single-file bundle adds a language with the bundle's own registry:
// `import { registerLocale } from './account-request-form.bundle.js'` (docs/i18n.md).
export { registerLocale, loadLocale } from '@account-request/sdk';

// Guarded so that two copies of the bundle on one page (a CMS plugin and a theme) do not throw.
if (!customElements.get('account-request-form')) customElements.define('account-request-form', AccountRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'account-request-form': AccountRequestForm;
  }
}
