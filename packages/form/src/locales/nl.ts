// The Dutch chunk of the form bundle (account-request-form.nl.js): fetched the first time a page asks for Dutch.
export { core } from '@account-request/sdk/locales/nl/core';
export { form } from '@account-request/sdk/locales/nl/form';
export { countries } from '@account-request/sdk/locales/nl/countries';
