import { html } from 'lit';
import { format, localize } from '@account-request/sdk';
import type { LocalizedText } from '@account-request/sdk';
import type { EditorStore } from '../context.js';
import { grip } from './grip.js';

/**
 * A step break's row, just above the field its step starts at: a handle that moves it like a
 * field's (pointer or arrow keys), "Step 2: Contact", and its edit and remove buttons.
 */
export function stepRow(store: EditorStore, before: string, title: LocalizedText, n: number) {
  const { t, locale } = store;
  const words = localize(title, locale);
  return html`<tr data-step=${before} part="row step">
    <td>
      <button type="button" part="handle" aria-label=${format(t.moveStep, { title: words })} aria-describedby="hint steps-hint">${grip}</button>
    </td>
    <th scope="row" part="label" class="step-title">${format(t.stepRow, { n, title: words })}</th>
    <td colspan="3" class="step-actions">
      <button type="button" data-action="edit-step" aria-label=${format(t.editStep, { title: words })}>${t.edit}</button>
      <button type="button" data-action="remove-step" aria-label=${format(t.removeStep, { title: words })}>${t.remove}</button>
    </td>
  </tr>`;
}
