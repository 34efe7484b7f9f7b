import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Condition, CustomFieldType, FormConfig } from '../types.js';
import { validateSubmission } from '../validation/validate.js';
import { visibleFields } from '../visibility.js';
import {
  addCustomField,
  addStepBreak,
  ConfigError,
  CUSTOM_FIELD_FORMATS,
  CUSTOM_FIELD_TYPES,
  defaultConfig,
  deriveCustomFieldId,
  moveField,
  moveStepBreak,
  parseConfig,
  removeCustomField,
  removeStepBreak,
  setDisplayed,
  setRequired,
  setStepTitle,
  setVisibleWhen,
  updateCustomField,
  updateSettings,
} from './index.js';
import { assertInvariants } from './test-helpers/invariants.js';
import { COMPANY_FIELDS, getCatalogField } from '../catalog.js';

// Reproducible runs: a fixed seed, and FC_NUM_RUNS (default 200) to run more in CI or locally,
// e.g. `FC_NUM_RUNS=5000 node --import tsx --test packages/sdk/src/config/config.property.node.test.ts`.
fc.configureGlobal({ seed: 0x5eed, numRuns: Number(process.env['FC_NUM_RUNS']) || 200 });

type Edit = (config: FormConfig) => FormConfig;

const pick = (config: FormConfig, n: number) => config.fields[n % config.fields.length]?.id ?? 'email';
const pickCustom = (config: FormConfig, n: number) => config.customFields[n % Math.max(1, config.customFields.length)]?.id ?? 'none';
const label = fc.oneof(fc.string({ maxLength: 30 }), fc.record({ fr: fc.string({ maxLength: 20 }), en: fc.string({ maxLength: 20 }) }));
const type = fc.constantFrom(...CUSTOM_FIELD_TYPES);
const options = fc.array(fc.record({ value: fc.string({ minLength: 1, maxLength: 8 }), label: fc.string({ maxLength: 10 }) }), { maxLength: 4 });

// A condition built from numbers against the config at hand: tests on any field (filled), or on
// a field with values (in / notIn) with values it offers, mostly, and some it does not.
type Recipe = { kind: number; field: number; values: number[]; children: Recipe[] };
const level = (children: fc.Arbitrary<Recipe[]>): fc.Arbitrary<Recipe> =>
  fc.record({ kind: fc.nat(9), field: fc.nat(), values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), children });
// Three levels at most: deeper trees say nothing more about the rules.
const recipe = level(fc.array(level(fc.array(level(fc.constant([])), { maxLength: 3 })), { maxLength: 3 }));

function offered(config: FormConfig, id: string): string[] | undefined {
  const type = getCatalogField(id)?.type ?? config.customFields.find((field) => field.id === id)?.type;
  if (type === 'country') return ['FR', 'BE', 'DE', 'zz'];
  const options = getCatalogField(id)?.options ?? config.customFields.find((field) => field.id === id)?.options;
  return options ? [...options.map((option) => option.value), 'not-offered'] : undefined;
}

function build(config: FormConfig, r: Recipe): Condition {
  if (r.children.length && r.kind < 2) return r.kind === 0 ? { all: r.children.map((child) => build(config, child)) } : { any: r.children.map((child) => build(config, child)) };
  const field = pick(config, r.field);
  const values = offered(config, field);
  if (!values || r.kind > 6) return { field, filled: r.kind % 2 === 0 };
  const chosen = r.values.map((n) => values[n % values.length] as string);
  return r.kind % 2 ? { field, in: chosen } : { field, notIn: chosen };
}

const title = fc.oneof(fc.constantFrom('Company', 'Contact', ' '), fc.record({ en: fc.constantFrom('Address', ''), fr: fc.constantFrom('Adresse', '') }));

