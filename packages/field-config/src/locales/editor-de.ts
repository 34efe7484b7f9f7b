// The German chunk of the editor bundle (form-field-config.editor-de.js): the shared words (field labels), its own, config issues and conditions in words,
// fetched the first time a page asks for German (the preview's form fetches its own chunk).
export { core } from '@account-request/sdk/locales/de/core';
export { editor } from '@account-request/sdk/locales/de/editor';
export { issues } from '@account-request/sdk/locales/de/issues';
export { botCheck } from '@account-request/sdk/locales/de/botCheck';
export { conditions } from '@account-request/sdk/locales/de/conditions';
