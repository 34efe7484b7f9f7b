import { CUSTOM_MAX_LENGTH, displayedFields } from '../resolve.js';
import type { CustomField, CustomFieldType, FieldDefinition, FieldType, FormConfig } from '../types.js';
import { fileLimits, type FileLimits } from './files.js';

/** Everything needed to check one displayed field, derived from the config. */
export interface FieldRule {
  readonly id: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Format checks in order: catalog formats, then custom ones (`digits`, `letters`, `date`…). */
  readonly checks: readonly string[];
  readonly minLength?: number;
  readonly maxLength: number;
  readonly options?: ReadonlySet<string>;
  /** `file` fields: the kinds, largest size and number of files accepted. */
  readonly files?: FileLimits;
}

// What a field's type implies, checked before its `format` (for catalog fields, the same check).
const TYPE_CHECK: Readonly<Record<string, string>> = { email: 'email', tel: 'phone', url: 'url', date: 'date' };

function checksOf(field: FieldDefinition | CustomField): string[] {
  const checks: string[] = [];
  const implied = Object.hasOwn(TYPE_CHECK, field.type) ? TYPE_CHECK[field.type] : undefined;
  if (implied) checks.push(implied);
  if (field.format && field.format !== implied) checks.push(field.format);
  return checks;
}

// Configs are immutable (every edit returns a new object), so rules are derived once per config:
// that is a third of the time of a whole validation otherwise.
const cache = new WeakMap<FormConfig, readonly FieldRule[]>();

/** The rules of the displayed fields of `config`, in display order. */
export function fieldRules(config: FormConfig): readonly FieldRule[] {
  let rules = cache.get(config);
  if (!rules) cache.set(config, (rules = deriveRules(config)));
  return rules;
}

function deriveRules(config: FormConfig): FieldRule[] {
  // Prototype-less rules: an absent `minLength` or `options` must not be read from a polluted Object.prototype.
  return displayedFields(config).map(([{ id, required }, field]) => Object.assign(Object.create(null) as FieldRule, {
    id,
    type: field.type,
    required,
    checks: checksOf(field),
    ...(field.minLength !== undefined ? { minLength: field.minLength } : {}),
    maxLength: field.maxLength ?? CUSTOM_MAX_LENGTH[field.type as CustomFieldType],
    ...(field.options ? { options: new Set(field.options.map((option) => option.value)) } : {}),
    ...(field.type === 'file' ? { files: fileLimits(field as CustomField) } : {}),
  }));
}
