import { FormFieldConfig } from './form-field-config.component.js';

export { FormFieldConfig };

if (!customElements.get('form-field-config')) customElements.define('form-field-config', FormFieldConfig);

declare global {
  interface HTMLElementTagNameMap {
    'form-field-config': FormFieldConfig;
  }
}
