import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeParse } from 'zod/mini';
import { addCustomField, defaultConfig } from '../config/index.js';
import { buildSubmissionSchema, validateSubmission } from './index.js';

const config = addCustomField(defaultConfig(), { id: 'sector', type: 'select', label: 'Sector', options: [{ value: 'retail', label: 'Retail' }], required: true });
const values = {
  companyName: 'ACME',
  lastName: 'Lopez',
  email: 'ana@example.com',
  phone: '01 23 45 67 89',
  street: '1 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
  sector: 'retail',
};

describe('buildSubmissionSchema', () => {
  it('parses a valid body to the data validateSubmission gives', () => {
    const body = { values: { ...values, extra: 'dropped' }, confirmed: true, locale: 'fr' };
    const parsed = safeParse(buildSubmissionSchema(config, { locale: 'fr' }), body);
    assert.ok(parsed.success);
    const direct = validateSubmission(config, body, { locale: 'fr' });
    assert.ok(direct.success);
    assert.deepEqual(parsed.data, direct.data);
    assert.ok(!('extra' in parsed.data.values));
  });

  it('reports each error as an issue with its path, localized message and code', () => {
    const schema = buildSubmissionSchema(config, { locale: 'fr' });
    const parsed = safeParse(schema, { values: { ...values, sector: 'other', email: 'x' } });
    assert.ok(!parsed.success);
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code === 'custom' ? issue.params?.['code'] : undefined }));
    assert.deepEqual(issues, [
      { path: ['values', 'email'], message: 'Saisissez une adresse e-mail comme nom@entreprise.fr.', code: 'invalid_format' },
      { path: ['values', 'sector'], message: 'Choisissez une des options proposées.', code: 'invalid_option' },
      { path: ['confirmed'], message: "Cochez la case pour confirmer l'exactitude des informations.", code: 'not_confirmed' },
    ]);
  });

  it('uses English messages for other locales and refuses non-object bodies', () => {
    const parsed = safeParse(buildSubmissionSchema(config, { locale: 'de' }), 'not a body');
    assert.ok(!parsed.success);
    assert.equal(parsed.error.issues[0]?.message, 'This field is required.');
  });

  it('works as a Standard Schema', () => {
    const schema = buildSubmissionSchema(config, { locale: 'en' });
    const result = schema['~standard'].validate({ values, confirmed: true });
    assert.ok(!(result instanceof Promise) && !result.issues);
    const failed = schema['~standard'].validate({ values });
    assert.ok(!(failed instanceof Promise) && failed.issues?.[0]?.message === 'Tick the box to confirm the information is accurate.');
  });
});
