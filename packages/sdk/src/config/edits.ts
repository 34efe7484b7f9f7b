import { CUSTOMER_TYPE_FIELD, FIELD_CATALOG, getCatalogField } from '../catalog.js';
import type { Condition, CustomField, CustomFieldType, FieldEntry, FormConfig, Settings, StepBreak } from '../types.js';
import { conditionFields } from './conditions.js';
import { ConfigError } from './errors.js';
import { CUSTOM_FIELD_ID, RESERVED_IDS, takesOptions, takesTextRules } from './normalize.js';
import { parseConfig } from './parse.js';
import { leaveBreak, reanchor } from './step-edits.js';

/** A custom field to add, optionally with its flags (by default it is displayed, not required). */
export type NewCustomField = CustomField & { readonly displayed?: boolean; readonly required?: boolean };
/** Changes to a custom field; a key set to `undefined` removes that property. The id cannot change. */
export type CustomFieldPatch = { readonly [K in Exclude<keyof CustomField, 'id'>]?: CustomField[K] | undefined };
/** Changes to the settings (shallow: `confirmation` is replaced whole) and to `enabled`. */
export type SettingsPatch = { readonly [K in keyof Settings]?: Settings[K] | undefined } & { readonly enabled?: boolean };

/** True when `id` is a locked catalog field: always displayed and required. */
export function isLocked(id: string): boolean {
  return getCatalogField(id)?.locked === true;
}

// Every edit builds a plain candidate and runs it through parseConfig, so an edit can never
// produce a config that parsing would refuse, and arguments from untyped code are validated.
const apply = (config: FormConfig, changes: Partial<FormConfig>): FormConfig => parseConfig({ ...config, ...changes });

function entryIndex(config: FormConfig, id: string): number {
  const index = config.fields.findIndex((entry) => entry.id === id);
  if (index < 0) throw new ConfigError([{ path: ['fields'], code: 'unknown_field', params: { id: String(id) }, message: `unknown field "${String(id)}"` }]);
  return index;
}

const stepsOf = (config: FormConfig): readonly StepBreak[] => (Object.hasOwn(config, 'steps') ? (config.steps ?? []) : []);
const conditionOf = (entry: FieldEntry): Condition | undefined => (Object.hasOwn(entry, 'visibleWhen') ? entry.visibleWhen : undefined);
// An entry with its condition: spreads skip the non-enumerable absent keys parseConfig defines.
const entryWith = (entry: FieldEntry, changes: Partial<FieldEntry>): FieldEntry => {
  const condition = conditionOf(entry);
  return { ...entry, ...(condition ? { visibleWhen: condition } : {}), ...changes };
};

function mapEntry(config: FormConfig, id: string, change: (entry: FieldEntry) => FieldEntry): FormConfig {
  const index = entryIndex(config, id);
  const fields = config.fields.map((entry, i) => (i === index ? change(entry) : entry));
  let steps = stepsOf(config);
  // Shown, the customer type moves first: a break that started the form now starts before it.
  const first = config.fields[0]?.id;
  if (id === CUSTOMER_TYPE_FIELD && fields[index]?.displayed && !config.fields[index]?.displayed && first && first !== id && !steps.some((step) => step.before === id)) {
    steps = reanchor(steps, first, id);
  }
  return apply(config, { fields, steps });
}

/**
 * Shows or hides a field; hiding also clears `required`. Locked fields stay displayed. A
 * displayed `customerType` is required and comes first (a break that started the form moves
 * with it). @throws {ConfigError} when `id` is not a field of the config.
 */
export function setDisplayed(config: FormConfig, id: string, displayed: boolean): FormConfig {
  return mapEntry(config, id, (entry) => entryWith(entry, { displayed, required: displayed && entry.required }));
}

/**
 * Makes a field required or optional; required also displays it. Locked fields stay required.
 * @throws {ConfigError} when `id` is not a field of the config.
 */
export function setRequired(config: FormConfig, id: string, required: boolean): FormConfig {
  return mapEntry(config, id, (entry) => entryWith(entry, { displayed: required || entry.displayed, required }));
}

/**
 * Shows field `id` only when `condition` holds (see `Condition`), or always when `undefined`.
 * @throws {ConfigError} for an unknown field, a locked field or `customerType`
 * (`locked_condition`), a condition naming an unknown field or a value not offered, or one
 * that would make a field depend on itself (`condition_cycle`).
 */
export function setVisibleWhen(config: FormConfig, id: string, condition: Condition | undefined): FormConfig {
  return mapEntry(config, id, (entry) => {
    const { visibleWhen: _dropped, ...rest } = entryWith(entry, {});
    return condition === undefined ? rest : { ...rest, visibleWhen: condition };
  });
}

/**
 * Moves the field at index `from` of `config.fields` to index `to`. Indices that are not
 * integers within `fields` return `config` unchanged, as moving the first row up does:
 * drag libraries and arrow keys reach the edges, which is no error.
 * Step breaks stay between the rows they separate: a break that started at the moved field
 * passes to the field that followed it, and the moved field joins the step of the field it
 * lands next to (moving up, the one now below it; moving down, the one now above it). To make
 * a field the first of a step, move the break too (`moveStepBreak`).
 */
