// The Portuguese chunk of the editor bundle (form-field-config.editor-pt.js): the shared words (field labels), its own, config issues and conditions in words,
// fetched the first time a page asks for Portuguese (the preview's form fetches its own chunk).
export { core } from '@account-request/sdk/locales/pt/core';
export { editor } from '@account-request/sdk/locales/pt/editor';
export { issues } from '@account-request/sdk/locales/pt/issues';
export { botCheck } from '@account-request/sdk/locales/pt/botCheck';
export { conditions } from '@account-request/sdk/locales/pt/conditions';
