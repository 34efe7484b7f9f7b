import { expect } from '@open-wc/testing';

interface Report {
  readonly type: 'csp-report';
  readonly results: Record<string, unknown>;
  readonly violations: string[];
  readonly canary: string[];
}

describe('<account-request-form> in steps with a file field, under a strict CSP', () => {
  it('fetches its chunks, adopts their rules, lists a file and submits it, in shadow and light DOM, with no securitypolicyviolation', async () => {
    const frame = document.createElement('iframe');
    const report = new Promise<Report>((resolve) => {
      window.addEventListener('message', function listener(event: MessageEvent<Report>) {
        if (event.source !== frame.contentWindow || event.data?.type !== 'csp-report') return;
        window.removeEventListener('message', listener);
        resolve(event.data);
      });
    });
    frame.src = '/test/csp/adaptive-form.html';
    document.body.append(frame);
    try {
      const { results, violations, canary } = await report;
      expect(canary, 'the policy is in force').to.have.length(1);
      expect(violations).to.deep.equal([]);
      expect(results['exception']).to.equal(undefined);
      const expected = { styled: 'grid', listed: 1, summary: 2, sentFile: 'kbis.pdf', state: 'succeeded' };
      expect(results['shadow']).to.deep.equal(expected);
      expect(results['light']).to.deep.equal(expected);
    } finally {
      frame.remove();
    }
  });
});
