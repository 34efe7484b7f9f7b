import { getCatalogField } from '../catalog.js';
import { CUSTOM_MAX_LENGTH } from '../resolve.js';
import type { CustomField, FieldType, FormConfig } from '../types.js';

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
}

// What a custom field's type implies, checked before its `format`.
const TYPE_CHECK: Readonly<Record<string, string>> = { email: 'email', tel: 'phone', url: 'url', date: 'date' };

function customChecks(field: CustomField): string[] {
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
  const custom = new Map(config.customFields.map((field) => [field.id, field]));
  const rules: FieldRule[] = [];
  for (const { id, displayed, required } of config.fields) {
    if (!displayed) continue;
    const def = getCatalogField(id);
    const field = def ? undefined : custom.get(id);
    const source = def ?? field;
    if (!source) continue;
    const choices = source.options ? new Set(source.options.map((option) => option.value)) : undefined;
    rules.push({
      id,
      type: source.type,
      required,
      checks: def ? (def.format ? [def.format] : []) : customChecks(field as CustomField),
      ...(source.minLength !== undefined ? { minLength: source.minLength } : {}),
      maxLength: def ? def.maxLength : (field?.maxLength ?? CUSTOM_MAX_LENGTH[(field as CustomField).type]),
      ...(choices ? { options: choices } : {}),
    });
  }
  return rules;
}
