import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ResolvedField } from '@account-request/sdk';
import type { FormStrings } from '../i18n.js';

/** A field's current value in the element: text for most controls, a boolean for checkboxes, the chosen files of a file field. */
export type FieldValue = string | boolean | readonly File[];

/** Element ids of one field, unique per form instance. */
export interface FieldIds {
  readonly input: string;
  readonly help: string;
  readonly error: string;
}

/** Everything a renderer needs: renderers are pure functions of this. */
export interface FieldRenderState {
  readonly field: ResolvedField;
  readonly ids: FieldIds;
  readonly value: FieldValue | undefined;
  /** The message currently shown, if any: showing it is the element's decision. */
  readonly error: string | undefined;
  readonly strings: FormStrings;
  /** Extra part names for the field wrapper (the confirmation box adds `confirm`). */
  readonly wrapperPart?: string;
  /** Shown and sent, never edited: the host fixed its value (`readonly-fields`). */
  readonly readOnly?: boolean;
  /** Ids of further descriptions (a lookup's offer or warning), read after the help and the error. */
  readonly describedBy?: readonly string[] | undefined;
  /** Makes a one-line input the combobox of a list of suggestions (the address lookup). */
  readonly combobox?: ComboboxState | undefined;
}

/** An input as the combobox of a listbox of suggestions (ARIA 1.2 pattern, `aria-autocomplete="list"`). */
export interface ComboboxState {
  readonly expanded: boolean;
  /** Id of the listbox it controls (always in the DOM, hidden while collapsed). */
  readonly listbox: string;
  /** Id of the option the arrow keys are on; none until the person moves there. */
  readonly active: string | undefined;
}

/** Ids of field `id` in the form whose id prefix is `prefix`. */
export function fieldIds(prefix: string, id: string): FieldIds {
  const input = `${prefix}-${id}`;
  return { input, help: `${input}-help`, error: `${input}-error` };
}

/** Help first, then the error, as screen readers read them in that order. */
export function describedBy(state: FieldRenderState): string | typeof nothing {
  const ids: string[] = [];
  if (state.field.help) ids.push(state.ids.help);
  if (state.error !== undefined) ids.push(state.ids.error);
  if (state.describedBy) ids.push(...state.describedBy);
  return ids.length > 0 ? ids.join(' ') : nothing;
}

/** `aria-invalid` only while an error is shown. */
export function ariaInvalid(state: FieldRenderState): 'true' | typeof nothing {
  return state.error === undefined ? nothing : 'true';
}

/** The visible `*` is decorative; its meaning is spoken from hidden text and written in the form's legend line. */
export function requiredMarker(state: FieldRenderState): TemplateResult | typeof nothing {
  if (!state.field.required) return nothing;
  return html`<span part="marker" class="arf-marker" aria-hidden="true">${state.strings.marker}</span><span class="arf-vh"> ${state.strings.requiredMarker}</span>`;
}

/**
 * A field's `<label>`, the required marker written into it rather than nested (one template
 * instance per label instead of two: most fields of a form render through here).
 */
export function labelFor(state: FieldRenderState): TemplateResult {
  const { field, ids, strings } = state;
  return field.required
    ? html`<label part="label" class="arf-label" for=${ids.input}>${field.label} <span part="marker" class="arf-marker" aria-hidden="true">${strings.marker}</span><span class="arf-vh"> ${strings.requiredMarker}</span></label>`
    : html`<label part="label" class="arf-label" for=${ids.input}>${field.label} </label>`;
}

export function helpText(state: FieldRenderState): TemplateResult | typeof nothing {
  return state.field.help ? html`<div part="help" class="arf-help" id=${state.ids.help}>${state.field.help}</div>` : nothing;
}

export function errorText(state: FieldRenderState): TemplateResult | typeof nothing {
  if (state.error === undefined) return nothing;
  return html`<div part="error" class="arf-error" id=${state.ids.error}><span class="arf-vh">${state.strings.errorPrefix} </span>${state.error}</div>`;
}

export function wrapperPart(state: FieldRenderState): string {
  return state.wrapperPart ? `field ${state.wrapperPart}` : 'field';
}

export function textValue(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
