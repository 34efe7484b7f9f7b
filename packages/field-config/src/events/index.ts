export { FieldConfigChangeEvent, type FieldConfigChangeDetail } from './field-config-change.js';
export { FieldConfigSaveEvent, type FieldConfigSaveDetail } from './field-config-save.js';
export { FieldConfigErrorEvent, type FieldConfigErrorDetail } from './field-config-error.js';
