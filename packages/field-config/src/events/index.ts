export { FieldConfigChangeEvent } from './field-config-change.js';
export { FieldConfigSaveEvent } from './field-config-save.js';
export { FieldConfigErrorEvent } from './field-config-error.js';
