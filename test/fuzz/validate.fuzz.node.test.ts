// validateSubmission and validateField under fuzzing, on random valid configs: they never throw,
// an accepted submission holds only clean values of displayed fields, and the blur-time check of
// one field (the browser) agrees with the whole-body check (the server) on every field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { codePointLength, defaultConfig, hasForbiddenCharacters, HONEYPOT_FIELD, resolveFields, validateField, validateSubmission, type FormConfig } from '@account-request/sdk';
import { assertNoPollution, assertPlainData } from '../hostile/test-helpers/index.js';
import { nearValidSubmissionFor, submissionFor, validConfig } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

const withBody = (config: FormConfig) => fc.oneof(submissionFor(config), nearValidSubmissionFor(config)).map((body) => [config, body] as const);
const configAndBody = fc.oneof(validConfig.chain(withBody), withBody(defaultConfig()));

function valuesOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'values')) return {};
  const values = (body as { values: unknown }).values;
  return typeof values === 'object' && values !== null && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
}

describe('fuzz: validateSubmission and validateField', () => {
  test('never throw; an accepted body keeps only clean values of displayed fields, within their lengths', () => {
    fc.assert(
      fc.property(configAndBody, fc.constantFrom('fr', 'en', 'de', undefined), ([config, body], locale) => {
        const result = validateSubmission(config, body, { locale });
        assertNoPollution();
        const fields = resolveFields(config, { locale: locale ?? 'en' });
        const shown = new Map(fields.map((field) => [field.id, field]));
        if (!result.success) {
          assert.ok(result.errors.length > 0);
          const named = result.errors.map((error) => error.field);
          assert.equal(new Set(named).size, named.length, 'one error per field');
          for (const error of result.errors) {
            assert.ok(shown.has(error.field) || error.field === 'confirmed', `error on ${error.field}`);
            assert.ok(error.message.length > 0);
          }
          return;
        }
        const { values } = result.data;
        assertPlainData(values);
        assert.equal(Object.hasOwn(values, HONEYPOT_FIELD), false);
        for (const [id, value] of Object.entries(values)) {
          const field = shown.get(id);
          assert.ok(field, `${id} is a displayed field`);
          assert.ok(['string', 'number', 'boolean'].includes(typeof value), `${id}: ${typeof value}`);
          if (typeof value !== 'string') continue;
          assert.equal(value, value.normalize('NFC'), `${id} is NFC`);
          assert.equal(value, value.trim(), `${id} is trimmed`);
          assert.equal(hasForbiddenCharacters(value, { multiline: field.type === 'textarea' }), false, `${id} has no forbidden character`);
          assert.ok(codePointLength(value) <= field.maxLength, `${id} within ${field.maxLength} code points`);
        }
        for (const field of fields) if (field.required) assert.ok(Object.hasOwn(values, field.id), `required ${field.id} is present`);
      }),
      fuzzParameters(400),
    );
  });

  test('the per-field check agrees with the whole-body check on every displayed field', () => {
    fc.assert(
      fc.property(configAndBody, ([config, body]) => {
        const result = validateSubmission(config, body, { locale: 'en' });
        const values = valuesOf(body);
        const byField = new Map((result.success ? [] : result.errors).map((error) => [error.field, error]));
        for (const field of resolveFields(config, { locale: 'en' })) {
          const value = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
          const single = validateField(config, field.id, value, { locale: 'en', values });
          assert.deepEqual(single, byField.get(field.id), `${field.id} = ${JSON.stringify(value)?.slice(0, 60)}`);
        }
      }),
      fuzzParameters(400),
    );
  });

  test('validateField never throws on any id and any value', () => {
    const ids = fc.oneof(fc.constantFrom('email', 'confirmed', 'country', 'postalCode', HONEYPOT_FIELD, '__proto__', 'constructor', 'toString'), fc.string());
    const value = fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true, withMap: true });
    fc.assert(
      fc.property(validConfig, ids, value, value, (config, id, v, others) => {
        const error = validateField(config, id, v, { locale: 'fr', values: others as Record<string, unknown> });
        if (error) assert.equal(typeof error.message, 'string');
        assertNoPollution();
      }),
      fuzzParameters(300),
    );
  });
});
