import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { CUSTOMER_TYPE_FIELD, format, isCatalogFieldId, isLocked } from '@account-request/sdk';
import { describeVisibility } from '@account-request/sdk/editing';
import type { FieldEntry } from '@account-request/sdk';
import type { EditorStore } from '../context.js';
import { grip } from './grip.js';

/**
 * One field's row: its handle, its name (with why it cannot change, and when it is shown in
 * words), the displayed and required boxes, and its "Show only when…" button. A locked field
 * and the customer type take no condition (the SDK's `locked_condition`), so they have none.
 */
export function fieldRow(store: EditorStore, label: (id: string) => string, entry: FieldEntry) {
  const { t, config, locale } = store;
  const { id, displayed, required } = entry;
  const name = label(id);
  const locked = isLocked(id);
  const customerType = id === CUSTOMER_TYPE_FIELD;
  const reason = locked || customerType ? `why-${id}` : undefined;
  // Displayed, the customer type is always required: its box says so and cannot be unticked.
  const fixedRequired = locked || (customerType && displayed);
  const condition = describeVisibility(config, id, locale);
  const conditionId = condition ? `cond-${id}` : undefined;
  return html`<tr data-field-id=${id} part=${locked ? 'row locked' : 'row'}>
    <td>
      <button type="button" part="handle" aria-label=${t.move(name)} aria-describedby="hint">${grip}</button>
    </td>
    <th scope="row" part="label">
      ${name}${isCatalogFieldId(id) ? nothing : [' ', html`<span part="badge">${t.custom}</span>`]}
      ${reason ? html`<span part="reason" id=${reason}>${locked ? t.locked : t.customerTypeNote}</span>` : nothing}
      ${conditionId ? html`<span part="condition" id=${conditionId}>${condition}</span>` : nothing}
    </th>
    <td>
      <input type="checkbox" id=${`d-${id}`} name="displayed" .checked=${live(displayed)} ?disabled=${locked} aria-describedby=${(locked && reason) || nothing} />
      <label class="vh" for=${`d-${id}`}>${t.displayedFor(name)}</label>
    </td>
    <td>
      <input type="checkbox" id=${`r-${id}`} name="required" .checked=${live(required)} ?disabled=${fixedRequired} aria-describedby=${(fixedRequired && reason) || nothing} />
      <label class="vh" for=${`r-${id}`}>${t.requiredFor(name)}</label>
    </td>
    <td class="condition">
      ${locked || customerType
        ? nothing
        : html`<button type="button" data-action="condition" aria-haspopup="dialog" aria-label=${format(t.showWhenFor, { label: name })} aria-describedby=${conditionId ?? nothing}>
            ${t.showWhen}
          </button>`}
    </td>
  </tr>`;
}
