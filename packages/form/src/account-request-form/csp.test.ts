import { expect } from '@open-wc/testing';
import { loadCspReport } from '../test-helpers/csp-report.js';

describe('<account-request-form> under a strict CSP', () => {
  it('renders, validates and submits in shadow and light DOM with no securitypolicyviolation, zod running jitless', async () => {
    const { results, violations, canary } = await loadCspReport('/test/csp/account-request-form.html');
    expect(canary, 'the policy is in force').to.have.length(1);
    expect(canary[0]).to.match(/^style-src-attr /);
    expect(violations).to.deep.equal([]);
    expect(results['exception']).to.equal(undefined);
    expect(results['inline']).to.be.greaterThan(200);
    expect(results['shadow']).to.deep.equal({ errors: 4, confirmed: true });
    expect(results['light']).to.deep.equal({ errors: 4, confirmed: true });
    expect(results['zod']).to.deep.equal(['siret:invalid_format', 'email:invalid_format', 'postalCode:required', 'country:required', 'confirmed:not_confirmed']);
  });
});
