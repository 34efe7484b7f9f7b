// The Spanish chunk of the form bundle (account-request-form.es.js): fetched the first time a page asks for Spanish.
export { core } from '@account-request/sdk/locales/es/core';
export { form } from '@account-request/sdk/locales/es/form';
export { countries } from '@account-request/sdk/locales/es/countries';
