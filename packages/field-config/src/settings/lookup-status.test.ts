import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { defaultConfig, type LookupCapabilities } from '@account-request/sdk';
import '../form-field-config/form-field-config.js';
import type { FormFieldConfig } from '../form-field-config/form-field-config.component.js';
import { mount, part, settle } from '../test-helpers/editor.js';

const worker = setupWorker();
const BASE = '/shop/api/account-requests';

const lookups = (el: FormFieldConfig) => part(el, 'ffc-settings').querySelector<HTMLElement>('[part~="lookups"]');
const line = (el: FormFieldConfig, which: 'company' | 'address') => lookups(el)?.querySelector(`[data-lookup="${which}"]`)?.textContent?.trim();

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!predicate()) throw new Error(`Timed out waiting for ${what}`);
}

/** An editor on `{BASE}/config`, whose server answers `{BASE}/lookup` with `capabilities` (or a 503); records what was asked. */
async function withServer(capabilities: LookupCapabilities | 'failing', lang = 'en'): Promise<{ el: FormFieldConfig; asked: string[] }> {
  const asked: string[] = [];
  worker.use(
    http.get(`${BASE}/config`, () => HttpResponse.json(defaultConfig(), { headers: { ETag: '"v1"' } })),
    http.get(`${BASE}/lookup`, ({ request }) => {
      asked.push(new URL(request.url).pathname);
      return capabilities === 'failing' ? HttpResponse.json({ title: 'Service Unavailable', status: 503 }, { status: 503 }) : HttpResponse.json(capabilities);
    }),
  );
  const el = await fixture<FormFieldConfig>(html`<form-field-config config-src=${`${BASE}/config`} lang=${lang}></form-field-config>`);
  await until(() => el.config !== undefined, 'the config');
  await settle(el);
  return { el, asked };
}

describe('<ffc-settings> lookups', () => {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('shows which lookups the server has on, from its capabilities, read only', async () => {
    const { el, asked } = await withServer({ company: true, address: false });
    await until(() => line(el, 'company') !== undefined, 'the lookups');
    // The public route beside {base}/config.
    expect(asked).to.deep.equal([`${BASE}/lookup`]);
    expect(lookups(el)?.querySelector('h3')?.textContent).to.equal('Company and address lookups');
    expect(line(el, 'company')).to.equal('SIRET prefill is on: applicants are offered their company’s details from the French business register.');
    expect(line(el, 'address')).to.equal('Address suggestions are off.');
    expect(lookups(el)?.querySelector('input, select, button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in the editor’s language', async () => {
    const { el } = await withServer({ company: false, address: true }, 'fr');
    await until(() => line(el, 'address') !== undefined, 'the lookups');
    expect(lookups(el)?.querySelector('h3')?.textContent).to.equal('Recherches d’entreprise et d’adresse');
    expect(line(el, 'company')).to.equal('Préremplissage par le SIRET désactivé.');
    expect(line(el, 'address')).to.contain('Suggestions d’adresse activées');
  });

  it('says it does not know without a config URL to ask, or when the server cannot say', async () => {
    const alone = await mount();
    expect(lookups(alone)?.querySelector('[data-lookups="unknown"]')?.textContent).to.equal('The server did not say which lookups are on.');
    const { el: failing } = await withServer('failing');
    await until(() => lookups(failing)?.querySelector('[data-lookups="unknown"]') !== null, 'the unknown line');
    expect(line(failing, 'company')).to.equal(undefined);
    await expect(failing).to.be.accessible();
  });
});
