import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createClient, defaultConfig, parseConfig, setDisplayed, type FormConfig } from '@account-request/sdk';
import './form-field-config.js';
import type { FormFieldConfig } from './form-field-config.component.js';
import type { FieldConfigChangeEvent, FieldConfigErrorEvent, FieldConfigSaveEvent } from '../events/index.js';
import { box, handle, mount, part, settle } from '../test-helpers/editor.js';

const URL_ = '/api/account-requests/config';
const worker = setupWorker();

/** A config endpoint in memory: GET with an ETag, PUT with If-Match (412 when stale). */
function server(initial: FormConfig = defaultConfig(), url = URL_) {
  const state = { config: initial, version: 1, puts: [] as { ifMatch: string | null; body: FormConfig }[] };
  const etag = () => `"v${state.version}"`;
  worker.use(
    http.get(url, () => HttpResponse.json(state.config, { headers: { ETag: etag() } })),
    http.put(url, async ({ request }) => {
      const body = (await request.json()) as FormConfig;
      state.puts.push({ ifMatch: request.headers.get('If-Match'), body });
      if (request.headers.get('If-Match') !== etag()) return HttpResponse.json({ title: 'Precondition failed', status: 412 }, { status: 412 });
      state.config = parseConfig(body);
      state.version++;
      return HttpResponse.json(state.config, { headers: { ETag: etag() } });
    }),
  );
  return {
    state,
    /** Someone else saves meanwhile. */
    theirEdit(config: FormConfig) {
      state.config = config;
      state.version++;
    },
  };
}

