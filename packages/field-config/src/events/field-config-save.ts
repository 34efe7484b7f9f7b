import type { FormConfig } from '@account-request/sdk';

/** Detail of {@link FieldConfigSaveEvent}. */
export interface FieldConfigSaveDetail {
  /** The config as stored: the server's normalized copy, or the draft when there is no `config-src`. */
  readonly config: FormConfig;
}

/** Fired when a save succeeded. */
export class FieldConfigSaveEvent extends Event {
  static readonly eventName = 'field-config-save';
  readonly detail: FieldConfigSaveDetail;

  constructor(detail: FieldConfigSaveDetail) {
    super(FieldConfigSaveEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-save': FieldConfigSaveEvent;
  }
}
