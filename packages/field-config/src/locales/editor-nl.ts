// The Dutch chunk of the editor bundle (form-field-config.editor-nl.js): the shared words (field labels), its own, config issues and conditions in words,
// fetched the first time a page asks for Dutch (the preview's form fetches its own chunk).
export { core } from '@account-request/sdk/locales/nl/core';
export { editor } from '@account-request/sdk/locales/nl/editor';
export { issues } from '@account-request/sdk/locales/nl/issues';
export { botCheck } from '@account-request/sdk/locales/nl/botCheck';
export { conditions } from '@account-request/sdk/locales/nl/conditions';
