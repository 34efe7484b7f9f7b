export { FormFieldConfig } from './form-field-config/form-field-config.js';
export { FieldConfigChangeEvent, FieldConfigSaveEvent, FieldConfigErrorEvent } from './events/index.js';
export { editorContext, type EditorStore, type Edit } from './context.js';
export { HistoryController } from './controllers/history.js';
export { SortableController, type SortableOptions } from './controllers/sortable.js';
export { strings, type Strings } from './i18n.js';
