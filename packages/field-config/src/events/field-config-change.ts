import type { FormConfig } from '@account-request/sdk';

/** Fired after every edit of the draft config (including undo, redo and revert). */
export class FieldConfigChangeEvent extends Event {
  static readonly eventName = 'field-config-change';
  readonly detail: { readonly config: FormConfig };

  constructor(config: FormConfig) {
    super(FieldConfigChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = { config };
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-change': FieldConfigChangeEvent;
  }
}
