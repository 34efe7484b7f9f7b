import assert from 'node:assert/strict';
import { defaultConfig } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { createMemoryConfigStore } from '../stores/config-store.js';
import { createAccountRequestHandler } from '../http/handler.js';
import type { HandlerOptions } from '../http/options.js';
import { createMemoryStore, type RequestStore } from '../stores/store.js';
import { VALID_VALUES } from './values.js';

export const ORIGIN = 'https://shop.test';
export const BASE = '/api/account-requests';
export const URL_BASE = `${ORIGIN}${BASE}`;
export const ADMIN = { Authorization: 'Bearer admin' };

/** A submission that passes the default config. */
export function validValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...VALID_VALUES, ...overrides };
}

export function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { values: validValues(overrides), confirmed: true, locale: 'fr' };
}

/** A POST of `body` as JSON with an idempotency key. */
export function post(body: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers({ 'Content-Type': 'application/json', ...options.headers });
  const key = options.key === undefined ? crypto.randomUUID() : options.key;
  if (key !== null) headers.set('Idempotency-Key', key);
  return new Request(URL_BASE, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${URL_BASE}${path}`, { headers });
}

export function put(config: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${URL_BASE}/config`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...ADMIN, ...headers },
    body: typeof config === 'string' ? config : JSON.stringify(config),
  });
}

/** Options of {@link setup}: an option set to `undefined` is left out (e.g. no `authorize`). */
export type SetupOptions = { [K in keyof HandlerOptions]?: HandlerOptions[K] | undefined } & { config?: FormConfig };

/** A handler over memory stores, admin allowed with {@link ADMIN}. */
export function setup(options: SetupOptions = {}) {
  const { config, ...overrides } = options;
  const store: RequestStore = overrides.store ?? createMemoryStore();
  const configStore = createMemoryConfigStore(config ?? defaultConfig());
  const merged: Record<string, unknown> = {
    loadConfig: configStore.loadConfig,
    saveConfig: configStore.saveConfig,
    authorize: (request: Request) => request.headers.get('Authorization') === ADMIN.Authorization,
    basePath: BASE,
    ...overrides,
    store,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const handler = createAccountRequestHandler(merged as unknown as HandlerOptions);
  return { handler, store, configStore };
}

/** Asserts an RFC 9457 body with the given status and returns it. */
export async function assertProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body['status'], status);
  assert.equal(typeof body['type'], 'string');
  assert.equal(typeof body['title'], 'string');
  assert.equal(typeof body['detail'], 'string');
  return body;
}
