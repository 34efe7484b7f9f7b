// Fault injection for <form-field-config>: msw puts slow answers, a timeout, network drops,
// proxy errors, rate limits, cut bodies and lost 200s in front of the REAL SDK handler's
// PUT {base}/config. For each: what the admin sees, that the draft is kept, and that in the end
// the config was written exactly once and holds the draft.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createClient, defaultConfig, setDisplayed, setRequired, type AccountRequestClient, type FormConfig } from '@account-request/sdk';
import '@account-request/field-config';
import type { FormFieldConfig } from '@account-request/field-config';
import { CONFIG_URL, faultyServer, resetWorker, startWorker, until, type Fault, type FaultyServer } from './test-helpers/sdk-server.js';

const shadow = (el: FormFieldConfig) => el.shadowRoot as ShadowRoot;
const text = (el: FormFieldConfig, part: string) => shadow(el).querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: FormFieldConfig) => shadow(el).querySelector('ffc-field-rows')?.shadowRoot;
const box = (el: FormFieldConfig, id: string, name: 'displayed' | 'required') =>
  rows(el)?.querySelector<HTMLInputElement>(`tr[data-field-id="${id}"] input[name="${name}"]`) as HTMLInputElement;

async function settle(el: FormFieldConfig): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const children = [...shadow(el).querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('ffc-field-rows, ffc-settings, ffc-custom-fields, ffc-preview')];
    await Promise.all(children.map((child) => child.updateComplete));
  }
}

async function load(client?: AccountRequestClient): Promise<FormFieldConfig> {
  const el = await fixture<FormFieldConfig>(html`<form-field-config config-src=${CONFIG_URL} lang="en" .client=${client}></form-field-config>`);
  await until(() => el.config !== undefined && Boolean(box(el, 'fax', 'displayed')), 'the config to load');
  await settle(el);
  return el;
}

/** The admin's edits: fax shown and required, website shown. */
async function edit(el: FormFieldConfig): Promise<FormConfig> {
  box(el, 'fax', 'required').click();
  await settle(el);
  box(el, 'website', 'displayed').click();
  await settle(el);
  const expected = setDisplayed(setRequired(defaultConfig(), 'fax', true), 'website', true);
  expect(el.config).to.deep.equal(expected);
  return expected;
}

function expectDraftKept(el: FormFieldConfig, expected: FormConfig): void {
  expect(el.dirty).to.equal(true);
  expect(el.config).to.deep.equal(expected);
  expect(box(el, 'fax', 'required').checked).to.equal(true);
  expect(box(el, 'website', 'displayed').checked).to.equal(true);
}

/** Written exactly once, holding the draft; the editor is clean and says so. */
async function expectSavedOnce(el: FormFieldConfig, server: FaultyServer, expected: FormConfig): Promise<void> {
  expect(server.configWrites).to.have.length(1);
  expect(server.configWrites[0]).to.deep.equal(expected);
  expect(await server.config()).to.deep.equal(expected);
  await settle(el);
  expect(el.dirty).to.equal(false);
  expect(text(el, 'status')).to.equal('Saved.');
  expect(text(el, 'alert')).to.equal('');
}

describe('faults: <form-field-config> against the real handler', () => {
  before(startWorker);
  afterEach(resetWorker);

  it('a slow save: "Saving…" and a save button that says it cannot act meanwhile, then "Saved."; one write', async () => {
    const server = faultyServer();
    server.inject('PUT', 'slow');
    const el = await load();
    const expected = await edit(el);
    const saving = el.save();
    await settle(el);
    expect(text(el, 'status')).to.equal('Saving…');
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="save"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    // Pressed again meanwhile: nothing more is sent.
    button.click();
    expect(await saving).to.equal(true);
    expect(server.seen.filter((request) => request.method === 'PUT').map((request) => request.fault)).to.deep.equal(['slow']);
    await expectSavedOnce(el, server, expected);
  });

  const failures: { name: string; faults: Fault[]; alert: string; written: boolean }[] = [
    { name: 'an offline network', faults: ['offline'], alert: 'The server could not be reached. Your changes are kept: try again.', written: false },
    { name: 'a 200 whose response is lost (saved, then the connection dropped)', faults: ['lost'], alert: 'The server could not be reached. Your changes are kept: try again.', written: true },
    { name: 'a 200 with a cut (malformed) body', faults: ['malformed'], alert: 'Not saved. Your changes are kept.', written: true },
    { name: 'a 500', faults: [500], alert: 'Not saved. Your changes are kept.', written: false },
    { name: 'a 502 from the proxy', faults: [502], alert: 'Not saved. Your changes are kept.', written: false },
    { name: 'a 503', faults: [503], alert: 'Not saved. Your changes are kept.', written: false },
    { name: 'a 429 with Retry-After', faults: [429], alert: 'Not saved. Your changes are kept.', written: false },
  ];
  for (const { name, faults, alert, written } of failures) {
    it(`${name}: says so, keeps the draft; saving again writes it exactly once`, async () => {
      const server = faultyServer();
      server.inject('PUT', ...faults);
      const el = await load();
      const expected = await edit(el);
      const failed = oneEvent(el, 'field-config-error');
      expect(await el.save()).to.equal(false);
      await failed;
      await settle(el);
      expect(text(el, 'alert')).to.equal(alert);
      expectDraftKept(el, expected);
      expect(server.configWrites.length, 'written before the retry').to.equal(written ? 1 : 0);
      // The admin presses Save again, with the ETag the editor still has.
      const saved = oneEvent(el, 'field-config-save');
      expect(await el.save()).to.equal(true);
      expect((await saved).detail.config).to.deep.equal(expected);
      await expectSavedOnce(el, server, expected);
      const puts = server.seen.filter((request) => request.method === 'PUT');
      expect(puts).to.have.length(2);
      expect(puts[1]?.ifMatch, 'the retry sends the ETag the editor loaded').to.equal(puts[0]?.ifMatch);
    });
  }

  it('a timeout (the answer comes after the client gave up, the save was applied): says so, keeps the draft; saving again succeeds; one write', async () => {
    const server = faultyServer();
    // The editor's client with a 1 s timeout: the 2.5 s late answer times out (no 15 s wait).
    server.inject('PUT', 'late');
    const el = await load(createClient({ base: '', configUrl: CONFIG_URL, timeout: 1000 }));
    const expected = await edit(el);
    expect(await el.save()).to.equal(false);
    await settle(el);
    expect(text(el, 'alert')).to.equal('The server could not be reached. Your changes are kept: try again.');
    expectDraftKept(el, expected);
    expect(await el.save()).to.equal(true);
    await expectSavedOnce(el, server, expected);
  });

  it('someone else saved meanwhile: the conflict panel, not a silent overwrite; the draft is kept', async () => {
    const server = faultyServer();
    const el = await load();
    const expected = await edit(el);
    // Another admin's save, through the same handler.
    const theirs = setDisplayed(defaultConfig(), 'mobile', true);
    const current = await fetch(CONFIG_URL);
    const response = await fetch(CONFIG_URL, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' }, body: JSON.stringify(theirs) });
    expect(response.status).to.equal(200);
    expect(await el.save()).to.equal(false);
    await settle(el);
    expect(text(el, 'alert')).to.contain('Someone else saved this configuration since you opened it.');
    expectDraftKept(el, expected);
    expect(await server.config()).to.deep.equal(theirs);
  });
});
