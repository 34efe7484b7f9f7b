export { FormFieldConfig } from './form-field-config/form-field-config.js';
export {
  FieldConfigChangeEvent,
  FieldConfigSaveEvent,
  FieldConfigErrorEvent,
  type FieldConfigChangeDetail,
  type FieldConfigSaveDetail,
  type FieldConfigErrorDetail,
} from './events/index.js';
