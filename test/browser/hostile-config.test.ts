// Hostile configs reaching the elements through config-src (a compromised or broken backend):
// each is refused as a whole (the form shows its config error and no field, the editor its load
// error with the problems as text) or normalized; nothing throws out of the element.
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { defaultConfig } from '@account-request/sdk';
import '@account-request/form';
import '@account-request/field-config';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';
import { UNSAFE_REDIRECTS } from '../hostile/cases.js';
import { CONFIG_URL, resetWorker, startWorker, until, useHandlers } from './test-helpers/sdk-server.js';

const json = (text: string) => new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
const deep = (depth: number) => `{"fields":${'['.repeat(depth)}${']'.repeat(depth)}}`;

const REFUSED: readonly [string, () => Response][] = [
  ['text that is not JSON', () => json('{"fields": [')],
  ['JSON that is not an object', () => json('[{"id":"email"}]')],
  ['10,000 levels of nesting', () => json(deep(10_000))],
  ['a 20 MB label', () => json(JSON.stringify({ customFields: [{ id: 'big', type: 'text', label: 'x'.repeat(20 * 1024 * 1024) }] }))],
  ['duplicate ids', () => json(JSON.stringify({ fields: [{ id: 'city' }, { id: 'city' }] }))],
  ['an unknown custom type', () => json(JSON.stringify({ customFields: [{ id: 'x', type: 'script', label: 'X' }] }))],
  ...UNSAFE_REDIRECTS.slice(0, 8).map((url): [string, () => Response] => [`redirectUrl ${JSON.stringify(url)}`, () => json(JSON.stringify({ settings: { confirmation: { redirectUrl: url } } }))]),
];

const formRoot = (el: AccountRequestForm): ParentNode => el.shadowRoot ?? el;

/** An editor on config-src, listening for its load error before it connects (no race). */
async function editorFailingToLoad(): Promise<FormFieldConfig> {
  const el = document.createElement('form-field-config') as FormFieldConfig;
  el.setAttribute('config-src', CONFIG_URL);
  el.setAttribute('lang', 'en');
  const failed = oneEvent(el, 'field-config-error');
  fixtureSync<HTMLDivElement>(html`<div></div>`).append(el);
  await failed;
  await el.updateComplete;
  return el;
}

describe('hostile configs in <account-request-form>', () => {
  before(startWorker);
  afterEach(resetWorker);

  for (const [name, answer] of REFUSED) {
    it(`${name}: the config error, no field, nothing thrown`, async () => {
      useHandlers(http.get(new URL(CONFIG_URL, location.href).href, answer));
      const el = document.createElement('account-request-form') as AccountRequestForm;
      el.setAttribute('config-src', CONFIG_URL);
      el.setAttribute('lang', 'en');
      el.draft = 'off';
      const failed = oneEvent(el, 'account-request-config-error');
      const wrapper = fixtureSync<HTMLDivElement>(html`<div></div>`);
      wrapper.append(el);
      await failed;
      await el.updateComplete;
      expect(formRoot(el).querySelector('[part="config-error"]')?.textContent).to.contain('cannot be displayed');
      expect(formRoot(el).querySelector('form')).to.equal(null);
      expect(formRoot(el).querySelectorAll('input')).to.have.length(0);
    });
  }

  it('a required-but-hidden field is normalized: shown and required', async () => {
    useHandlers(http.get(new URL(CONFIG_URL, location.href).href, () => json(JSON.stringify({ fields: [{ id: 'companyName' }, { id: 'fax', displayed: false, required: true }] }))));
    const el = await fixture<AccountRequestForm>(html`<account-request-form config-src=${CONFIG_URL} lang="en" draft="off"></account-request-form>`);
    await until(() => Boolean(formRoot(el).querySelector('[name="fax"]')), 'the fax field');
    expect(formRoot(el).querySelector('[name="fax"]')?.hasAttribute('required')).to.equal(true);
  });
});

describe('hostile configs in <form-field-config>', () => {
  before(startWorker);
  afterEach(resetWorker);

  it('a config with several problems: the load error lists each path as text, no row is shown', async () => {
    const evil = '<img src=x onerror="window.__pwned = 1">';
    useHandlers(http.get(new URL(CONFIG_URL, location.href).href, () => json(JSON.stringify({ fields: [{ id: 'city' }, { id: 'city' }], customFields: [{ id: 'x', type: 'script', label: evil }], settings: { confirmation: { redirectUrl: 'javascript:alert(1)' } } }))));
    const el = await editorFailingToLoad();
    const alert = el.shadowRoot?.querySelector('[part~="alert"]');
    expect(alert?.textContent).to.contain('customFields.0.type');
    expect(alert?.querySelector('img')).to.equal(null);
    expect(el.config).to.equal(undefined);
    expect(el.shadowRoot?.querySelector('ffc-field-rows')).to.equal(null);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('not JSON, 10,000 levels, an array: the load error, the editor stays usable once a good config comes', async () => {
    for (const body of ['{"fields": [', deep(10_000), '[]']) {
      resetWorker();
      useHandlers(http.get(new URL(CONFIG_URL, location.href).href, () => json(body)));
      const el = await editorFailingToLoad();
      expect(el.config, body.slice(0, 20)).to.equal(undefined);
      el.config = defaultConfig();
      await el.updateComplete;
      expect(el.config).to.deep.equal(defaultConfig());
    }
  });
});
