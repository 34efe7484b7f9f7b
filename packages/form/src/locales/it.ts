// The Italian chunk of the form bundle (account-request-form.it.js): fetched the first time a page asks for Italian.
export { core } from '@account-request/sdk/locales/it/core';
export { form } from '@account-request/sdk/locales/it/form';
export { countries } from '@account-request/sdk/locales/it/countries';
