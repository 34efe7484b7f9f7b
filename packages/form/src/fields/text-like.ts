import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldType, InputMode } from '@account-request/sdk';
import { ariaInvalid, describedBy, errorText, helpText, labelFor, textValue, wrapperPart } from './shared.js';
import type { FieldRenderState } from './shared.js';

// Numbers use a text input with a numeric keyboard: native number inputs drop what they
// cannot parse (so the person gets "required" for "12,5") and change on mouse wheel.
const INPUT_TYPE: Partial<Record<FieldType, string>> = {
  email: 'email',
  tel: 'tel',
  url: 'url',
  password: 'password',
  date: 'date',
};
const INPUT_MODE: Partial<Record<FieldType, InputMode>> = { number: 'decimal' };

/**
 * One-line inputs: text, email, tel, url, password, number and date fields. No `maxlength` or
 * `minlength`: browsers count those in UTF-16 units (an emoji is two), the SDK and the server in
 * code points, so a native limit would stop typing at 40 emoji in an 80-character field. The
 * SDK's `too_long` / `too_short` messages do the limiting instead.
 */
export function renderTextLike(state: FieldRenderState): TemplateResult {
  const { field, ids, combobox } = state;
  const type = INPUT_TYPE[field.type] ?? 'text';
  return html`<div part=${wrapperPart(state)} class="arf-field">
    ${labelFor(state)}${helpText(state)}
    <input
      part="input"
      class="arf-input"
      id=${ids.input}
      name=${field.id}
      type=${type}
      .value=${live(textValue(state.value))}
      ?required=${field.required}
      autocomplete=${field.autocomplete ?? nothing}
      inputmode=${field.inputmode ?? INPUT_MODE[field.type] ?? nothing}
      aria-describedby=${describedBy(state)}
      aria-invalid=${ariaInvalid(state)}
      ?readonly=${state.readOnly === true}
      role=${combobox ? 'combobox' : nothing}
      aria-autocomplete=${combobox ? 'list' : nothing}
      aria-expanded=${combobox ? String(combobox.expanded) : nothing}
      aria-controls=${combobox?.listbox ?? nothing}
      aria-activedescendant=${combobox?.active ?? nothing}
    />
    ${errorText(state)}
  </div>`;
}
