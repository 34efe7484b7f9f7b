import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, describedBy, errorText, helpText, requiredMarker, textValue } from './shared.js';
import type { FieldRenderState } from './shared.js';

/** A radio group in a `<fieldset>` whose `<legend>` is the field label. */
export function renderRadio(state: FieldRenderState): TemplateResult {
  const { field, ids } = state;
  const value = textValue(state.value);
  return html`<fieldset part="field group" class="arf-field arf-group" id=${ids.input} aria-describedby=${describedBy(state)}>
    <legend part="label" class="arf-label">${field.label} ${requiredMarker(state)}</legend>
    ${helpText(state)}
    <div class="arf-options">
      ${(field.options ?? []).map(
        (option, index) => html`<div class="arf-option">
          <input
            part="input"
            class="arf-choice"
            type="radio"
            id=${`${ids.input}-${index}`}
            name=${field.id}
            value=${option.value}
            autocomplete=${field.autocomplete ?? nothing}
            .checked=${live(option.value === value)}
            ?required=${field.required}
            aria-invalid=${ariaInvalid(state)}
          />
          <label part="option-label" for=${`${ids.input}-${index}`}>${option.label}</label>
        </div>`,
      )}
    </div>
    ${errorText(state)}
  </fieldset>`;
}
