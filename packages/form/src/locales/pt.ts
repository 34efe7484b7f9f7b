// The Portuguese chunk of the form bundle (account-request-form.pt.js): fetched the first time a page asks for Portuguese.
export { core } from '@account-request/sdk/locales/pt/core';
export { form } from '@account-request/sdk/locales/pt/form';
export { countries } from '@account-request/sdk/locales/pt/countries';
