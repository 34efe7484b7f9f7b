import type { TemplateResult } from 'lit';
import { renderCheckbox } from './checkbox.js';
import { renderCountry } from './country.js';
import { renderRadio } from './radio.js';
import { renderSelect } from './select.js';
import { renderTextarea } from './textarea.js';
import { renderTextLike } from './text-like.js';
import type { FieldRenderState } from './shared.js';

export type { FieldIds, FieldRenderState, FieldValue } from './shared.js';
export { fieldIds } from './shared.js';

/** The control for `state.field`, chosen by its type. */
export function renderField(state: FieldRenderState, locale: string): TemplateResult {
  switch (state.field.type) {
    case 'textarea':
      return renderTextarea(state);
    case 'select':
      return renderSelect(state);
    case 'radio':
      return renderRadio(state);
    case 'checkbox':
      return renderCheckbox(state);
    case 'country':
      return renderCountry(state, locale);
    default:
      return renderTextLike(state);
  }
}
