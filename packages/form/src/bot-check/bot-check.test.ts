import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startWorker } from './bot-check.js';
import { $, fill, makeConfig, renderForm, root, startWorker as startMocks, statusText, SUBMIT_URL, until, worker } from '../test-helpers/index.js';
import { loadCspReport } from '../test-helpers/csp-report.js';

/** The first message of a worker, or its error. */
function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'the worker failed to start'));
  });
}

describe('the bot check’s worker', () => {
  const sameOrigin = new URL('../test-helpers/echo-worker.js', import.meta.url);
  // The same file from another origin, as when the bundle is served from a CDN.
  const otherOrigin = new URL(sameOrigin);
  otherOrigin.hostname = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';

  it('starts from the worker file itself when the bundle is on the page’s origin', async () => {
    const worker = startWorker(sameOrigin.href);
    try {
      expect(await firstMessage(worker)).to.equal(`ready in ${location.protocol}`);
    } finally {
      worker.terminate();
    }
  });

  it('starts under a page that enforces Trusted Types, with no policy violation', async () => {
    const { results, violations, canary } = await loadCspReport('/test/csp/bot-check-worker.html');
    expect(canary, 'the policy is in force').to.have.length(1);
    expect(results).to.deep.equal({ message: `ready in ${location.protocol}` });
    expect(violations).to.deep.equal([]);
  });

  it('starts from another origin (the bundle on a CDN), where the browser refuses a worker of that URL', async () => {
    // Chromium refuses such a worker at once; Firefox only fails it later, with an error event.
    if (navigator.userAgent.includes('Chrome/')) expect(() => new Worker(otherOrigin.href)).to.throw(DOMException);
    const workers = [startWorker(otherOrigin.href), startWorker(otherOrigin.href)];
    try {
      // The widget starts several workers: each one loads the file. (Listening to both before
      // waiting: a message that arrives before its listener is lost.)
      expect(await Promise.all(workers.map(firstMessage))).to.deep.equal(['ready in blob:', 'ready in blob:']);
    } finally {
      for (const worker of workers) worker.terminate();
    }
  });
});

describe('<account-request-form> with the bot check on and no action (the editor\'s preview)', () => {
  it('shows no widget and fetches no challenge: there is no handler to ask', async () => {
    const asked: string[] = [];
    const seen = (event: PerformanceObserverEntryList) => asked.push(...event.getEntries().map((entry) => entry.name));
    const observer = new PerformanceObserver(seen);
    observer.observe({ type: 'resource', buffered: false });
    const config = makeConfig([{ id: 'companyName', required: true }]);
    const el = document.createElement('account-request-form');
    el.setAttribute('draft', 'off');
    el.config = { ...config, settings: { ...(config['settings'] as object), botCheck: true } };
    document.body.append(el);
    try {
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await el.updateComplete;
      expect(root(el).querySelector('[part="bot-check"]')).to.equal(null);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      expect(asked.filter((url) => /challenge|bot-check/.test(url))).to.deep.equal([]);
      // With an action, the same config shows it.
      el.setAttribute('action', '/api/account-requests');
      await until(() => root(el).querySelector('[part="bot-check"]') !== null, 'the widget with an action');
      await until(() => root(el).querySelector('altcha-widget') !== null, 'the widget');
      expect(root(el).querySelector('altcha-widget')?.getAttribute('challenge')).to.equal(new URL('/api/account-requests/challenge', location.href).href);
      // A handler reached through a query string: the route goes in the path, the query stays after it.
      el.setAttribute('action', '/index.php?fc=module&module=accounts');
      await until(() => root(el).querySelector('altcha-widget')?.getAttribute('challenge')?.includes('index.php') === true, 'the new challenge URL');
      expect(root(el).querySelector('altcha-widget')?.getAttribute('challenge')).to.equal(new URL('/index.php/challenge?fc=module&module=accounts', location.href).href);
    } finally {
      observer.disconnect();
      el.remove();
    }
  });
});

describe('<account-request-form> with the bot check on a page not served over HTTPS', () => {
  before(startMocks);
  afterEach(() => worker.resetHandlers());
  // Browsers give Web Crypto, which the widget solves with, only to secure pages.
  beforeEach(() => Object.defineProperty(globalThis, 'isSecureContext', { value: false, configurable: true }));
  afterEach(() => delete (globalThis as { isSecureContext?: boolean }).isSecureContext);

  it('says at once that the form cannot be sent from this page, in its language, instead of a check that never ends', async () => {
    worker.use(http.post(SUBMIT_URL, () => HttpResponse.json({ type: 'urn:account-request:problem:bot-check-missing', title: 'Forbidden', status: 403, detail: 'Solve the bot check.' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } })));
    const config = makeConfig([{ id: 'companyName', required: true }]);
    const el = await renderForm({ lang: 'fr', config: { ...config, settings: { ...(config['settings'] as object), botCheck: true } } });
    const insecure = 'Cette page n’est pas sécurisée (HTTPS) : la vérification anti-robot ne peut pas s’y faire et le formulaire ne peut pas être envoyé d’ici. Merci de le signaler à l’équipe du site.';
    await until(() => root(el).querySelector('[part="bot-check"]') !== null, 'the bot check’s place');
    const place = $(el, '[part="bot-check"]');
    expect(place.textContent?.trim()).to.equal(insecure);
    expect(root(el).querySelector('altcha-widget')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
    await fill(el, { companyName: 'Acme', email: 'achats@acme.example' });
    await el.submit();
    await until(() => statusText(el).startsWith(insecure), 'the refusal said');
  });
});
