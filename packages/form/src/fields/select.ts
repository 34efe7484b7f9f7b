import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { selectOptions } from './options.js';
import { ariaInvalid, describedBy, errorText, helpText, labelFor, textValue, wrapperPart } from './shared.js';
import type { FieldRenderState } from './shared.js';

/** An option as rendered: value and text, both plain strings. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A native `<select>`. The selection is set through `selected` on each option: a
 * `.value` binding on the select would run before its options exist. The options are
 * built as nodes ({@link selectOptions}): one template instance per option cost ~20 ms for the countries.
 */
export function renderSelect(state: FieldRenderState, options: readonly SelectOption[] = state.field.options ?? []): TemplateResult {
  const { field, ids } = state;
  const value = textValue(state.value);
  return html`<div part=${wrapperPart(state)} class="arf-field">
    ${labelFor(state)}${helpText(state)}
    <select
      part="input"
      class="arf-input"
      id=${ids.input}
      name=${field.id}
      ?required=${field.required}
      autocomplete=${field.autocomplete ?? nothing}
      aria-describedby=${describedBy(state)}
      aria-invalid=${ariaInvalid(state)}
    >
      <option value="" ?selected=${value === ''}>${state.strings.choose}</option>
      ${selectOptions(options, value)}
    </select>
    ${errorText(state)}
  </div>`;
}