export function moveField(config: FormConfig, from: number, to: number): FormConfig {
  const count = config.fields.length;
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < count;
  if (!valid(from) || !valid(to) || from === to) return config;
  const fields = [...config.fields];
  const [moved] = fields.splice(from, 1);
  if (!moved) return config;
  fields.splice(to, 0, moved);
  let steps = leaveBreak(stepsOf(config), config.fields, moved.id);
  const below = fields[to + 1]?.id;
  if (to < from && below !== undefined && steps.some((step) => step.before === below)) steps = reanchor(steps, below, moved.id);
  return apply(config, { fields, steps });
}

/**
 * Adds a custom field at the end of the form, displayed and optional unless `field` says
 * otherwise. @throws {ConfigError} when the field is invalid or its id is taken.
 */
export function addCustomField(config: FormConfig, field: NewCustomField): FormConfig {
  const { displayed = true, required = false, ...definition } = field;
  if (config.fields.some((entry) => entry.id === definition.id)) {
    const id = String(definition.id);
    throw new ConfigError([{ path: ['customFields', config.customFields.length, 'id'], code: 'duplicate_id', params: { id }, message: `"${id}" is already used` }]);
  }
  return apply(config, {
    customFields: [...config.customFields, definition],
    fields: [...config.fields, { id: definition.id, displayed, required }],
  });
}

function customIndex(config: FormConfig, id: string): number {
  const index = config.customFields.findIndex((field) => field.id === id);
  if (index < 0) {
    const params = { id: String(id) };
    throw new ConfigError([
      getCatalogField(id)
        ? { path: ['customFields'], code: 'not_custom', params, message: `"${params.id}" is a catalog field: hide it instead` }
        : { path: ['customFields'], code: 'unknown_custom_field', params, message: `unknown custom field "${params.id}"` },
    ]);
  }
  return index;
}

/**
 * Changes a custom field. When `patch.type` changes the kind of field, properties the new
 * type does not take (options; format and lengths) are dropped unless the patch sets them.
 * @throws {ConfigError} for an unknown id or an invalid result.
 */
export function updateCustomField(config: FormConfig, id: string, patch: CustomFieldPatch): FormConfig {
  const index = customIndex(config, id);
  const current = config.customFields[index] as CustomField;
  const next: Record<string, unknown> = { ...current };
  const type = (patch.type ?? current.type) as CustomFieldType;
  if (type !== current.type) {
    if (!takesOptions(type)) delete next['options'];
    if (!takesTextRules(type)) for (const key of ['format', 'minLength', 'maxLength']) delete next[key];
    if (type !== 'file') for (const key of ['accept', 'maxBytes', 'maxFiles']) delete next[key];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || !['type', 'label', 'help', 'options', 'format', 'minLength', 'maxLength', 'accept', 'maxBytes', 'maxFiles'].includes(key)) continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return apply(config, { customFields: config.customFields.map((field, i) => (i === index ? (next as unknown as CustomField) : field)) });
}

/**
 * Removes a custom field and its place in `fields`; a step break that started at it passes to
 * the next field. @throws {ConfigError} for an unknown id, a catalog field (hide those instead),
 * or a field another field's condition reads (`field_in_use`: change that condition first).
 */
export function removeCustomField(config: FormConfig, id: string): FormConfig {
  const index = customIndex(config, id);
  const reader = config.fields.find((entry) => {
    const condition = conditionOf(entry);
    return condition !== undefined && conditionFields(condition).includes(id);
  });
  if (reader) {
    throw new ConfigError([{ path: ['customFields', index], code: 'field_in_use', params: { id, by: reader.id }, message: `"${id}" is read by the condition of "${reader.id}"` }]);
  }
  return apply(config, {
    customFields: config.customFields.filter((_, i) => i !== index),
    fields: config.fields.filter((entry) => entry.id !== id),
    steps: leaveBreak(stepsOf(config), config.fields, id),
  });
}

/**
 * Changes settings and `enabled`. A key set to `undefined` (or `''` for the e-mail) goes back
 * to its default. @throws {ConfigError} when a value is invalid (unsafe redirect, bad e-mail…).
 */
export function updateSettings(config: FormConfig, patch: SettingsPatch): FormConfig {
  const { enabled, ...settings } = patch;
  const next: Record<string, unknown> = { ...config.settings };
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return apply(config, { enabled: enabled ?? config.enabled, settings: next as unknown as Settings });
}

/**
 * A custom field id derived from a label for the editor: accents dropped, words joined in
 * camelCase (`"Secteur d'activité"` → `secteurDActivite`), prefixed when it would not start
 * with a letter, and suffixed with a number when taken or reserved.
 */
export function deriveCustomFieldId(label: string, config: FormConfig): string {
  const words = String(label).normalize('NFD').replace(/\p{M}/gu, '').match(/[A-Za-z0-9]+/g) ?? [];
  let base = words.map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w.toLowerCase())).join('');
  if (!/^[a-z]/.test(base)) base = `field${base[0]?.toUpperCase() ?? ''}${base.slice(1)}`;
  base = base.slice(0, 58);
  const taken = new Set([...FIELD_CATALOG.map((f) => f.id), ...config.fields.map((f) => f.id), ...config.customFields.map((f) => f.id)]);
  const free = (id: string) => CUSTOM_FIELD_ID.test(id) && !taken.has(id) && !RESERVED_IDS.has(id);
  let id = base;
  for (let n = 2; !free(id); n++) id = `${base}${n}`;
  return id;
}
