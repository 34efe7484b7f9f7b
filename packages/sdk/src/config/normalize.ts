import { CUSTOMER_TYPE_FIELD, FIELD_CATALOG, getCatalogField, HONEYPOT_FIELD, isCatalogFieldId } from '../catalog.js';
import type { CustomField, FieldEntry, FileKind, FormConfig, Settings } from '../types.js';
import { isSafeRedirectUrl, isValidEmail } from '../validation/validators/index.js';
import { shadowAbsent } from '../own.js';
import type { ConfigIssue, ConfigIssueCode } from './errors.js';
import { checkConditions } from './conditions.js';
import { FILE_KINDS, type RawConfig, type RawCustomField } from './schema.js';
import { normalizeSteps } from './steps.js';
import { isBlankText } from './blank-text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RawText = string | Record<string, string>;

/** Pattern every custom field id matches. */
export const CUSTOM_FIELD_ID = /^[a-z][A-Za-z0-9_]{0,63}$/;

/**
 * Ids no custom field may take: prototype keys, the honeypot (the server would take the
 * field for a bot trap), `confirmed` (the confirmation checkbox's error field) and `locale`
 * (a classic form post carries the submission's locale as a top-level `locale` next to the
 * fields, so such a field's value would be read as the locale and dropped).
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'confirmed', 'locale', HONEYPOT_FIELD]);

// The optional keys of a custom field: see `shadowAbsent`.
const CUSTOM_OPTIONAL = ['help', 'options', 'format', 'minLength', 'maxLength', 'accept', 'maxBytes', 'maxFiles'];
const FILE_RULES = ['accept', 'maxBytes', 'maxFiles'] as const;
const ENTRY_OPTIONAL = ['visibleWhen'];
const CONFIG_OPTIONAL = ['steps'];
/** The optional keys of `settings.confirmation`. */
export const CONFIRMATION_OPTIONAL = ['redirectUrl', 'message'];

const CHOICE_TYPES: ReadonlySet<string> = new Set(['select', 'radio']);
const TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'textarea', 'email', 'tel', 'url']);

/** True when a custom field of `type` holds options (`select`, `radio`); other types refuse them. */
export function takesOptions(type: string): boolean {
  return CHOICE_TYPES.has(type);
}

/** True when a custom field of `type` takes `format`, `minLength` and `maxLength`: the text-like types only. */
export function takesTextRules(type: string): boolean {
  return TEXT_TYPES.has(type);
}

// `raw` is the schema's fresh copy, holding known keys only (label maps: locale tags only, so
// never `__proto__`): it becomes the field once the rules are checked.
function customField(raw: RawCustomField, index: number, seen: Set<string>, issues: ConfigIssue[]): CustomField {
  const problem = (key: string | (string | number)[], code: ConfigIssueCode, message: string, params?: ConfigIssue['params']) =>
    issues.push({ path: ['customFields', index, ...[key].flat()], code, message, ...(params ? { params } : {}) });
  const { id, type, options = [] } = raw;
  if (!CUSTOM_FIELD_ID.test(id)) problem('id', 'invalid_id', 'must start with a lower-case letter, then letters, digits or "_" (64 at most)');
  else if (RESERVED_IDS.has(id)) problem('id', 'reserved_id', `"${id}" is reserved`, { id });
  else if (isCatalogFieldId(id)) problem('id', 'catalog_id', `"${id}" is a catalog field id`, { id });
  else if (seen.has(id)) problem('id', 'duplicate_id', `duplicate custom field id "${id}"`, { id });
  seen.add(id);
  if (isBlankText(raw.label)) problem('label', 'missing_label', 'must not be empty');
  if (isBlankText(raw.help)) delete raw.help;

  if (takesOptions(type)) {
    if (!options.length) problem('options', 'missing_options', `a ${type} field needs at least one option`, { type });
    const values = new Set<string>();
    options.forEach((option, i) => {
      if (values.has(option.value)) problem(['options', i, 'value'], 'duplicate_option', `duplicate option value "${option.value}"`, { value: option.value });
      values.add(option.value);
      if (isBlankText(option.label)) problem(['options', i, 'label'], 'missing_option_label', 'must not be empty');
    });
  } else {
    if (options.length) problem('options', 'options_not_allowed', 'only select and radio fields have options', { type });
    delete raw.options;
  }

  const textual = takesTextRules(type);
  for (const key of ['format', 'minLength', 'maxLength'] as const) {
    if (raw[key] !== undefined && !textual) problem(key, 'not_applicable', `does not apply to a ${type} field`, { type });
  }
  // `undefined` compares false: only both bounds can conflict.
  if ((raw.minLength as number) > (raw.maxLength as number)) problem('minLength', 'min_exceeds_max', 'must not exceed maxLength');
  if (type !== 'file') {
    for (const key of FILE_RULES) if (raw[key] !== undefined) problem(key, 'not_applicable', `does not apply to a ${type} field`, { type });
  } else if (raw.accept) {
    if (!raw.accept.length) problem('accept', 'missing_file_kinds', 'must list at least one of "pdf", "jpeg", "png"');
    // One canonical order and no repeats, so equal configs compare and hash alike.
    raw.accept = FILE_KINDS.filter((kind) => raw.accept?.includes(kind)) as FileKind[];
  }
  // Plain copies of the prototype-less schema output (see `object` in shape.ts), safe to read.
  return shadowAbsent({ ...raw, ...(raw.options ? { options: raw.options.map((option) => ({ ...option })) } : {}) } as CustomField, CUSTOM_OPTIONAL);
}

