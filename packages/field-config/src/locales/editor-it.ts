// The Italian chunk of the editor bundle (form-field-config.editor-it.js): the shared words (field labels), its own, config issues and conditions in words,
// fetched the first time a page asks for Italian (the preview's form fetches its own chunk).
export { core } from '@account-request/sdk/locales/it/core';
export { editor } from '@account-request/sdk/locales/it/editor';
export { issues } from '@account-request/sdk/locales/it/issues';
export { botCheck } from '@account-request/sdk/locales/it/botCheck';
export { conditions } from '@account-request/sdk/locales/it/conditions';
