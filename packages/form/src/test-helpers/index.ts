// Shared fixtures of the browser tests (excluded from the build).
import { fixture, fixtureSync, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { createClient } from '@account-request/sdk';
import type { AccountRequestClient } from '@account-request/sdk';
import '../account-request-form/account-request-form.js';
import type { AccountRequestForm } from '../account-request-form/account-request-form.component.js';

export const API = '/api/account-requests';
export const SUBMIT_URL = new URL(API, location.href).href;

/** A config with the given field entries first (others hidden), all settings defaulted. */
export function makeConfig(fields: readonly { id: string; displayed?: boolean; required?: boolean; visibleWhen?: unknown }[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    enabled: true,
    fields: fields.map((field) => ({ displayed: true, required: false, ...field })),
    customFields: [],
    settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: {} },
    ...extra,
  };
}

/** companyName, email, lastName (required), firstName (optional), password (optional). */
export const SMALL_CONFIG = makeConfig([
  { id: 'companyName', required: true },
  { id: 'email', required: true },
  { id: 'lastName', required: true },
  { id: 'firstName' },
  { id: 'password' },
]);

export const VALID_VALUES: Readonly<Record<string, string>> = { companyName: 'Acme SAS', email: 'jane@acme.fr', lastName: 'Martin' };

// A form showing a SIRET or a street field asks its server which lookups are on: none, unless a test says otherwise.
export const worker = setupWorker(http.get(new URL(`${API}/lookup`, location.href).href, () => HttpResponse.json({ company: false, address: false })));
let started: Promise<unknown> | undefined;

/** Starts msw once per test page. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return started;
}

/** One recorded submission. */
export interface Recorded {
  readonly key: string | null;
  readonly contentType: string | null;
  readonly body: unknown;
}

/** Answers POST {API} with `respond` (201 by default) and records every request. */
export function recordSubmissions(respond?: (count: number) => Response | Promise<Response>): Recorded[] {
  const seen: Recorded[] = [];
  worker.use(
    http.post(SUBMIT_URL, async ({ request }) => {
      const contentType = request.headers.get('Content-Type');
      const body = contentType?.includes('json') ? await request.json() : await request.text();
      seen.push({ key: request.headers.get('Idempotency-Key'), contentType, body });
      if (respond) return respond(seen.length);
      return HttpResponse.json({ id: 'req_1', status: 'pending', access: 'full' }, { status: 201 });
    }),
  );
  return seen;
}

/** A client that gives up fast, so failure tests do not wait for the default timeout and retries. */
export function fastClient(timeout = 300): AccountRequestClient {
  return createClient({ base: API, timeout, retry: 0 });
}

interface RenderOptions {
  readonly config?: unknown;
  readonly draft?: 'local' | 'session' | 'off';
  readonly lang?: string;
  readonly client?: AccountRequestClient;
  readonly values?: Record<string, unknown>;
}

/** Renders a form with `config` (SMALL_CONFIG by default), drafts off unless asked. */
export async function renderForm(options: RenderOptions = {}): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form
    action=${API}
    draft=${options.draft ?? 'off'}
    lang=${options.lang ?? 'en'}
    .config=${options.config ?? SMALL_CONFIG}
    .client=${options.client}
    .values=${options.values}
  ></account-request-form>`);
  await el.updateComplete;
  return el;
}

/** The element's render root (shadow root, or the element in light-DOM mode). */
export function root(el: AccountRequestForm): ParentNode {
  return el.shadowRoot ?? el;
}

export function $(el: AccountRequestForm, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** The control named `id`. */
export function control(el: AccountRequestForm, id: string): HTMLInputElement {
  return $(el, `[name="${id}"]`) as HTMLInputElement;
}

/** Sets values as typing would (input events), then ticks the confirmation box when asked. */
export async function fill(el: AccountRequestForm, values: Readonly<Record<string, string>>, confirm = true): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = control(el, id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  if (confirm) {
    const box = control(el, 'confirmed');
    if (!box.checked) box.click();
  }
  await el.updateComplete;
}

/** The active element inside the form's render root. */
export function focused(el: AccountRequestForm): Element | null {
  return el.shadowRoot ? el.shadowRoot.activeElement : document.activeElement;
}

/** The text of the live status region. */
export function statusText(el: AccountRequestForm): string {
  return $(el, '[part~="status"]').textContent?.trim() ?? '';
}

/**
 * Waits until `predicate` holds (no fixed sleeps in assertions). Polls with timers, not
 * animation frames: test pages run in parallel tabs and background tabs get no frames.
 */
export async function until(predicate: () => boolean, message = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Like `fixture` for a wrapper holding forms, without waiting for an animation frame (which
 * a background tab never gets): waits for every form inside to render instead.
 */
export async function mount<T extends Element = HTMLElement>(template: TemplateResult): Promise<T> {
  const wrapper = fixtureSync<T>(template);
  const forms = [...(wrapper.localName === 'account-request-form' ? [wrapper] : []), ...wrapper.querySelectorAll('account-request-form')];
  await Promise.all(forms.map((form) => (form as unknown as AccountRequestForm).updateComplete));
  return wrapper;
}
