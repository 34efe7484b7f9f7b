export { defaultConfig } from './defaults.js';
export { parseConfig, safeParseConfig, type SafeParseConfigResult } from './parse.js';
export { configSchema, type ConfigSchema } from './zod-schema.js';
export { ConfigError, isConfigError, type ConfigIssue, type ConfigIssueCode } from './errors.js';
export { CONFIG_LIMITS, CUSTOM_FIELD_TYPES, CUSTOM_FIELD_FORMATS, FILE_KINDS } from './schema.js';
export { takesValueTests, conditionFields } from './conditions.js';
export { takesOptions, takesTextRules } from './normalize.js';
export {
  setDisplayed,
  setRequired,
  moveField,
  addCustomField,
  updateCustomField,
  removeCustomField,
  updateSettings,
  setVisibleWhen,
  isLocked,
  deriveCustomFieldId,
  type NewCustomField,
  type CustomFieldPatch,
  type SettingsPatch,
} from './edits.js';
export { addStepBreak, moveStepBreak, removeStepBreak, setStepTitle } from './step-edits.js';
