// The server's half of the shared suite (the browser's: validation/conditional-cases.test.ts):
// every case through validateSubmission and through the handler, JSON and classic form posts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../config/index.js';
import { CONDITIONAL_CASES, CONDITIONAL_CONFIG, expectedValues, submittedValues } from '../../validation/test-helpers/conditional-cases.js';
import { validateSubmission } from '../../validation/validate.js';
import { visibleFields } from '../../visibility.js';
import { post, setup, URL_BASE } from '../test-helpers/setup.js';

const config = parseConfig(CONDITIONAL_CONFIG);

describe('conditional config: validateSubmission', () => {
  for (const { name, values, errors, stored, shown } of CONDITIONAL_CASES) {
    test(name, () => {
      const result = validateSubmission(config, { values: submittedValues(values), confirmed: true, locale: 'en' });
      if (errors) assert.deepEqual(result.success ? [] : result.errors.map((error) => [error.field, error.code]), errors);
      else assert.deepEqual(result.success ? result.data.values : result.errors, expectedValues(stored ?? {}));
      if (shown) assert.deepEqual(visibleFields(config, values), shown);
    });
  }
});

describe('conditional config: the handler', () => {
  for (const { name, values, errors, stored } of CONDITIONAL_CASES) {
    test(name, async () => {
      const { handler, store } = setup({ config });
      const response = await handler(post({ values: submittedValues(values), confirmed: true, locale: 'en' }));
      if (errors) {
        assert.equal(response.status, 422);
        const body = (await response.json()) as { errors: { field: string; code: string }[] };
        assert.deepEqual(body.errors.map((error) => [error.field, error.code]), errors);
        assert.equal((await store.list()).length, 0);
        return;
      }
      assert.equal(response.status, 201);
      const { id } = (await response.json()) as { id: string };
      assert.deepEqual({ ...(await store.get(id))?.values }, expectedValues(stored ?? {}));
    });
  }

  test('a classic form post follows the same conditions', async () => {
    const { handler, store } = setup({ config });
    const individual = { customerType: 'individual', companyName: 'Sent anyway', siret: 'x', email: 'zoe@morel.example', lastName: 'Morel', phone: '+33 4 78 00 00 00', street: '2 rue Neuve', postalCode: '69002', city: 'Lyon', country: 'FR', sector: 'retail' };
    const body = new URLSearchParams({ ...individual, confirmed: 'true', locale: 'en' });
    const response = await handler(new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': 'form' }, body }));
    assert.equal(response.status, 201);
    const [record] = await store.list();
    assert.equal(record?.values['customerType'], 'individual');
    assert.equal(Object.hasOwn(record?.values ?? {}, 'companyName'), false);
    assert.equal(Object.hasOwn(record?.values ?? {}, 'siret'), false);
  });
});
