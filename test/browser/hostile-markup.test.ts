// Markup and script in every config text (labels, help, option values and labels, the
// confirmation message) and in server messages: the form, the editor and its preview render them
// as text. No script runs, no element is created from them, no event-handler attribute appears.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { parseConfig, type FormConfig } from '@account-request/sdk';
import '@account-request/form';
import '@account-request/field-config';
import type { AccountRequestForm } from '@account-request/form';
import type { FormFieldConfig } from '@account-request/field-config';
import { FORBIDDEN_ELEMENTS, MARKUP, MARKUP_PAYLOADS, markupConfigInput } from '../hostile/cases.js';
import { API, faultyServer, resetWorker, startWorker, until, useHandlers } from './test-helpers/sdk-server.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const CONFIG: FormConfig = parseConfig(markupConfigInput());

/** Every element under `root`, shadow roots included. */
function elements(root: Node): Element[] {
  const found: Element[] = root instanceof Element && root.shadowRoot ? elements(root.shadowRoot) : [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    found.push(element);
    if (element.shadowRoot) found.push(...elements(element.shadowRoot));
  }
  return found;
}

/** All text under `root`, shadow roots included, plus the values of form controls. */
function deepText(root: Node): string {
  const parts: string[] = root instanceof Element && root.shadowRoot ? [deepText(root.shadowRoot)] : [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else {
      const element = node as Element;
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLOptionElement) parts.push(element.value);
      if (element.shadowRoot) parts.push(deepText(element.shadowRoot));
    }
  }
  return parts.join('\n');
}

// The editor's drag handle draws its grip with an inline SVG of circles: the one SVG allowed.
const isGrip = (element: Element): boolean =>
  (element.localName === 'svg' && element.getAttribute('viewBox') === '0 0 10 16') || (element.localName === 'circle' && element.parentElement?.getAttribute('viewBox') === '0 0 10 16');

/** No script ran, no forbidden element, no event-handler attribute, no javascript: URL under `root`. */
function expectInert(root: Node): void {
  expect(window.__pwned, 'a payload ran').to.equal(undefined);
  for (const element of elements(root)) {
    if (FORBIDDEN_ELEMENTS.includes(element.localName)) expect(isGrip(element), `<${element.localName}> was created`).to.equal(true);
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.localName}[${attribute.name}]`).to.equal(false);
      if (['href', 'src', 'action', 'formaction'].includes(attribute.name)) expect(attribute.value).to.not.match(/^\s*javascript:/i);
    }
  }
}

function expectTextShown(root: Node, texts: readonly string[]): void {
  const shown = deepText(root);
  for (const text of texts) expect(shown.includes(text), `"${text}" shown as text`).to.equal(true);
}

const formRoot = (el: AccountRequestForm): ParentNode => el.shadowRoot ?? el;

describe('hostile markup: <account-request-form>', () => {
  before(startWorker);
  afterEach(() => {
    resetWorker();
    delete window.__pwned;
  });

  for (const lightDom of [false, true]) {
    it(`renders labels, help, option values and labels as text${lightDom ? ' in light DOM' : ''}`, async () => {
      const el = await fixture<AccountRequestForm>(html`<account-request-form draft="off" lang="en" ?light-dom=${lightDom} .config=${CONFIG}></account-request-form>`);
      await el.updateComplete;
      expectInert(el);
      expectTextShown(el, MARKUP_PAYLOADS);
      // Option values travel as values, not markup.
      const select = formRoot(el).querySelector<HTMLSelectElement>('select[name="evil0"]');
      expect(select?.options[1]?.value).to.equal((MARKUP_PAYLOADS[0] ?? '').slice(0, 100));
      // Help texts stay linked by id, whatever their content.
      const input = formRoot(el).querySelector('[name="evil2"]');
      const help = formRoot(el).querySelector(`#${CSS.escape(input?.getAttribute('aria-describedby')?.split(' ')[0] ?? '')}`);
      expect(help?.textContent).to.equal(MARKUP_PAYLOADS[2]);
    });
  }

  it('shows the confirmation message as text after a real submission', async () => {
    const server = faultyServer(CONFIG);
    const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang="en" .config=${CONFIG}></account-request-form>`);
    const values: Record<string, string> = { companyName: '<b>Acme</b> SAS', email: 'jane@acme.fr' };
    for (const [id, value] of Object.entries(values)) {
      const input = formRoot(el).querySelector<HTMLInputElement>(`[name="${id}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    formRoot(el).querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
    await el.updateComplete;
    const success = oneEvent(el, 'account-request-success');
    void el.submit();
    await success;
    await el.updateComplete;
    expect(formRoot(el).querySelector('[part="confirmation"]')?.textContent).to.contain(MARKUP);
    expectInert(el);
    const [record] = await server.store.list();
    expect(record?.values['companyName']).to.equal('<b>Acme</b> SAS');
  });

  it('shows server messages (422 field errors, a 403 detail) as text', async () => {
    const evil = '<img src=x onerror="window.__pwned = \'server\'">';
    let status = 422;
    const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft="off" lang="en" .config=${parseConfig({ fields: [{ id: 'companyName' }, { id: 'email' }] })}></account-request-form>`);
    // Answers from a misbehaving server.
    const respond = () =>
      status === 422
        ? HttpResponse.json({ type: 'about:blank', title: evil, status, detail: evil, errors: [{ field: 'companyName', code: 'invalid_format', message: evil }] }, { status, headers: { 'Content-Type': 'application/problem+json' } })
        : HttpResponse.json({ type: 'about:blank', title: evil, status, detail: evil }, { status, headers: { 'Content-Type': 'application/problem+json' } });
    useHandlers(http.post(new URL(API, location.href).href, respond));
    for (const [id, value] of Object.entries({ companyName: 'Acme', email: 'jane@acme.fr' })) {
      const input = formRoot(el).querySelector<HTMLInputElement>(`[name="${id}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    formRoot(el).querySelector<HTMLInputElement>('[name="confirmed"]')?.click();
    await el.updateComplete;
    let failed = oneEvent(el, 'account-request-error');
    void el.submit();
    await failed;
    await el.updateComplete;
    expectTextShown(el, [evil]);
    expectInert(el);
    status = 403;
    failed = oneEvent(el, 'account-request-error');
    void el.submit();
    await failed;
    await el.updateComplete;
    expect(formRoot(el).querySelector('[part~="status"]')?.textContent).to.contain(evil);
    expectInert(el);
  });
});

