import { exactText, FILE_KINDS, takesOptions, takesTextRules } from '@account-request/sdk';
import type { ConfigIssue, CustomField, CustomFieldFormat, CustomFieldPatch, CustomFieldType, FileKind, LocalizedText, OptionDefinition } from '@account-request/sdk';

/** Bytes in one MB as file limits count them (the SDK's `formatFileSize` shows 5 MiB as "5 MB"). */
export const MEGABYTE = 1024 * 1024;

/** One option row of the form, as typed. */
export interface OptionDraft {
  value: string;
  fr: string;
  en: string;
}

/** The add / edit form of a custom field, as typed (every box is a string). */
export interface FieldDraft {
  /** The id of the field being edited; undefined for a new field. */
  readonly editing: string | undefined;
  /** The field being edited, to keep what the form does not show (other locales). */
  readonly original: CustomField | undefined;
  type: CustomFieldType;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  helpEn: string;
  id: string;
  /** The admin typed an id: stop deriving it from the label. */
  idEdited: boolean;
  options: OptionDraft[];
  format: CustomFieldFormat | '';
  minLength: string;
  maxLength: string;
  /** File fields: the kinds accepted, the largest file in MB and how many files (empty: the SDK's defaults). */
  accept: FileKind[];
  maxBytes: string;
  maxFiles: string;
}

/** A form for a new field, or filled from `field` (a config's: its absent optional keys read as absent, see the SDK's parseConfig). */
export function draftOf(field?: CustomField): FieldDraft {
  return {
    editing: field?.id,
    original: field,
    type: field?.type ?? 'text',
    labelFr: exactText(field?.label, 'fr'),
    labelEn: exactText(field?.label, 'en'),
    helpFr: exactText(field?.help, 'fr'),
    helpEn: exactText(field?.help, 'en'),
    id: field?.id ?? '',
    idEdited: false,
    options: (field?.options ?? []).map((option) => ({ value: option.value, fr: exactText(option.label, 'fr'), en: exactText(option.label, 'en') })),
    format: field?.format ?? '',
    minLength: field?.minLength?.toString() ?? '',
    maxLength: field?.maxLength?.toString() ?? '',
    accept: [...(field?.accept ?? FILE_KINDS)],
    maxBytes: field?.maxBytes === undefined ? '' : String(Math.round((field.maxBytes / MEGABYTE) * 100) / 100),
    maxFiles: field?.maxFiles?.toString() ?? '',
  };
}

/** fr and en from a form over the other locales of the original text; undefined when empty. */
export function text(fr: string, en: string, original?: LocalizedText): LocalizedText | undefined {
  const map: Record<string, string> = typeof original === 'object' ? { ...original } : {};
  for (const [locale, value] of [['fr', fr.trim()], ['en', en.trim()]] as const) {
    if (value) map[locale] = value;
    else delete map[locale];
  }
  return Object.keys(map).length ? map : undefined;
}

/**
 * The option of the field being edited that `row` (at index `i`) continues, to keep its other
 * locales: the one with the row's value or, the value renamed, the one at the row's place when
 * no row kept its value and its French or English label is unchanged (a new option there has none to keep).
 */
function originalOption({ original, options }: FieldDraft, row: OptionDraft, i: number): OptionDefinition | undefined {
  const at = original?.options?.[i];
  const kept = (option: OptionDefinition) => options.some((other) => other.value.trim() === option.value);
  return (
    original?.options?.find((option) => option.value === row.value.trim()) ??
    (at && !kept(at) && (exactText(at.label, 'fr') === row.fr.trim() || exactText(at.label, 'en') === row.en.trim()) ? at : undefined)
  );
}

const length = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));
// MB as typed (a comma is a decimal separator in most of the editor's languages) to whole bytes.
const bytes = (value: string): number | undefined => (value.trim() === '' ? undefined : Math.round(Number(value.trim().replace(',', '.')) * MEGABYTE));

/**
 * The changes the form describes, for `updateCustomField` (undefined removes a property),
 * with the label left empty when none was typed so that the SDK reports it.
 */
export function patchOf(draft: FieldDraft): CustomFieldPatch & { readonly label: LocalizedText } {
  const { type } = draft;
  const textual = takesTextRules(type);
  return {
    type,
    label: text(draft.labelFr, draft.labelEn, draft.original?.label) ?? '',
    help: text(draft.helpFr, draft.helpEn, draft.original?.help),
    options: takesOptions(type) ? draft.options.map((option, i) => ({ value: option.value.trim(), label: text(option.fr, option.en, originalOption(draft, option, i)?.label) ?? '' })) : undefined,
    format: textual && draft.format ? draft.format : undefined,
    minLength: textual ? length(draft.minLength) : undefined,
    maxLength: textual ? length(draft.maxLength) : undefined,
    // Only a file field names its limits (the SDK drops them when the type changes away from file).
    ...(type === 'file' ? { accept: FILE_KINDS.filter((kind) => draft.accept.includes(kind)), maxBytes: bytes(draft.maxBytes), maxFiles: length(draft.maxFiles) } : {}),
  };
}

/** The new field the form describes, for `addCustomField` (no undefined keys). */
export function fieldOf(draft: FieldDraft): CustomField {
  const field: Record<string, unknown> = { id: draft.id.trim() };
  for (const [key, value] of Object.entries(patchOf(draft))) if (value !== undefined) field[key] = value;
  return field as unknown as CustomField;
}

/** The form control an SDK issue points at (`customFields.3.label` → `labelFr`). */
export function controlOf(issue: ConfigIssue): string {
  const [root, , key] = issue.path;
  // The SDK checks a new field's id twice, as a custom field and as an entry of the list (`fields.25.id`): the same box.
  if (root === 'fields' && key === 'id') return 'id';
  if (root !== 'customFields' || typeof key !== 'string') return 'general';
  if (key === 'label' || key === 'help') return `${key}Fr`;
  return ['id', 'type', 'options', 'format', 'minLength', 'maxLength', 'accept', 'maxBytes', 'maxFiles'].includes(key) ? key : 'general';
}
