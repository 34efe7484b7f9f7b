import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../config/parse.js';
import { dependentFields } from './dependencies.js';
import { validateField } from './validate.js';

describe('dependentFields', () => {
  const config = parseConfig({
    fields: [{ id: 'postalCode' }, { id: 'country' }, { id: 'zip', displayed: true }, { id: 'hiddenZip', displayed: false }, { id: 'city' }],
    customFields: [
      { id: 'zip', type: 'text', label: 'ZIP', format: 'postal-code' },
      { id: 'hiddenZip', type: 'text', label: 'ZIP 2', format: 'postal-code' },
    ],
  });

  it('gives the displayed fields whose check reads a field, in display order', () => {
    assert.deepEqual(dependentFields(config, 'country'), ['postalCode', 'zip']);
    assert.deepEqual(dependentFields(config, 'city'), []);
    assert.deepEqual(dependentFields(config, 'toString'), []);
  });

  it('names the fields whose result changes with that field', () => {
    for (const id of ['postalCode', 'zip']) {
      assert.equal(validateField(config, id, '75001', { values: { country: 'FR' } }), undefined, id);
      assert.equal(validateField(config, id, '75001', { values: { country: 'BE' } })?.code, 'invalid_format', `${id}: Belgian codes have 4 digits`);
    }
  });
});