describe('hostile markup: <form-field-config> and its preview', () => {
  before(startWorker);
  afterEach(() => {
    resetWorker();
    delete window.__pwned;
  });

  it('renders rows, custom fields, settings and the preview with the markup as text', async () => {
    const el = await fixture<FormFieldConfig>(html`<form-field-config lang="en" preview .config=${CONFIG}></form-field-config>`);
    await until(() => Boolean(el.shadowRoot?.querySelector('ffc-preview')?.shadowRoot?.querySelector('account-request-form')), 'the preview');
    const preview = el.shadowRoot?.querySelector('ffc-preview')?.shadowRoot?.querySelector('account-request-form') as AccountRequestForm;
    await preview.updateComplete;
    await until(() => deepText(el).includes(MARKUP_PAYLOADS.at(-1) ?? ''), 'the texts');
    expectInert(el);
    // Rows and the custom field list name each field by its label; the preview shows labels and help.
    expectTextShown(el.shadowRoot?.querySelector('ffc-field-rows') as Node, MARKUP_PAYLOADS);
    expectTextShown(el.shadowRoot?.querySelector('ffc-custom-fields') as Node, MARKUP_PAYLOADS);
    expectTextShown(preview, MARKUP_PAYLOADS);
    expectTextShown(el.shadowRoot?.querySelector('ffc-settings') as Node, [MARKUP]);
  });

  it('shows server config errors (422) with markup as text', async () => {
    const evil = '<script>window.__pwned = "editor"</script>';
    faultyServer(CONFIG);
    useHandlers(
      http.put(new URL(`${API}/config`, location.href).href, () =>
        HttpResponse.json({ type: 'about:blank', title: evil, status: 422, detail: evil, errors: [{ field: `settings.${evil}`, code: 'invalid_config', message: evil }] }, { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const el = await fixture<FormFieldConfig>(html`<form-field-config lang="en" config-src=${`${API}/config`}></form-field-config>`);
    await until(() => el.config !== undefined, 'the config');
    expect(await el.save()).to.equal(false);
    await el.updateComplete;
    expectTextShown(el, [evil]);
    expectInert(el);
  });
});
