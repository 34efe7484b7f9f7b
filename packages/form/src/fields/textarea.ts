import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ariaInvalid, describedBy, errorText, helpText, labelFor, textValue, wrapperPart } from './shared.js';
import type { FieldRenderState } from './shared.js';

/** Multi-line text. */
export function renderTextarea(state: FieldRenderState): TemplateResult {
  const { field, ids } = state;
  return html`<div part=${wrapperPart(state)} class="arf-field">
    ${labelFor(state)} ${helpText(state)}
    <textarea
      part="input"
      class="arf-input"
      id=${ids.input}
      name=${field.id}
      rows="4"
      .value=${live(textValue(state.value))}
      ?required=${field.required}
      autocomplete=${ifDefined(field.autocomplete)}
      maxlength=${field.maxLength}
      minlength=${ifDefined(field.minLength)}
      aria-describedby=${describedBy(state)}
      aria-invalid=${ariaInvalid(state)}
    ></textarea>
    ${errorText(state)}
  </div>`;
}
