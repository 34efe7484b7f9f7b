// The two pages the page-load bench compares, for one fixture: the element with its config
// inlined, and the same form written by hand in HTML (static markup, one small script for the
// messages, one stylesheet). Both end with the same probe script.
import { DEFAULT_COUNTRY } from '../../../sdk/src/index.js';
import type { ResolvedField } from '../../../sdk/src/index.js';
import type { Fixture } from './fixture.js';

/** A `<option>` of the country list, as the element shows it in this browser. */
export interface CountryOption {
  readonly value: string;
  readonly label: string;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** ` name="value"` for each defined entry; `true` writes a bare boolean attribute. */
function attributes(entries: Record<string, string | boolean | undefined>): string {
  return Object.entries(entries)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`))
    .join('');
}

function shell(title: string, head: string, body: string, fixture: Fixture): string {
  const probe = `probe.js?names=${fixture.names.map(encodeURIComponent).join(',')}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeText(title)}</title>
${head}
</head>
<body>
<main>
<h1>Open a business account</h1>
${body}
</main>
<script type="module" src="/${escapeAttribute(probe)}"></script>
</body>
</html>
`;
}

/** The element, its config in a JSON child (the CMS embed). */
export function elementPage(fixture: Fixture): string {
  // `<` escaped so no text of the config can close the script element.
  const json = JSON.stringify(fixture.config).replace(/</g, '\\u003c');
  const body = `<account-request-form action="/api/account-requests"><script type="application/json">${json}</script></account-request-form>`;
  return shell('Account request (element)', '<script type="module" src="/account-request-form.bundle.js"></script>', body, fixture);
}

const INPUT_TYPES: Partial<Record<string, string>> = { email: 'email', tel: 'tel', url: 'url', password: 'password', date: 'date' };

function label(field: ResolvedField, forId: string, tag = 'label'): string {
  const marker = field.required ? ' <span class="marker" aria-hidden="true">*</span><span class="vh"> required</span>' : '';
  return `<${tag}${tag === 'label' ? attributes({ for: forId }) : ''}>${escapeText(field.label)}${marker}</${tag}>`;
}

function help(field: ResolvedField, id: string): string {
  return field.help ? `<p class="help" id="${id}-help">${escapeText(field.help)}</p>` : '';
}

function options(list: readonly CountryOption[], selected = ''): string {
  return list.map((option) => `<option${attributes({ value: option.value, selected: option.value === selected })}>${escapeText(option.label)}</option>`).join('');
}

/** One field of the hand-written form: the same control, label, help and required flag the element renders. */
function field(field: ResolvedField, missing: string | undefined, countries: readonly CountryOption[]): string {
  const id = `f-${field.id}`;
  const common = {
    id,
    name: field.id,
    required: field.required,
    autocomplete: field.autocomplete,
    'aria-describedby': field.help ? `${id}-help` : undefined,
    'data-help': field.help ? `${id}-help` : undefined,
    'data-missing': missing,
  };
  switch (field.type) {
    case 'radio': {
      const radios = (field.options ?? []).map(
        (option, i) =>
          `<div class="option"><input${attributes({ type: 'radio', id: `${id}-${i}`, name: field.id, value: option.value, required: field.required, autocomplete: field.autocomplete })}><label for="${id}-${i}">${escapeText(option.label)}</label></div>`,
      );
      const fieldset = attributes({ id, 'aria-describedby': common['aria-describedby'], 'data-help': common['data-help'], 'data-missing': missing });
      return `<fieldset class="field"${fieldset}>${label(field, id, 'legend')}${help(field, id)}${radios.join('')}</fieldset>`;
    }
    case 'checkbox':
      return `<div class="field"><div class="option"><input type="checkbox"${attributes(common)}>${label(field, id)}</div>${help(field, id)}</div>`;
    case 'select':
    case 'country': {
      const list = field.type === 'country' ? countries : (field.options ?? []);
      return `<div class="field">${label(field, id)}${help(field, id)}<select${attributes(common)}><option value="">Choose…</option>${options(list, field.type === 'country' ? DEFAULT_COUNTRY : '')}</select></div>`;
    }
    case 'textarea':
      return `<div class="field">${label(field, id)}${help(field, id)}<textarea rows="4"${attributes(common)}></textarea></div>`;
    default:
      return `<div class="field">${label(field, id)}${help(field, id)}<input${attributes({ type: INPUT_TYPES[field.type] ?? 'text', ...common, inputmode: field.inputmode ?? (field.type === 'number' ? 'decimal' : undefined) })}></div>`;
  }
}

/** The same form written by hand: static HTML, native `required`, a stylesheet and a small script for the messages. */
export function handWrittenPage(fixture: Fixture, countries: readonly CountryOption[]): string {
  const missing = new Map(fixture.errors.map((error) => [error.field, error.message]));
  const confirm: ResolvedField = { id: 'confirmed', type: 'checkbox', label: 'I confirm the information above is accurate', required: true, locked: true, custom: false, maxLength: 5 };
  const body = `<form action="/api/account-requests" method="post" novalidate>
<p class="legend">Fields marked * are required.</p>
${fixture.fields.map((each) => field(each, missing.get(each.id), countries)).join('\n')}
<div class="hp" aria-hidden="true"><label for="f-hp">Leave this field empty</label><input id="f-hp" name="nickname" type="text" tabindex="-1" autocomplete="off"></div>
${field(confirm, missing.get('confirmed'), countries)}
<div class="actions"><button type="submit">Send request</button></div>
<div class="status" role="status" aria-live="polite"></div>
</form>`;
  return shell('Account request (hand-written)', '<link rel="stylesheet" href="/hand-written.css">\n<script type="module" src="/hand-written.js"></script>', body, fixture);
}
