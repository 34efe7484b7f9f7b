/**
 * The browser half of the vanilla example: no element, no framework, only the SDK and the DOM.
 * It loads the config with `createClient`, renders native controls from `resolveFields`, checks
 * them with `validateSubmission` (the server runs the same function) and sends with `submit`.
 */
import {
  countryName,
  createClient,
  createIdempotencyKey,
  isSubmissionError,
  localize,
  messages,
  resolveFields,
  resolveLocale,
  validateSubmission,
  type FieldError,
  type FormConfig,
  type ResolvedField,
} from '@account-request/sdk';

const locale = resolveLocale(document.documentElement.lang);
const text = messages(locale);
// The few strings this page adds to the SDK's built-in ones, each picked by `localize` with the
// SDK's one fallback rule (the page's tag, its language, then English).
const UI = {
  sending: { fr: 'Envoi en cours…', en: 'Sending…' },
  offline: { fr: 'Envoi impossible pour le moment : vérifiez votre connexion et réessayez.', en: 'Could not send for now: check your connection and try again.' },
  failed: { fr: 'Le serveur a refusé la demande.', en: 'The server refused the request.' },
  loadFailed: { fr: 'Le formulaire ne peut pas être chargé.', en: 'The form could not be loaded.' },
};
const ui = Object.fromEntries(Object.entries(UI).map(([key, text]) => [key, localize(text, locale)])) as Record<keyof typeof UI, string>;
const COUNTRIES = ['FR', 'BE', 'CH', 'LU', 'DE', 'ES', 'IT', 'NL', 'GB'];

const client = createClient({ base: '/api/account-requests' });
const form = document.querySelector<HTMLFormElement>('#request')!;
const container = document.querySelector<HTMLElement>('#fields')!;
const status = document.querySelector<HTMLElement>('#status')!;
const confirmBox = document.querySelector<HTMLInputElement>('#confirmed')!;
// One key per typed draft: every retry of this draft reuses it, so it can never be stored twice.
let idempotencyKey = createIdempotencyKey();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function labelText(field: ResolvedField): Node[] {
  const nodes: Node[] = [document.createTextNode(field.label)];
  if (field.required) {
    nodes.push(document.createTextNode(` ${text.requiredMarker}`), element('span', { className: 'visually-hidden', textContent: ` (${text.requiredText})` }));
  }
  return nodes;
}

function control(field: ResolvedField): HTMLElement {
  const common = { id: `f-${field.id}`, name: field.id, required: field.required };
  if (field.type === 'select' || field.type === 'country') {
    const options = field.type === 'country' ? COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) })) : (field.options ?? []);
    const select = element('select', common, element('option', { value: '', textContent: '—' }));
    for (const option of options) select.append(element('option', { value: option.value, textContent: option.label }));
    if (field.type === 'country') select.value = 'FR';
    return select;
  }
  if (field.type === 'textarea') return element('textarea', { ...common, maxLength: field.maxLength });
  if (field.type === 'checkbox') return element('input', { ...common, type: 'checkbox' });
  const type = field.type;
  const input = element('input', { ...common, type, maxLength: field.maxLength });
  if (field.autocomplete) input.autocomplete = field.autocomplete as AutoFill;
  if (field.inputmode) input.inputMode = field.inputmode;
  return input;
}

function renderRadios(field: ResolvedField): HTMLElement {
  const group = element('fieldset', { id: `f-${field.id}`, className: 'field' }, element('legend', {}, ...labelText(field)));
  group.setAttribute('aria-describedby', `f-${field.id}-error`);
  for (const [index, option] of (field.options ?? []).entries()) {
    const id = `f-${field.id}-${index}`;
    group.append(element('input', { type: 'radio', id, name: field.id, value: option.value, required: field.required }), element('label', { htmlFor: id, textContent: option.label }));
  }
  group.append(element('span', { id: `f-${field.id}-error`, className: 'error' }));
  return group;
}

function renderField(field: ResolvedField): HTMLElement {
  if (field.type === 'radio') return renderRadios(field);
  const input = control(field);
  const label = element('label', { htmlFor: input.id }, ...labelText(field));
  const described = [field.help ? `f-${field.id}-help` : '', `f-${field.id}-error`].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', described);
  const parts: Node[] = field.type === 'checkbox' ? [input, label] : [label, input];
  if (field.help) parts.push(element('span', { id: `f-${field.id}-help`, className: 'help', textContent: field.help }));
  parts.push(element('span', { id: `f-${field.id}-error`, className: 'error' }));
  return element('p', { className: 'field' }, ...parts);
}

function readValues(fields: readonly ResolvedField[]): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fields) {
    const input = form.elements.namedItem(field.id);
    if (input instanceof HTMLInputElement && input.type === 'checkbox') values[field.id] = input.checked;
    else if (input instanceof RadioNodeList) values[field.id] = input.value;
    else if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement) values[field.id] = input.value;
  }
  return values;
}

function showErrors(errors: readonly FieldError[]): void {
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of form.querySelectorAll('.error')) node.textContent = '';
  let first: HTMLElement | undefined;
  for (const error of errors) {
    const input = error.field === 'confirmed' ? confirmBox : document.getElementById(`f-${error.field}`);
    const slot = document.getElementById(`${error.field === 'confirmed' ? 'confirmed' : `f-${error.field}`}-error`);
    if (!input || !slot) continue;
    input.setAttribute('aria-invalid', 'true');
    slot.replaceChildren(element('span', { className: 'visually-hidden', textContent: `${text.errorPrefix} ` }), document.createTextNode(error.message));
    // A radio group is a fieldset: focus its first radio.
    first ??= input instanceof HTMLFieldSetElement ? (input.querySelector('input') ?? input) : input;
  }
  first?.focus();
}

async function send(config: FormConfig, fields: readonly ResolvedField[]): Promise<void> {
  const values = readValues(fields);
  const checked = validateSubmission(config, { values, confirmed: confirmBox.checked, locale }, { locale });
  if (!checked.success) {
    showErrors(checked.errors);
    return;
  }
  showErrors([]);
  status.textContent = ui.sending;
  try {
    await client.submit(values, { idempotencyKey, locale });
    form.hidden = true;
    status.textContent = config.settings.confirmation.message ? localize(config.settings.confirmation.message, locale) : text.sent;
    idempotencyKey = createIdempotencyKey();
  } catch (error) {
    if (isSubmissionError(error) && error.kind === 'validation') {
      status.textContent = '';
      showErrors(error.errors);
    } else {
      status.textContent = isSubmissionError(error) && error.kind === 'network' ? ui.offline : ui.failed;
    }
  }
}

async function start(): Promise<void> {
  document.querySelector('#confirmed-label')!.textContent = `${text.confirm} ${text.requiredMarker}`;
  document.querySelector('#send')!.textContent = text.submit;
  let config: FormConfig;
  try {
    ({ config } = await client.loadConfig());
  } catch {
    status.textContent = ui.loadFailed;
    return;
  }
  const fields = resolveFields(config, { locale });
  container.replaceChildren(...fields.map(renderField));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(config, fields);
  });
  form.dataset['ready'] = 'true';
}

void start();
