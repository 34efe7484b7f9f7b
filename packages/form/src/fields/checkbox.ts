import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, describedBy, errorText, helpText, requiredMarker, wrapperPart } from './shared.js';
import type { FieldRenderState } from './shared.js';

/** A single checkbox, label after the box. Checked only by the person (or their own restored draft). */
export function renderCheckbox(state: FieldRenderState): TemplateResult {
  const { field, ids } = state;
  return html`<div part=${wrapperPart(state)} class="arf-field arf-check">
    <div class="arf-option">
      <input
        part="input"
        class="arf-choice"
        type="checkbox"
        id=${ids.input}
        name=${field.id}
        .checked=${live(state.value === true)}
        ?required=${field.required}
        aria-describedby=${describedBy(state)}
        aria-invalid=${ariaInvalid(state)}
      />
      <label part="label" class="arf-label" for=${ids.input}>${field.label} ${requiredMarker(state)}</label>
    </div>
    ${helpText(state)}${errorText(state)}
  </div>`;
}
