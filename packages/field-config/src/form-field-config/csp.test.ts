import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { FormFieldConfig } from './form-field-config.component.js';
import { centre, order, part, row, settle } from '../test-helpers/editor.js';

// The policy of the project's strict CSP pages, delivered by a <meta> so this package's test
// can build its own page.
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'";

type FrameWindow = Window & { cspEditor?: FormFieldConfig; cspViolations?: string[] };

describe('<form-field-config> under a strict CSP', () => {
  afterEach(() => resetMouse());

  it('renders, edits, drags and previews with no securitypolicyviolation', async function () {
    // The frame loads its own copy of every module: slow on a busy machine.
    this.timeout(40000);
    const frame = document.createElement('iframe');
    frame.width = '900';
    frame.height = '700';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${POLICY}"></head><body><script type="module" src="/packages/field-config/src/test-helpers/csp-page.ts"></script></body></html>`;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as FrameWindow;
      await waitUntil(() => win().cspEditor, 'the editor loads in the frame', { timeout: 25000 });
      const el = win().cspEditor as FormFieldConfig;
      await settle(el);
      await waitUntil(() => (win().cspViolations ?? []).length > 0, 'the canary is reported');
      expect(win().cspViolations?.[0]).to.match(/^style-src-attr /);

      (row(el, 'fax').querySelector('input[name="required"]') as HTMLInputElement).click();
      await settle(el);
      (row(el, 'fax').querySelector("[part~='handle']") as HTMLElement).focus();
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(order(el).indexOf('fax')).to.equal(11);

      // A real drag: sortable styles its ghost through the CSSOM, which the policy allows.
      frame.scrollIntoView();
      const offset = frame.getBoundingClientRect();
      const from = row(el, 'email').querySelector("[part~='handle']") as HTMLElement;
      const [x, y] = centre(from);
      const [, targetY] = centre(row(el, 'siret'));
      const at = (px: number, py: number): [number, number] => [Math.round(offset.left + px), Math.round(offset.top + py)];
      await sendMouse({ type: 'move', position: at(x, y) });
      await sendMouse({ type: 'down' });
      for (let step = 1; step <= 8; step++) await sendMouse({ type: 'move', position: at(x, y + ((targetY - 2 - y) * step) / 8) });
      await waitUntil(() => order(el).indexOf('email') === 2, 'the row follows the pointer', { timeout: 5000 });
      await sendMouse({ type: 'up' });
      await settle(el);
      expect(el.config?.fields[2]?.id).to.equal('email');

      const preview = part(el, 'ffc-preview').querySelector('account-request-form') as HTMLElement & { updateComplete: Promise<unknown> };
      await preview.updateComplete;
      expect(preview.shadowRoot?.querySelector('[name="fax"]')).to.not.equal(null);
      expect(win().cspViolations?.slice(1)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
