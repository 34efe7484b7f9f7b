import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, describedBy, errorText, helpText, labelFor, textValue, wrapperPart } from './shared.js';
import type { FieldRenderState } from './shared.js';

/** Multi-line text. No `maxlength` / `minlength`, as for one-line inputs (see `renderTextLike`). */
export function renderTextarea(state: FieldRenderState): TemplateResult {
  const { field, ids } = state;
  return html`<div part=${wrapperPart(state)} class="arf-field">
    ${labelFor(state)}${helpText(state)}
    <textarea
      part="input"
      class="arf-input"
      id=${ids.input}
      name=${field.id}
      rows="4"
      .value=${live(textValue(state.value))}
      ?required=${field.required}
      autocomplete=${field.autocomplete ?? nothing}
      aria-describedby=${describedBy(state)}
      aria-invalid=${ariaInvalid(state)}
    ></textarea>
    ${errorText(state)}
  </div>`;
}
