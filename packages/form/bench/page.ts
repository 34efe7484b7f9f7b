// The page of render.bench.ts: times, inside the page, how long <account-request-form> takes from
// creation to a laid-out form, next to a plain form of the same fields built with DOM calls.
import { CONFIG_LIMITS, FIELD_CATALOG, parseConfig, resolveFields } from '@account-request/sdk';
import type { ResolvedField } from '@account-request/sdk';
import '../src/account-request-form/account-request-form.js';
import type { AccountRequestForm } from '../src/account-request-form/account-request-form.component.js';
import { countryOptions } from '../src/fields/country.js';

const LOCALE = 'en';
const WARM_UP = 3;

/** A raw config (what a page passes to `.config`) displaying `count` fields, at most the cap. */
function makeConfig(count: number): Record<string, unknown> {
  const displayed = Math.min(count, CONFIG_LIMITS.maxFields);
  const custom = Math.max(0, displayed - FIELD_CATALOG.length);
  return {
    version: 1,
    enabled: true,
    fields: [
      ...FIELD_CATALOG.map(({ id }, i) => ({ id, displayed: i < displayed, required: i < displayed && i % 3 === 0 })),
      ...Array.from({ length: custom }, (_, i) => ({ id: `custom${i}`, displayed: true, required: i % 4 === 0 })),
    ],
    customFields: Array.from({ length: custom }, (_, i) => ({ id: `custom${i}`, type: 'text', label: { fr: `Champ ${i}`, en: `Field ${i}` } })),
    settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: {} },
  };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Median and quartiles (nearest rank): the spread shows how noisy the machine was. */
export interface Timing {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

function timing(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? 0;
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

/** The element, from `createElement` to the frame after its last control exists and is laid out. */
async function renderElement(config: Record<string, unknown>, lastId: string): Promise<number> {
  const start = performance.now();
  const el = document.createElement('account-request-form') as AccountRequestForm;
  el.setAttribute('action', '/api/account-requests');
  el.setAttribute('lang', LOCALE);
  el.config = config;
  document.body.append(el);
  await el.updateComplete;
  if (!el.shadowRoot?.querySelector(`[name="${lastId}"]`)) throw new Error(`the element did not render ${lastId}`);
  void el.offsetHeight;
  const end = await frame();
  el.remove();
  return end - start;
}

function control(field: ResolvedField): HTMLElement {
  const id = `plain-${field.id}`;
  if (field.type === 'textarea') return Object.assign(document.createElement('textarea'), { id, name: field.id, required: field.required });
  if (field.type === 'select' || field.type === 'country') {
    const select = Object.assign(document.createElement('select'), { id, name: field.id, required: field.required });
    const options = field.type === 'country' ? countryOptions(LOCALE) : (field.options ?? []);
    select.append(new Option('Choose…', ''), ...options.map((option) => new Option(option.label, option.value)));
    return select;
  }
  const types: Partial<Record<string, string>> = { email: 'email', tel: 'tel', url: 'url', password: 'password', date: 'date', checkbox: 'checkbox' };
  const input = Object.assign(document.createElement('input'), { id, name: field.id, type: types[field.type] ?? 'text', required: field.required });
  if (field.autocomplete) input.autocomplete = field.autocomplete as AutoFill;
  return input;
}

/** What a hand-written form of the same fields holds: a label and a native control each (a fieldset for radios), help text, a confirm box and a button. */
function plainField(field: ResolvedField): HTMLElement {
  if (field.type === 'radio') {
    const fieldset = document.createElement('fieldset');
    fieldset.append(Object.assign(document.createElement('legend'), { textContent: field.label }));
    for (const option of field.options ?? []) {
      const label = document.createElement('label');
      label.append(Object.assign(document.createElement('input'), { type: 'radio', name: field.id, value: option.value }), option.label);
      fieldset.append(label);
    }
    return fieldset;
  }
  const wrapper = document.createElement('div');
  wrapper.append(Object.assign(document.createElement('label'), { htmlFor: `plain-${field.id}`, textContent: field.required ? `${field.label} *` : field.label }));
  if (field.help) wrapper.append(Object.assign(document.createElement('p'), { textContent: field.help }));
  wrapper.append(control(field));
  return wrapper;
}

/** The plain form, from the first `createElement` to the frame after it is inserted and laid out. */
async function renderPlain(fields: readonly ResolvedField[], lastId: string): Promise<number> {
  const start = performance.now();
  const form = document.createElement('form');
  const confirm: ResolvedField = { id: 'confirmed', type: 'checkbox', label: 'I confirm the information above', required: true, locked: true, custom: false, maxLength: 5 };
  form.append(...fields.map(plainField), plainField(confirm), Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Send' }));
  document.body.append(form);
  if (!form.querySelector(`[name="${lastId}"]`)) throw new Error(`the plain form lacks ${lastId}`);
  void form.offsetHeight;
  const end = await frame();
  form.remove();
  return end - start;
}

/** Ms to a rendered form, element and plain, for a config of `count` fields (capped). */
async function renderBench(count: number, iterations: number): Promise<{ fields: number; element: Timing; plain: Timing }> {
  const config = makeConfig(count);
  const fields = resolveFields(parseConfig(config), { locale: LOCALE });
  const lastId = fields.at(-1)?.id ?? '';
  const element: number[] = [];
  const plain: number[] = [];
  // Interleaved, so a drift in the machine's speed weighs on both alike.
  for (let i = 0; i < WARM_UP + iterations; i++) {
    const a = await renderElement(config, lastId);
    const b = await renderPlain(fields, lastId);
    if (i < WARM_UP) continue;
    element.push(a);
    plain.push(b);
  }
  return { fields: fields.length, element: timing(element), plain: timing(plain) };
}

Object.assign(window, { renderBench });
