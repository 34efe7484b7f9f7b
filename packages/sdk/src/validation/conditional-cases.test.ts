// The browser's half of the shared suite (the server's: server/routes/conditional-submit.node.test.ts):
// the same cases, the same answers, in Chromium.
import { expect } from '@open-wc/testing';
import { parseConfig, validateSubmission, visibleFields } from '@account-request/sdk';
import { CONDITIONAL_CASES, CONDITIONAL_CONFIG, expectedValues, submittedValues } from './test-helpers/conditional-cases.js';

const config = parseConfig(CONDITIONAL_CONFIG);

describe('conditional config in the browser', () => {
  for (const { name, values, errors, stored, shown } of CONDITIONAL_CASES) {
    it(name, () => {
      const result = validateSubmission(config, { values: submittedValues(values), confirmed: true, locale: 'en' });
      if (errors) expect(result.success ? [] : result.errors.map((error) => [error.field, error.code])).to.deep.equal(errors);
      else expect(result.success ? result.data.values : result.errors).to.deep.equal(expectedValues(stored ?? {}));
      if (shown) expect(visibleFields(config, values)).to.deep.equal(shown);
    });
  }
});
