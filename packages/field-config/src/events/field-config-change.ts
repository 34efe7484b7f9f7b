import type { FormConfig } from '@account-request/sdk';

/** Detail of {@link FieldConfigChangeEvent}. */
export interface FieldConfigChangeDetail {
  /** The draft config after the edit (a new, normalized object). */
  readonly config: FormConfig;
}

/** Fired after every edit of the draft config (including undo, redo and revert). */
export class FieldConfigChangeEvent extends Event {
  static readonly eventName = 'field-config-change';
  readonly detail: FieldConfigChangeDetail;

  constructor(detail: FieldConfigChangeDetail) {
    super(FieldConfigChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-change': FieldConfigChangeEvent;
  }
}
