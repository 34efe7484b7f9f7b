// Helpers of the Node hostile-input suite: a handler over memory stores, requests, and the
// checks every case ends with (nothing polluted, nothing unexpected stored).
import assert from 'node:assert/strict';
import { addCustomField, defaultConfig, setDisplayed, type FormConfig } from '@account-request/sdk';
import { createAccountRequestHandler, createMemoryConfigStore, createMemoryStore, type HandlerOptions, type RequestStore } from '@account-request/sdk/server';
import { VALID_VALUES } from '../../../packages/sdk/src/server/test-helpers/values.js';

export const ORIGIN = 'https://shop.test';
export const BASE = '/api/account-requests';
export const ADMIN = { Authorization: 'Bearer hostile-admin' };

/** A submission that the default config accepts. */
export const VALID = VALID_VALUES;

/** The default config plus a displayed custom select (label, help, options) and a textarea: every text slot a config has. */
export function richConfig(): FormConfig {
  let config = addCustomField(defaultConfig(), {
    id: 'sector',
    type: 'select',
    label: { fr: 'Secteur', en: 'Sector' },
    help: { fr: 'Votre activité', en: 'Your trade' },
    options: [
      { value: 'retail', label: { fr: 'Commerce', en: 'Retail' } },
      { value: 'industry', label: 'Industry' },
    ],
  });
  config = addCustomField(config, { id: 'notes', type: 'textarea', label: 'Notes', maxLength: 500 });
  config = setDisplayed(setDisplayed(config, 'sector', true), 'notes', true);
  return { ...config, settings: { ...config.settings, confirmation: { redirectUrl: '/merci', message: { fr: 'Merci', en: 'Thanks' } } } };
}

/** A handler over memory stores, admin allowed with {@link ADMIN}. */
export function setup(options: Partial<HandlerOptions> & { config?: FormConfig } = {}) {
  const { config, ...rest } = options;
  const store: RequestStore = rest.store ?? createMemoryStore();
  const configStore = createMemoryConfigStore(config ?? defaultConfig());
  const handler = createAccountRequestHandler({
    loadConfig: configStore.loadConfig,
    saveConfig: configStore.saveConfig,
    authorize: (request) => request.headers.get('Authorization') === ADMIN.Authorization,
    basePath: BASE,
    ...rest,
    store,
  });
  return { handler, store, configStore };
}

/** A JSON POST of `body` (already text, or serialized here) with an idempotency key. */
export function post(body: unknown, options: { key?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`${ORIGIN}${BASE}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': options.key ?? crypto.randomUUID(), ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A submission body with `values` merged over {@link VALID}. */
export function body(values: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { values: { ...VALID, ...values }, confirmed: true, locale: 'en', ...extra };
}

/** A PUT of a config (text or value) as the admin, with `If-Match: *` unless told. */
export function putConfig(config: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${BASE}/config`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': '*', ...ADMIN, ...headers },
    body: typeof config === 'string' ? config : JSON.stringify(config),
  });
}

/** The problem+json body of `response`, after checking its status. */
export async function problemOf(response: Response, status: number): Promise<{ type: string; detail: string; errors?: { field: string; code: string; message: string }[] }> {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${await response.clone().text().then((t) => t.slice(0, 300))}`);
  assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  return (await response.json()) as { type: string; detail: string; errors?: { field: string; code: string; message: string }[] };
}

/** The field/code pairs of a 422. */
export async function fieldCodes(response: Response): Promise<[string, string][]> {
  const problem = await problemOf(response, 422);
  return (problem.errors ?? []).map((error) => [error.field, error.code]);
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const baseline = PROTOTYPES.map((proto) => Object.getOwnPropertyNames(proto).sort().join());

/** Asserts that no built-in prototype gained a property (pollution through `__proto__` or `constructor.prototype`). */
export function assertNoPollution(): void {
  PROTOTYPES.forEach((proto, index) => assert.equal(Object.getOwnPropertyNames(proto).sort().join(), baseline[index], 'a built-in prototype was changed'));
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'required', 'displayed', 'isAdmin']) assert.equal(probe[key], undefined, `Object.prototype.${key} is set`);
}

/** Every object in `value` has a standard (or null) prototype and no `__proto__` / `constructor` own key. */
export function assertPlainData(value: unknown, where = 'value'): void {
  if (typeof value !== 'object' || value === null) return;
  const proto: unknown = Object.getPrototypeOf(value);
  assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, `${where} has an odd prototype`);
  for (const key of ['__proto__', 'constructor', 'prototype']) assert.equal(Object.hasOwn(value, key), false, `${where} has an own ${key}`);
  for (const [key, child] of Object.entries(value)) assertPlainData(child, `${where}.${key}`);
}

/** JSON text of `value`, with `"__MARK__": 0` members replaced by `member` (e.g. a `__proto__` key, which JSON.stringify cannot write). */
export function withMember(value: unknown, member: string): string {
  return JSON.stringify(value).replaceAll('"__MARK__":0', member);
}

/** JSON text nesting `depth` arrays, e.g. `[[[…]]]`. */
export function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** JSON text nesting `depth` objects under `key`, with `leaf` at the bottom. */
export function nestedObjects(depth: number, key: string, leaf = '"x"'): string {
  return `${`{"${key}":`.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}
