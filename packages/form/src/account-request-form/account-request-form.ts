import { AccountRequestForm } from './account-request-form.component.js';

export { AccountRequestForm };

// Guarded so that two copies of the bundle on one page (a CMS plugin and a theme) do not throw.
if (!customElements.get('account-request-form')) customElements.define('account-request-form', AccountRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'account-request-form': AccountRequestForm;
  }
}
