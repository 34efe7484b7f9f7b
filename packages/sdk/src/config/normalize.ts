import { FIELD_CATALOG, getCatalogField, HONEYPOT_FIELD, isCatalogFieldId } from '../catalog.js';
import type { CustomField, FieldEntry, FormConfig, LocalizedText, Settings } from '../types.js';
import { isSafeRedirectUrl, isValidEmail } from '../validation/validators/index.js';
import type { ConfigIssue } from './errors.js';
import type { RawConfig, RawCustomField } from './schema.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RawText = string | Record<string, string>;

/** Pattern every custom field id matches. */
export const CUSTOM_FIELD_ID = /^[a-z][A-Za-z0-9_]{0,63}$/;

/**
 * Ids no custom field may take: prototype keys, the honeypot (the server would take the
 * field for a bot trap) and `confirmed` (the confirmation checkbox's error field).
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'confirmed', HONEYPOT_FIELD]);

/** Custom types that hold options. */
export const CHOICE_TYPES: ReadonlySet<string> = new Set(['select', 'radio']);
/** Text-like custom types: the only ones that take `format`, `minLength` and `maxLength`. */
export const TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'textarea', 'email', 'tel', 'url']);

// Label maps hold only keys the schema checked as locale tags, so a plain object is safe:
// `__proto__` is never one of them.
function copyText(text: RawText): LocalizedText {
  return typeof text === 'string' ? text : { ...text };
}

function isBlank(text: RawText | null | undefined): boolean {
  if (text == null) return true;
  return typeof text === 'string' ? !text.trim() : !Object.values(text).some((value) => value.trim());
}

function customField(raw: RawCustomField, index: number, seen: Set<string>, issues: ConfigIssue[]): CustomField {
  const problem = (key: string | (string | number)[], message: string) =>
    issues.push({ path: ['customFields', index, ...(Array.isArray(key) ? key : [key])], message });
  const { id, type } = raw;
  if (!CUSTOM_FIELD_ID.test(id)) problem('id', 'must start with a lower-case letter, then letters, digits or "_" (64 at most)');
  else if (RESERVED_IDS.has(id)) problem('id', `"${id}" is reserved`);
  else if (isCatalogFieldId(id)) problem('id', `"${id}" is a catalog field id`);
  else if (seen.has(id)) problem('id', `duplicate custom field id "${id}"`);
  seen.add(id);
  if (isBlank(raw.label)) problem('label', 'must not be empty');

  const field: Mutable<CustomField> = { id, type, label: copyText(raw.label) };
  if (!isBlank(raw.help)) field.help = copyText(raw.help as RawText);

  const options = raw.options ?? [];
  if (CHOICE_TYPES.has(type)) {
    if (!options.length) problem('options', `a ${type} field needs at least one option`);
    const values = new Set<string>();
    options.forEach((option, i) => {
      if (values.has(option.value)) problem(['options', i, 'value'], `duplicate option value "${option.value}"`);
      values.add(option.value);
      if (isBlank(option.label)) problem(['options', i, 'label'], 'must not be empty');
    });
    field.options = options.map((option) => ({ value: option.value, label: copyText(option.label) }));
  } else if (options.length) {
    problem('options', 'only select and radio fields have options');
  }

  const textual = TEXT_TYPES.has(type);
  for (const key of ['format', 'minLength', 'maxLength'] as const) {
    if (raw[key] != null && !textual) problem(key, `does not apply to a ${type} field`);
  }
  if (raw.format != null) field.format = raw.format;
  if (raw.minLength != null) field.minLength = raw.minLength;
  if (raw.maxLength != null) field.maxLength = raw.maxLength;
  if (raw.minLength != null && raw.maxLength != null && raw.minLength > raw.maxLength) {
    problem('minLength', 'must not exceed maxLength');
  }
  return field;
}

function fieldEntries(raw: RawConfig, customIds: ReadonlySet<string>, issues: ConfigIssue[]): FieldEntry[] {
  const placed = new Set<string>();
  const fields: FieldEntry[] = [];
  (raw.fields ?? []).forEach((entry, i) => {
    const definition = getCatalogField(entry.id);
    if (!definition && !customIds.has(entry.id)) {
      issues.push({ path: ['fields', i, 'id'], message: `unknown field "${entry.id}"` });
    } else if (placed.has(entry.id)) {
      issues.push({ path: ['fields', i, 'id'], message: `duplicate field "${entry.id}"` });
    } else {
      placed.add(entry.id);
      const required = definition?.locked === true || entry.required === true;
      // Listing a field means showing it unless said otherwise; required implies displayed.
      fields.push({ id: entry.id, displayed: required || entry.displayed !== false, required });
    }
  });
  for (const { id, locked } of FIELD_CATALOG) {
    if (!placed.has(id)) fields.push({ id, displayed: locked, required: locked });
  }
  for (const id of customIds) {
    if (!placed.has(id)) fields.push({ id, displayed: false, required: false });
  }
  return fields;
}

function settings(raw: RawConfig['settings'], issues: ConfigIssue[]): Settings {
  const alertEmail = raw?.alertEmail?.trim();
  const redirectUrl = raw?.confirmation?.redirectUrl?.trim();
  const message = raw?.confirmation?.message;
  const confirmation: Mutable<Settings['confirmation']> = {};
  const out: Mutable<Settings> = {
    unvalidatedAccounts: raw?.unvalidatedAccounts ?? 'none',
    quickRegistration: raw?.quickRegistration ?? false,
    defaultAccountState: raw?.defaultAccountState ?? 'inactive',
    confirmation,
  };
  if (alertEmail) {
    if (isValidEmail(alertEmail)) out.alertEmail = alertEmail;
    else issues.push({ path: ['settings', 'alertEmail'], message: 'is not a valid e-mail address' });
  }
  if (redirectUrl) {
    if (isSafeRedirectUrl(redirectUrl)) confirmation.redirectUrl = redirectUrl;
    else issues.push({ path: ['settings', 'confirmation', 'redirectUrl'], message: 'must be a path starting with "/" or an https URL' });
  }
  if (!isBlank(message)) confirmation.message = copyText(message as RawText);
  return out;
}

/**
 * Applies every invariant of a config to the output of the raw schema, pushing each broken
 * rule to `issues`. Builds new objects from known keys only. The result is meaningful only
 * when no issue was pushed.
 */
export function normalize(raw: RawConfig, issues: ConfigIssue[]): FormConfig {
  const seen = new Set<string>();
  const customFields = (raw.customFields ?? []).map((field, i) => customField(field, i, seen, issues));
  return {
    version: raw.version ?? 1,
    enabled: raw.enabled ?? true,
    fields: fieldEntries(raw, seen, issues),
    customFields,
    settings: settings(raw.settings, issues),
  };
}
