import type { AccountState, Condition, CustomFieldFormat, CustomFieldType, FileKind, UnvalidatedAccounts } from '../types.js';
import { choiceValue } from './choice-value.js';
import { conditionRule } from './condition-shape.js';
import { oneLine } from '../validation/validators/text.js';
import { CONFIG_LIMITS } from './limits.js';
import type { ConfigIssue } from './errors.js';
import { bad, boolean, INVALID, int, isObject, list, object, oneOf, optional, string, type Rule } from './shape.js';

export { CONFIG_LIMITS };

/** Control kinds a custom field may use. */
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = ['text', 'textarea', 'email', 'tel', 'url', 'number', 'date', 'select', 'radio', 'checkbox', 'file'];
/** The kinds of document a `file` field may accept, in canonical order. */
export const FILE_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png'];
/** The fixed list of custom field formats. */
export const CUSTOM_FIELD_FORMATS: readonly CustomFieldFormat[] = ['digits', 'letters', 'postal-code', 'phone', 'email', 'url'];

type RawText = string | Record<string, string>;

/** A config as read by {@link readRawConfig}: shape, types and bounds checked, before normalization. */
export interface RawConfig {
  version?: number | undefined;
  enabled?: boolean | undefined;
  fields?: RawFieldEntry[] | undefined;
  customFields?: RawCustomField[] | undefined;
  settings?: RawSettings | undefined;
  steps?: RawStepBreak[] | undefined;
}
export interface RawFieldEntry {
  id: string;
  displayed?: boolean | undefined;
  required?: boolean | undefined;
  visibleWhen?: Condition | undefined;
}
export interface RawStepBreak {
  before: string;
  title: RawText;
}
export interface RawCustomField {
  id: string;
  type: CustomFieldType;
  label: RawText;
  help?: RawText | undefined;
  options?: { value: string; label: RawText }[] | undefined;
  format?: CustomFieldFormat | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  accept?: FileKind[] | undefined;
  maxBytes?: number | undefined;
  maxFiles?: number | undefined;
}
interface RawSettings {
  unvalidatedAccounts?: UnvalidatedAccounts | undefined;
  alertEmail?: string | undefined;
  quickRegistration?: boolean | undefined;
  defaultAccountState?: AccountState | undefined;
  botCheck?: boolean | undefined;
  autoAccept?: boolean | undefined;
  retentionDays?: number | undefined;
  confirmation?: { redirectUrl?: string | undefined; message?: RawText | undefined } | undefined;
}

// A BCP 47-like tag (`fr`, `en-GB`, `zh-Hant-TW`): never `__proto__`, `constructor` or `prototype`.
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;
const L = CONFIG_LIMITS;

// A text the form shows, kept as shown (see `oneLine`): the page would fold its line breaks
// anyway, and a control or bidi character would only hide or reorder words.
const shownText =
  (max: number): Rule<string> =>
  (v, path, issues) => {
    const text = string(max)(v, path, issues);
    return text === INVALID ? INVALID : oneLine(text);
  };

/** A text, or a map of locale tags to texts (at most 20); keys are checked before any is copied. */
export const localized =
  (max: number): Rule<RawText> =>
  (v, path, issues) => {
    if (typeof v === 'string' || v === undefined) return shownText(max)(v, path, issues);
    if (!isObject(v)) return bad(issues, path, 'invalid_type', 'expected a text or a map of locale tags to texts', { expected: 'text' });
    const keys = Object.keys(v);
    if (keys.length > L.maxLocales) return bad(issues, path, 'too_many_locales', `at most ${L.maxLocales} locales`, { max: L.maxLocales });
    const out: Record<string, string> = {};
    let ok = true;
    for (const key of keys) {
      const text = LOCALE_TAG.test(key)
        ? shownText(max)(v[key], [...path, key], issues)
        : bad(issues, [...path, key], 'invalid_locale', 'is not a locale tag such as "fr" or "en-GB"');
      if (text === INVALID) ok = false;
      else out[key] = text;
    }
    return ok ? out : INVALID;
  };

const length = optional(int(0, L.maxValueLength), true);


const rawConfig: Rule<RawConfig> = object<RawConfig>({
  version: optional(int(1, 2 ** 31 - 1)),
  enabled: optional(boolean),
  fields: optional(
    list(
      object<RawFieldEntry>({ id: string(L.maxIdLength), displayed: optional(boolean), required: optional(boolean), visibleWhen: optional(conditionRule, true) }),
      L.maxFields,
    ),
  ),
  customFields: optional(
    list(
      object<RawCustomField>({
        id: string(L.maxIdLength),
        type: oneOf(CUSTOM_FIELD_TYPES),
        label: localized(L.maxLabelLength),
        help: optional(localized(L.maxTextLength), true),
        options: optional(list(object({ value: choiceValue, label: localized(L.maxLabelLength) }), L.maxOptions), true),
        format: optional(oneOf(CUSTOM_FIELD_FORMATS), true),
        minLength: length,
        maxLength: length,
        accept: optional(list(oneOf(FILE_KINDS), FILE_KINDS.length), true),
        maxBytes: optional(int(1, L.maxFileBytes), true),
        maxFiles: optional(int(1, L.maxFilesPerField), true),
      }),
      L.maxCustomFields,
    ),
  ),
  settings: optional(
    object<RawSettings>({
      unvalidatedAccounts: optional(oneOf<UnvalidatedAccounts>(['none', 'block-purchase', 'block-login'])),
      alertEmail: optional(string(L.maxEmailLength), true),
      quickRegistration: optional(boolean),
      defaultAccountState: optional(oneOf<AccountState>(['active', 'inactive'])),
      botCheck: optional(boolean),
      autoAccept: optional(boolean),
      retentionDays: optional(int(1, L.maxRetentionDays), true),
      confirmation: optional(object({ redirectUrl: optional(string(L.maxUrlLength), true), message: optional(localized(L.maxTextLength), true) })),
    }),
  ),
  steps: optional(list(object<RawStepBreak>({ before: string(L.maxIdLength), title: localized(L.maxLabelLength) }), L.maxSteps), true),
});

/**
 * Checks the shape, types and bounds of a raw config (the cross-field rules live in
 * `normalize`), pushing every problem to `issues`. Copies known keys only.
 */
export function readRawConfig(input: unknown, issues: ConfigIssue[]): RawConfig | undefined {
  const raw = rawConfig(input, [], issues);
  return raw === INVALID ? undefined : raw;
}
