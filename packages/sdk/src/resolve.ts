import { getCatalogField } from './catalog.js';
import { own, shadowAbsent } from './own.js';
import { texts } from './i18n/registry.js';
import { localize } from './i18n/resolve.js';
import type { CustomField, CustomFieldType, FieldDefinition, FieldEntry, FormConfig, InputMode, OptionDefinition, ResolvedField } from './types.js';
import { FILE_KIND_TYPES, fileLimits } from './validation/files.js';

/** Maximum length of a custom field's value when its config sets none, per type. */
export const CUSTOM_MAX_LENGTH: Readonly<Record<CustomFieldType, number>> = {
  text: 255,
  textarea: 2000,
  email: 254,
  tel: 30,
  url: 2048,
  number: 32,
  date: 10,
  select: 100,
  radio: 100,
  checkbox: 5,
  // A file's display name.
  file: 255,
};

const RESOLVED_OPTIONAL = ['help', 'autocomplete', 'inputmode', 'minLength', 'options', 'accept', 'maxBytes', 'maxFiles', 'acceptTypes'];

// A file field's limits, defaults filled, and the `accept` attribute of its input (types and extensions).
function fileProperties(field: FieldDefinition | CustomField): Record<string, unknown> {
  if (field.type !== 'file') return {};
  const limits = fileLimits(field as CustomField);
  const extensions: Readonly<Record<string, string>> = { pdf: '.pdf', jpeg: '.jpg,.jpeg', png: '.png' };
  const acceptTypes = limits.accept.map((kind) => `${FILE_KIND_TYPES[kind]},${extensions[kind]}`).join(',');
  return { accept: [...limits.accept], maxBytes: limits.maxBytes, maxFiles: limits.maxFiles, acceptTypes };
}

const CUSTOM_INPUTMODE: Readonly<Record<string, InputMode>> = {
  digits: 'numeric',
  phone: 'tel',
  email: 'email',
  url: 'url',
  tel: 'tel',
  number: 'decimal',
};

/** The input mode of a custom field: from its format, else from its type. */
export function customInputMode(field: CustomField): InputMode | undefined {
  const key = field.format && Object.hasOwn(CUSTOM_INPUTMODE, field.format) ? field.format : field.type;
  return Object.hasOwn(CUSTOM_INPUTMODE, key) ? CUSTOM_INPUTMODE[key] : undefined;
}

type Words = { readonly label: string; readonly help?: string; readonly options?: Readonly<Record<string, string>> };

export function resolveField(entry: FieldEntry, field: FieldDefinition | CustomField, locale: string): ResolvedField {
  const def = getCatalogField(field.id) ? (field as FieldDefinition) : undefined;
  // A catalog field's words come from the registry (any registered language), a custom one's from its config.
  const words = def ? (texts('core', locale).fields[def.id] as Words) : undefined;
  // Registry tables are plain objects: a key a field's words lack must not come from Object.prototype.
  const [help, options] = [own(words, 'help'), own(words, 'options')];
  const optionLabel = (option: OptionDefinition): string => own(options, option.value) ?? localize(option.label, locale);
  const resolved: Record<string, unknown> = {
    id: field.id,
    type: field.type,
    label: words ? words.label : localize(field.label, locale),
    help: (words ? help : localize(field.help, locale)) || undefined,
    required: entry.required,
    locked: def?.locked ?? false,
    custom: !def,
    autocomplete: def?.autocomplete,
    inputmode: def ? def.inputmode : customInputMode(field as CustomField),
    minLength: field.minLength,
    maxLength: field.maxLength ?? CUSTOM_MAX_LENGTH[field.type as CustomFieldType],
    options: field.options?.map((option: OptionDefinition) => ({ value: option.value, label: optionLabel(option) })),
    ...fileProperties(field),
  };
  // Optional properties are absent, never `undefined` (exactOptionalPropertyTypes, JSON, deepEqual),
  // and read as absent even from a polluted Object.prototype.
  for (const key of Object.keys(resolved)) if (resolved[key] === undefined) delete resolved[key];
  return shadowAbsent(resolved, RESOLVED_OPTIONAL) as unknown as ResolvedField;
}

/**
 * The "I confirm the information above is accurate" checkbox every form ends with, as a
 * resolved field in `locale`: id `confirmed`, required, not a field of the config.
 */
export function resolveConfirmation(locale: string): ResolvedField {
  const field = { id: 'confirmed', type: 'checkbox', label: texts('core', locale).confirm, required: true, locked: true, custom: false, maxLength: 5 };
  return shadowAbsent(field, RESOLVED_OPTIONAL) as ResolvedField;
}

/** The displayed fields of `config` in display order, each with its catalog or custom definition. */
export function displayedFields(config: FormConfig): [FieldEntry, FieldDefinition | CustomField][] {
  const custom = new Map(config.customFields.map((field) => [field.id, field]));
  const out: [FieldEntry, FieldDefinition | CustomField][] = [];
  for (const entry of config.fields) {
    const field = entry.displayed ? (getCatalogField(entry.id) ?? custom.get(entry.id)) : undefined;
    // A prototype-less copy: an optional key the field lacks (`pattern`, `minLength`, `options`…)
    // must read as absent even on a page that polluted Object.prototype.
    if (field) out.push([entry, Object.assign(Object.create(null) as FieldDefinition | CustomField, field)]);
  }
  return out;
}

/** The label of field `id` in `locale`: the registry's for a catalog field, the config's for a custom one; `id` when unknown. */
export function fieldLabel(config: FormConfig, id: string, locale: string): string {
  if (getCatalogField(id)) return (texts('core', locale).fields[id as FieldDefinition['id']] as Words).label;
  const custom = config.customFields.find((field) => field.id === id);
  return custom ? localize(custom.label, locale) : id;
}

/**
 * What a form renders: the displayed fields in display order, labels, help texts and option
 * labels in `locale` (falling back to `en`), with the catalog's autocomplete token, input mode
 * and length limits, and each custom field's limits (255 characters for text and 2,000 for a
 * textarea unless its config says otherwise).
 */
export function resolveFields(config: FormConfig, { locale }: { locale: string }): ResolvedField[] {
  return displayedFields(config).map(([entry, field]) => resolveField(entry, field, locale));
}