function fieldEntries(raw: RawConfig, customIds: ReadonlySet<string>, issues: ConfigIssue[], rawIndex: Map<string, number>): Mutable<FieldEntry>[] {
  const placed = new Set<string>();
  const fields: Mutable<FieldEntry>[] = [];
  (raw.fields ?? []).forEach((entry, i) => {
    const definition = getCatalogField(entry.id);
    if (!definition && !customIds.has(entry.id)) {
      issues.push({ path: ['fields', i, 'id'], code: 'unknown_field', params: { id: entry.id }, message: `unknown field "${entry.id}"` });
    } else if (placed.has(entry.id)) {
      issues.push({ path: ['fields', i, 'id'], code: 'duplicate_field', params: { id: entry.id }, message: `duplicate field "${entry.id}"` });
    } else {
      placed.add(entry.id);
      rawIndex.set(entry.id, i);
      // Listing a field means showing it unless said otherwise; required implies displayed.
      let required = definition?.locked === true || entry.required === true;
      const displayed = required || entry.displayed !== false;
      // Who applies is asked of everyone once asked at all.
      if (entry.id === CUSTOMER_TYPE_FIELD) required = displayed;
      fields.push({ id: entry.id, displayed, required, ...(entry.visibleWhen ? { visibleWhen: entry.visibleWhen } : {}) });
    }
  });
  for (const { id, locked } of FIELD_CATALOG) {
    if (!placed.has(id)) fields.push({ id, displayed: locked, required: locked });
  }
  for (const id of customIds) {
    if (!placed.has(id)) fields.push({ id, displayed: false, required: false });
  }
  // A displayed customer type comes first: every later field may depend on it.
  const customerType = fields.findIndex((entry) => entry.id === CUSTOMER_TYPE_FIELD);
  if (fields[customerType]?.displayed && customerType > 0) fields.unshift(...fields.splice(customerType, 1));
  return fields;
}

function settings(raw: RawConfig['settings'], issues: ConfigIssue[]): Settings {
  const { redirectUrl, message } = raw?.confirmation ?? (Object.create(null) as NonNullable<NonNullable<RawConfig['settings']>['confirmation']>);
  const url = redirectUrl?.trim();
  const alertEmail = raw?.alertEmail?.trim();
  const confirmation: Mutable<Settings['confirmation']> = {};
  const out: Mutable<Settings> = { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', ...(raw as Partial<Settings>), confirmation };
  delete out.alertEmail;
  if (alertEmail) {
    if (isValidEmail(alertEmail)) out.alertEmail = alertEmail;
    else issues.push({ path: ['settings', 'alertEmail'], code: 'invalid_email', message: 'is not a valid e-mail address' });
  }
  if (url) {
    if (isSafeRedirectUrl(url)) confirmation.redirectUrl = url;
    else issues.push({ path: ['settings', 'confirmation', 'redirectUrl'], code: 'unsafe_redirect', message: 'must be a path starting with "/" or an https URL' });
  }
  if (!isBlankText(message)) confirmation.message = message as RawText;
  shadowAbsent(confirmation, CONFIRMATION_OPTIONAL);
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
  const rawIndex = new Map<string, number>();
  const fields = fieldEntries(raw, seen, issues, rawIndex);
  checkConditions(fields, customFields, rawIndex, issues);
  for (const entry of fields) shadowAbsent(entry, ENTRY_OPTIONAL);
  const steps = normalizeSteps(raw.steps, fields, issues);
  const config = { version: raw.version ?? 1, enabled: raw.enabled ?? true, fields, customFields, settings: settings(raw.settings, issues), ...(steps ? { steps } : {}) };
  return shadowAbsent(config, CONFIG_OPTIONAL);
}
