// The German chunk of the form bundle (account-request-form.de.js): fetched the first time a page asks for German.
export { core } from '@account-request/sdk/locales/de/core';
export { form } from '@account-request/sdk/locales/de/form';
export { countries } from '@account-request/sdk/locales/de/countries';
