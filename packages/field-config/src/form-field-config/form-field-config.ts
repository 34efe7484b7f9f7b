import { FormFieldConfig } from './form-field-config.component.js';

export { FormFieldConfig };
// A page using the single-file bundle adds a language with the bundle's own registry:
// `import { registerLocale } from './form-field-config.bundle.js'` (docs/i18n.md).
export { registerLocale, loadLocale } from '@account-request/sdk';

if (!customElements.get('form-field-config')) customElements.define('form-field-config', FormFieldConfig);

declare global {
  interface HTMLElementTagNameMap {
    'form-field-config': FormFieldConfig;
  }
}
