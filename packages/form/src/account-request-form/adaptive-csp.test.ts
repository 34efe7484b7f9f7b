import { expect } from '@open-wc/testing';
import { loadCspReport } from '../test-helpers/csp-report.js';

describe('<account-request-form> in steps with a file field, under a strict CSP', () => {
  it('fetches its chunks, adopts their rules, lists a file and submits it, in shadow and light DOM, with no securitypolicyviolation', async () => {
    const { results, violations, canary } = await loadCspReport('/test/csp/adaptive-form.html');
    expect(canary, 'the policy is in force').to.have.length(1);
    expect(violations).to.deep.equal([]);
    expect(results['exception']).to.equal(undefined);
    const expected = { styled: 'grid', listed: 1, summary: 2, sentFile: 'kbis.pdf', state: 'succeeded' };
    expect(results['shadow']).to.deep.equal(expected);
    expect(results['light']).to.deep.equal(expected);
  });
});