async function load(options: { lang?: string; src?: string } = {}): Promise<FormFieldConfig> {
  const el = await fixture<FormFieldConfig>(html`<form-field-config config-src=${options.src ?? URL_} lang=${options.lang ?? 'en'}></form-field-config>`);
  for (let i = 0; i < 50 && !el.config; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await settle(el);
  return el;
}

const alertText = (el: FormFieldConfig) => el.shadowRoot?.querySelector("[part~='alert']")?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const statusText = (el: FormFieldConfig) => el.shadowRoot?.querySelector("[part~='status']")?.textContent?.trim() ?? '';
const button = (el: FormFieldConfig, selector: string) => el.shadowRoot?.querySelector<HTMLButtonElement>(selector) as HTMLButtonElement;

// Puppeteer presses chords one key at a time.
async function chord(keys: string[]): Promise<void> {
  const modifiers = keys.slice(0, -1);
  for (const key of modifiers) await sendKeys({ down: key });
  await sendKeys({ press: keys.at(-1) as string });
  for (const key of modifiers.reverse()) await sendKeys({ up: key });
}

async function toggle(el: FormFieldConfig, id: string, name: 'displayed' | 'required' = 'displayed'): Promise<void> {
  box(el, id, name).click();
  await settle(el);
}

describe('<form-field-config>', () => {
  before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('loading', () => {
    it('GETs config-src and keeps the ETag for the next PUT', async () => {
      const api = server(setDisplayed(defaultConfig(), 'fax', true));
      const el = await load();
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      expect(el.dirty).to.equal(false);
      await toggle(el, 'mobile');
      expect(await el.save()).to.equal(true);
      expect(api.state.puts[0]?.ifMatch).to.equal('"v1"');
    });

    it('GETs and PUTs config-src itself, whatever its path (not {base}/config)', async () => {
      const src = '/cms/forms/account-request.json';
      const api = server(setDisplayed(defaultConfig(), 'fax', true), src);
      const el = await load({ src });
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      await toggle(el, 'mobile');
      expect(await el.save()).to.equal(true);
      expect(api.state.puts).to.have.length(1);
      expect(api.state.version).to.equal(2);
    });

    it('shows a load failure and fires field-config-error', async () => {
      worker.use(http.get(URL_, () => HttpResponse.json({ version: 1, fields: [{ id: 'nope' }] })));
      const el = document.createElement('form-field-config');
      el.setAttribute('config-src', URL_);
      const event = oneEvent<FieldConfigErrorEvent>(el, 'field-config-error');
      document.body.append(el);
      const { detail } = await event;
      expect((detail.error as Error).name).to.equal('ConfigError');
      await el.updateComplete;
      expect(alertText(el)).to.contain('The configuration could not be loaded.');
      el.remove();
    });

    it('loads and saves through the .client it is given, used as is (its fetch, headers and timeout)', async () => {
      const api = server(setDisplayed(defaultConfig(), 'fax', true));
      const sent: { method: string; url: string; authorization: string | null }[] = [];
      const client = createClient({
        base: '',
        configUrl: URL_,
        timeout: 2000,
        headers: { Authorization: 'Bearer admin' },
        fetch: (input, init) => {
          const request = new Request(input, init);
          sent.push({ method: request.method, url: new URL(request.url).pathname, authorization: request.headers.get('Authorization') });
          return fetch(request);
        },
      });
      const el = await fixture<FormFieldConfig>(html`<form-field-config config-src=${URL_} lang="en" .client=${client}></form-field-config>`);
      for (let i = 0; i < 50 && !el.config; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      await settle(el);
      expect(el.client).to.equal(client);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      await toggle(el, 'mobile');
      expect(await el.save()).to.equal(true);
      expect(api.state.puts).to.have.length(1);
      expect(sent).to.deep.equal([
        { method: 'GET', url: URL_, authorization: 'Bearer admin' },
        { method: 'PUT', url: URL_, authorization: 'Bearer admin' },
      ]);
    });

    it('starts from .config, normalized by the SDK', async () => {
      const el = await mount({ ...defaultConfig(), fields: [{ id: 'fax', displayed: false, required: true }] } as FormConfig);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      expect(el.config?.fields).to.have.length(25);
    });
  });

  describe('save()', () => {
    it('200: PUTs with If-Match, takes the new ETag, is no longer dirty, fires field-config-save', async () => {
      const api = server();
      const el = await load();
      await toggle(el, 'fax');
      expect(el.dirty).to.equal(true);
      expect(statusText(el)).to.equal('Unsaved changes');
      const saved = oneEvent<FieldConfigSaveEvent>(el, 'field-config-save');
      expect(await el.save()).to.equal(true);
      expect((await saved).detail.config.fields.find((field) => field.id === 'fax')?.displayed).to.equal(true);
      await settle(el);
      expect(el.dirty).to.equal(false);
      expect(statusText(el)).to.equal('Saved.');
      await toggle(el, 'mobile');
      expect(await el.save()).to.equal(true);
      expect(api.state.puts.map((put) => put.ifMatch)).to.deep.equal(['"v1"', '"v2"']);
    });

    it('keeps the focus on Save while it saves, and a second press then sends nothing more', async () => {
      const api = server();
      // The save's answer waits for the second press: a quick answer (a fast or a loaded machine)
      // would end the save first, and the second press would be a new save, rightly sent.
      let answer!: () => void;
      const held = new Promise<void>((resolve) => (answer = resolve));
      worker.use(http.put(URL_, async () => void (await held)));
      const el = await load();
      await toggle(el, 'fax');
      const save = button(el, "[part~='save']");
      save.focus();
      const saved = oneEvent<FieldConfigSaveEvent>(el, 'field-config-save');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      answer();
      await saved;
      await settle(el);
      expect(api.state.puts).to.have.length(1);
      expect(el.shadowRoot?.activeElement, 'not dropped to the page').to.equal(save);
      expect(save.getAttribute('aria-disabled')).to.equal('false');
    });

    it('412 then "reload theirs": their config replaces the draft, and undo brings mine back', async () => {
      const api = server();
      const el = await load();
      await toggle(el, 'fax');
      api.theirEdit(setDisplayed(defaultConfig(), 'website', true));
      const failed = oneEvent<FieldConfigErrorEvent>(el, 'field-config-error');
      expect(await el.save()).to.equal(false);
      expect((await failed).detail.error).to.have.property('name', 'ConflictError');
      await settle(el);
      expect(alertText(el)).to.contain('Someone else saved this configuration');
      expect(el.dirty).to.equal(true);
      expect(box(el, 'fax', 'displayed').checked, 'the draft is kept').to.equal(true);

      button(el, "[part~='conflict'] button:not([part~='primary'])").click();
      await oneEvent<FieldConfigChangeEvent>(el, 'field-config-change');
      await settle(el);
      expect(alertText(el)).to.equal('');
      expect(el.shadowRoot?.activeElement, 'focus on the status, not lost with the panel').to.equal(el.shadowRoot?.querySelector("[part~='status']"));
      expect(statusText(el)).to.equal('Their version was loaded. Undo brings yours back.');
      expect(el.dirty).to.equal(false);
      expect(box(el, 'website', 'displayed').checked).to.equal(true);
      expect(box(el, 'fax', 'displayed').checked).to.equal(false);
      el.undo();
      await settle(el);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
    });

    it('412 then "overwrite": re-PUTs the draft with the fresh ETag', async () => {
      const api = server();
      const el = await load();
      await toggle(el, 'fax');
      api.theirEdit(setDisplayed(defaultConfig(), 'website', true));
      await el.save();
      await settle(el);
      const saved = oneEvent<FieldConfigSaveEvent>(el, 'field-config-save');
      button(el, "[part~='conflict'] button[part~='primary']").click();
      await saved;
      await settle(el);
      expect(api.state.puts.map((put) => put.ifMatch)).to.deep.equal(['"v1"', '"v2"']);
      expect(api.state.config.fields.find((field) => field.id === 'fax')?.displayed).to.equal(true);
      expect(api.state.config.fields.find((field) => field.id === 'website')?.displayed).to.equal(false);
      expect(el.dirty).to.equal(false);
      expect(alertText(el)).to.equal('');
    });

    it('422: shows the SDK errors and keeps the draft', async () => {
      server();
      worker.use(
        http.put(URL_, () =>
          HttpResponse.json(
            { title: 'Invalid config', status: 422, errors: [{ field: 'settings.alertEmail', code: 'invalid_format', message: 'is not a valid e-mail address' }] },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const el = await load();
      await toggle(el, 'fax');
      const failed = oneEvent<FieldConfigErrorEvent>(el, 'field-config-error');
      expect(await el.save()).to.equal(false);
      expect((await failed).detail.error).to.have.property('name', 'ConfigError');
      await settle(el);
      expect(alertText(el)).to.contain('The server refused the configuration:');
      expect(alertText(el)).to.contain('settings.alertEmail: is not a valid e-mail address');
      expect(el.dirty).to.equal(true);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
    });

    it('network error: keeps the draft and says so', async () => {
      server();
      worker.use(http.put(URL_, () => HttpResponse.error()));
      const el = await load({ lang: 'fr' });
      await toggle(el, 'fax');
      const failed = oneEvent<FieldConfigErrorEvent>(el, 'field-config-error');
      expect(await el.save()).to.equal(false);
      expect((await failed).detail.error).to.have.property('name', 'ConfigSaveError');
      await settle(el);
      expect(alertText(el)).to.equal('Le serveur est injoignable. Vos modifications sont conservées : réessayez.');
      expect(el.dirty).to.equal(true);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
    });

    it('413, 401, 403, 500: keeps the draft and says why when it knows', async () => {
      server();
      const el = await load({ lang: 'fr' });
      await toggle(el, 'fax');
      const words: [number, string][] = [
        [413, 'Non enregistré : la configuration est trop volumineuse pour le serveur. Vos modifications sont conservées.'],
        [401, 'Non enregistré : accès refusé. Vos modifications sont conservées : reconnectez-vous dans un autre onglet, puis enregistrez.'],
        [403, 'Non enregistré : accès refusé. Vos modifications sont conservées : reconnectez-vous dans un autre onglet, puis enregistrez.'],
        [500, 'Non enregistré. Vos modifications sont conservées.'],
      ];
      for (const [status, said] of words) {
        worker.use(http.put(URL_, () => HttpResponse.json({ title: 'Refused', status, detail: 'The request body is larger than 65536 bytes.' }, { status })));
        const failed = oneEvent<FieldConfigErrorEvent>(el, 'field-config-error');
        expect(await el.save()).to.equal(false);
        expect((await failed).detail.error).to.include({ name: 'ConfigSaveError', status });
        await settle(el);
        expect(alertText(el), String(status)).to.equal(said);
        expect(el.dirty).to.equal(true);
      }
    });

    it('without config-src: the draft becomes the saved config and field-config-save carries it', async () => {
      const el = await mount();
      await toggle(el, 'fax');
      const saved = oneEvent<FieldConfigSaveEvent>(el, 'field-config-save');
      button(el, "[part~='save']").click();
      expect((await saved).detail.config).to.equal(el.config);
      expect(el.dirty).to.equal(false);
    });
  });

  describe('dirty, revert, undo, redo', () => {
    it('tracks dirty and reverts to the last saved config', async () => {
      const el = await mount();
      const original = el.config;
      await toggle(el, 'fax');
      await toggle(el, 'fax', 'required');
      expect(el.dirty).to.equal(true);
      const change = oneEvent<FieldConfigChangeEvent>(el, 'field-config-change');
      button(el, "[part~='revert']").click();
      expect((await change).detail.config).to.equal(original);
      await settle(el);
      expect(el.dirty).to.equal(false);
      expect(box(el, 'fax', 'displayed').checked).to.equal(false);
      el.undo();
      await settle(el);
      expect(box(el, 'fax', 'required').checked, 'revert itself can be undone').to.equal(true);
    });

    it('undoes and redoes with the buttons and with Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y', async () => {
      const el = await mount();
      const undo = button(el, "[part~='undo']");
      const redo = button(el, "[part~='redo']");
      expect(undo.getAttribute('aria-disabled')).to.equal('true');
      await toggle(el, 'fax');
      handle(el, 'fax').focus();
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      const faxAt = () => el.config?.fields.findIndex((field) => field.id === 'fax');
      expect(faxAt()).to.equal(11);

      await chord(['Control', 'KeyZ']);
      await settle(el);
      expect(faxAt()).to.equal(12);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      undo.click();
      await settle(el);
      expect(box(el, 'fax', 'displayed').checked).to.equal(false);
      expect(el.dirty).to.equal(false);
      expect(undo.getAttribute('aria-disabled')).to.equal('true');

      handle(el, 'fax').focus();
      await chord(['Control', 'Shift', 'KeyZ']);
      await settle(el);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
      await chord(['Control', 'KeyY']);
      await settle(el);
      expect(faxAt()).to.equal(11);
      expect(redo.getAttribute('aria-disabled')).to.equal('true');
      redo.click();
      undo.click();
      await settle(el);
      expect(faxAt()).to.equal(12);
      // Undone and redone from a row's handle, the moved row keeps the focus.
      handle(el, 'fax').focus();
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      await chord(['Control', 'KeyZ']);
      await settle(el);
      await chord(['Control', 'KeyY']);
      await settle(el);
      expect(part(el, 'ffc-field-rows').activeElement, 'the handle of the row redone').to.equal(handle(el, 'fax'));
      // Undoing the last step leaves the focus on the button that did it, not on the page.
      undo.focus();
      while (undo.getAttribute('aria-disabled') !== 'true') {
        await sendKeys({ press: 'Enter' });
        await settle(el);
      }
      expect(el.shadowRoot?.activeElement).to.equal(undo);
    });

    it('ignores the shortcuts while a modal dialog is open', async () => {
      const el = await mount();
      await toggle(el, 'fax');
      const rows = part(el, 'ffc-field-rows');
      rows.querySelector<HTMLButtonElement>('tr[data-field-id="remarks"] button[data-action="condition"]')!.click();
      await settle(el);
      const dialog = rows.querySelector('ffc-condition-dialog')!.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      for (const keys of [['Control', 'KeyZ'], ['Control', 'Shift', 'KeyZ'], ['Control', 'KeyY']]) await chord(keys);
      await settle(el);
      expect(box(el, 'fax', 'displayed').checked, 'the draft behind the dialog is kept').to.equal(true);
      expect(el.canUndo).to.equal(true);
      expect(dialog.open).to.equal(true);
    });

    it('leaves Ctrl+Z to a text box being typed in', async () => {
      const el = await mount();
      await toggle(el, 'fax');
      const email = part(el, 'ffc-settings').querySelector<HTMLInputElement>('#alertEmail') as HTMLInputElement;
      email.focus();
      await sendKeys({ type: 'abc' });
      await chord(['Control', 'KeyZ']);
      await settle(el);
      expect(box(el, 'fax', 'displayed').checked).to.equal(true);
    });

    it('guards beforeunload only while dirty', async () => {
      const el = await mount();
      const unload = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(unload()).to.equal(false);
      await toggle(el, 'fax');
      expect(unload()).to.equal(true);
      await el.save();
      await settle(el);
      expect(unload()).to.equal(false);
      await toggle(el, 'fax');
      el.remove();
      expect(unload(), 'removed from the page').to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('has no axe violation, in English and in French, with the preview', async () => {
      const el = await mount(undefined, { preview: true });
      await expect(el).to.be.accessible();
      const fr = await mount(undefined, { lang: 'fr', preview: true });
      await expect(fr).to.be.accessible();
    });

    it('has no axe violation with the conflict panel', async () => {
      const api = server();
      const el = await load();
      await toggle(el, 'fax');
      api.theirEdit(defaultConfig());
      await el.save();
      await settle(el);
      await expect(el).to.be.accessible();
    });
  });
});
