// The Spanish chunk of the editor bundle (form-field-config.editor-es.js): the shared words (field labels), its own, config issues and conditions in words,
// fetched the first time a page asks for Spanish (the preview's form fetches its own chunk).
export { core } from '@account-request/sdk/locales/es/core';
export { editor } from '@account-request/sdk/locales/es/editor';
export { issues } from '@account-request/sdk/locales/es/issues';
export { botCheck } from '@account-request/sdk/locales/es/botCheck';
export { conditions } from '@account-request/sdk/locales/es/conditions';