const edit: fc.Arbitrary<Edit> = fc.oneof(
  // Weighted: most conditions an edit sets are refused (a value not offered, a cycle), the rest must hold.
  { arbitrary: fc.tuple(fc.nat(), recipe).map(([n, r]): Edit => (c) => setVisibleWhen(c, pick(c, n), build(c, r))), weight: 6 },
  fc.nat().map((n): Edit => (c) => setVisibleWhen(c, pick(c, n), undefined)),
  fc.tuple(fc.nat(), title).map(([n, text]): Edit => (c) => addStepBreak(c, pick(c, n), text)),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]): Edit => (c) => moveStepBreak(c, c.steps?.[n % Math.max(1, c.steps.length)]?.before ?? 'email', pick(c, m))),
  fc.tuple(fc.nat(), title).map(([n, text]): Edit => (c) => setStepTitle(c, c.steps?.[n % Math.max(1, c.steps.length)]?.before ?? 'email', text)),
  fc.nat().map((n): Edit => (c) => removeStepBreak(c, c.steps?.[n % Math.max(1, c.steps.length)]?.before ?? 'email')),
  fc.record({ label: fc.string({ maxLength: 10 }), maxFiles: fc.integer({ min: 0, max: 6 }), accept: fc.subarray(['pdf', 'jpeg', 'png'] as const) }).map(({ label: text, maxFiles, accept }): Edit => (c) =>
    addCustomField(c, { id: deriveCustomFieldId(text || 'doc', c), type: 'file', label: text || 'Document', maxFiles, accept, required: maxFiles % 2 === 0 }),
  ),
  fc.boolean().map((displayed): Edit => (c) => setDisplayed(c, 'customerType', displayed)),
  fc.tuple(fc.nat(), fc.boolean()).map(([n, value]): Edit => (c) => setDisplayed(c, pick(c, n), value)),
  fc.tuple(fc.nat(), fc.boolean()).map(([n, value]): Edit => (c) => setRequired(c, pick(c, n), value)),
  fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 60 })).map(([from, to]): Edit => (c) => moveField(c, from, to)),
  fc
    .record({ label: fc.string({ maxLength: 30 }), type, options, format: fc.option(fc.constantFrom(...CUSTOM_FIELD_FORMATS), { nil: undefined, freq: 2 }), displayed: fc.boolean(), required: fc.boolean() })
    .map(({ label: text, type: kind, options: list, format, displayed, required }): Edit => (c) => {
      const id = deriveCustomFieldId(text, c);
      const choice = kind === 'select' || kind === 'radio';
      const textual = ['text', 'textarea', 'email', 'tel', 'url'].includes(kind);
      return addCustomField(c, { id, type: kind, label: text || 'Field', ...(choice ? { options: list } : {}), ...(format && textual ? { format } : {}), displayed, required });
    }),
  fc
    .record({ n: fc.nat(), label: fc.option(label, { nil: undefined }), type: fc.option(type, { nil: undefined }), maxLength: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) })
    .map(({ n, label: text, type: kind, maxLength }): Edit => (c) =>
      updateCustomField(c, pickCustom(c, n), { ...(text !== undefined ? { label: text } : {}), ...(kind ? { type: kind as CustomFieldType } : {}), ...(maxLength !== undefined ? { maxLength } : {}) }),
    ),
  fc.nat().map((n): Edit => (c) => removeCustomField(c, pickCustom(c, n))),
  fc
    .record(
      {
        enabled: fc.boolean(),
        unvalidatedAccounts: fc.constantFrom('none', 'block-purchase', 'block-login'),
        quickRegistration: fc.boolean(),
        defaultAccountState: fc.constantFrom('active', 'inactive'),
        alertEmail: fc.constantFrom('sales@example.com', '', 'not-an-email', undefined),
        confirmation: fc.record({ redirectUrl: fc.constantFrom('/merci', 'https://example.com/ok', 'javascript:alert(1)', '//evil.example'), message: label }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    .map((patch): Edit => (c) => updateSettings(c, patch as Parameters<typeof updateSettings>[1])),
);

// Values that exercise the conditions: every choice a field offers, some text, some files.
const someValues = (config: FormConfig, seed: number[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  config.fields.forEach((entry, i) => {
    const n = seed[i % Math.max(1, seed.length)] ?? 0;
    const values = offered(config, entry.id);
    const type = getCatalogField(entry.id)?.type ?? config.customFields.find((field) => field.id === entry.id)?.type;
    if (n % 4 === 0) return;
    out[entry.id] = values ? values[n % values.length] : type === 'checkbox' ? n % 2 === 0 : type === 'file' ? [{ name: 'a.pdf', size: 10, type: 'application/pdf' }] : 'x';
  });
  return out;
};

describe('config properties', () => {
  it('no sequence of edits yields a cycle or a field required while hidden', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (edits, seed) => {
        let config = defaultConfig();
        for (const apply of edits) {
          try {
            config = apply(config);
          } catch (error) {
            if (!(error instanceof ConfigError)) throw error;
          }
        }
        // assertInvariants checks the conditions (known fields, no cycle, none on locked fields) and the steps.
        assertInvariants(config);
        const values = someValues(config, seed);
        const shown = new Set(visibleFields(config, values));
        for (const id of COMPANY_FIELDS) if (values['customerType'] === 'individual' && config.fields.some((e) => e.id === 'customerType' && e.displayed)) assert.ok(!shown.has(id), id);
        const result = validateSubmission(config, { values, confirmed: true });
        // A hidden field is never required, never checked, never kept.
        if (!result.success) for (const error of result.errors) assert.ok(error.field === 'confirmed' || shown.has(error.field), `${error.field} refused while hidden`);
        else for (const id of [...Object.keys(result.data.values), ...Object.keys(result.data.files ?? {})]) assert.ok(shown.has(id), `${id} kept while hidden`);
        const required = config.fields.filter((entry) => entry.required && shown.has(entry.id) && !Object.hasOwn(values, entry.id));
        if (required.length) assert.ok(!result.success && required.every((entry) => result.errors.some((e) => e.field === entry.id)), 'a shown required field left empty is refused');
      }),
    );
  });

  it('any sequence of edits from defaultConfig() keeps every invariant and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let config = defaultConfig();
        for (const apply of edits) {
          try {
            config = apply(config);
          } catch (error) {
            // An edit may be refused (invalid label, taken id…), only ever with a ConfigError.
            if (!(error instanceof ConfigError)) throw error;
          }
          assertInvariants(config);
        }
        assert.deepStrictEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
      }),
    );
  });

  it('parseConfig of arbitrary JSON returns a valid config or throws a ConfigError, nothing else', () => {
    const check = (input: unknown) => {
      try {
        assertInvariants(parseConfig(input));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        assert.ok(error.issues.length > 0);
      }
    };
    fc.assert(fc.property(fc.jsonValue(), check));
    // JSON shaped like a config, so the deeper rules are reached too.
    const keys = fc.constantFrom('version', 'enabled', 'fields', 'customFields', 'settings', '__proto__', 'constructor');
    const near = fc.dictionary(keys, fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.dictionary(fc.constantFrom('id', 'type', 'label', 'options', 'displayed', 'required', 'format'), fc.jsonValue({ maxDepth: 2 })))));
    fc.assert(fc.property(near, check));
  });
});
