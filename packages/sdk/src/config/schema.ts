import * as z from 'zod/mini';
import { FIELD_CATALOG } from '../catalog.js';
import type { CustomFieldFormat, CustomFieldType } from '../types.js';
import { ensureJitless } from '../zod-setup.js';
import type { ConfigIssue } from './errors.js';

/** Upper bounds of every config, so no config can make a page or a server work without limit. */
export const CONFIG_LIMITS = Object.freeze({
  /** Catalog and custom fields together. */
  maxFields: 200,
  maxCustomFields: 200 - FIELD_CATALOG.length,
  maxOptions: 50,
  /** Locales in one label, help or message map. */
  maxLocales: 20,
  maxIdLength: 64,
  maxLabelLength: 200,
  /** Help texts and the confirmation message. */
  maxTextLength: 2000,
  maxOptionValueLength: 100,
  maxUrlLength: 2048,
  maxEmailLength: 254,
  /** Bound of a custom field's `minLength` / `maxLength`. */
  maxValueLength: 10_000,
});

/** Control kinds a custom field may use. */
export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = ['text', 'textarea', 'email', 'tel', 'url', 'number', 'date', 'select', 'radio', 'checkbox'];
/** The fixed list of custom field formats. */
export const CUSTOM_FIELD_FORMATS: readonly CustomFieldFormat[] = ['digits', 'letters', 'postal-code', 'phone', 'email', 'url'];

// A BCP 47-like tag (`fr`, `en-GB`, `zh-Hant-TW`): never `__proto__`, `constructor` or `prototype`.
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

const L = CONFIG_LIMITS;
const text = (max: number) => z.string().check(z.maxLength(max));
const localized = (max: number) =>
  z.union([
    text(max),
    z.record(z.string().check(z.regex(LOCALE_TAG)), text(max)).check(
      z.refine((map) => Object.keys(map).length <= L.maxLocales, `at most ${L.maxLocales} locales`),
    ),
  ]);
const length = z.int().check(z.minimum(0), z.maximum(L.maxValueLength));

let schema: ReturnType<typeof build> | undefined;

function build() {
  ensureJitless();
  const option = z.object({
    value: z.string().check(z.minLength(1), z.maxLength(L.maxOptionValueLength)),
    label: localized(L.maxLabelLength),
  });
  const customField = z.object({
    id: text(L.maxIdLength),
    type: z.enum(CUSTOM_FIELD_TYPES as [CustomFieldType, ...CustomFieldType[]]),
    label: localized(L.maxLabelLength),
    help: z.nullish(localized(L.maxTextLength)),
    options: z.nullish(z.array(option).check(z.maxLength(L.maxOptions))),
    format: z.nullish(z.enum(CUSTOM_FIELD_FORMATS as [CustomFieldFormat, ...CustomFieldFormat[]])),
    minLength: z.nullish(length),
    maxLength: z.nullish(length),
  });
  const entry = z.object({ id: text(L.maxIdLength), displayed: z.optional(z.boolean()), required: z.optional(z.boolean()) });
  const settings = z.object({
    unvalidatedAccounts: z.optional(z.enum(['none', 'block-purchase', 'block-login'])),
    alertEmail: z.nullish(text(L.maxEmailLength)),
    quickRegistration: z.optional(z.boolean()),
    defaultAccountState: z.optional(z.enum(['active', 'inactive'])),
    confirmation: z.optional(
      z.object({ redirectUrl: z.nullish(text(L.maxUrlLength)), message: z.nullish(localized(L.maxTextLength)) }),
    ),
  });
  // Unknown keys are stripped: only the keys below are ever copied into the result.
  return z.object({
    version: z.optional(z.int().check(z.minimum(1), z.maximum(2 ** 31 - 1))),
    enabled: z.optional(z.boolean()),
    fields: z.optional(z.array(entry).check(z.maxLength(L.maxFields))),
    customFields: z.optional(z.array(customField).check(z.maxLength(L.maxCustomFields))),
    settings: z.optional(settings),
  });
}

/** The zod/mini schema of a raw config (shape, types and bounds; the cross-field rules live in `normalize`). */
export function rawConfigSchema(): ReturnType<typeof build> {
  return (schema ??= build());
}

/** A config as the schema returns it, before normalization. */
export type RawConfig = z.output<ReturnType<typeof build>>;

/** Turns zod issues into readable config issues; a union is reported through the branch that fits the input. */
export function toConfigIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map((key) => (typeof key === 'number' ? key : String(key)));
    if (issue.code === 'invalid_union') {
      const branch = issue.errors.find((list) => !list.every((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (branch) {
        out.push(...toConfigIssues(branch, path));
        continue;
      }
    }
    out.push({ path, message: describe(issue) });
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  const unit = (origin: string) => (origin === 'array' ? ' items' : origin === 'string' ? ' characters' : '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `expected ${issue.expected}`;
    case 'too_big':
      return `must be at most ${issue.maximum}${unit(issue.origin)}`;
    case 'too_small':
      return `must be at least ${issue.minimum}${unit(issue.origin)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'expected a text or a map of locale tags to texts';
    case 'invalid_key':
      return 'is not a locale tag such as "fr" or "en-GB"';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}
