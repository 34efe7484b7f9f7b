import type { FormConfig } from '@account-request/sdk';

/** Fired when a save succeeded; `config` is the config the server stored (normalized). */
export class FieldConfigSaveEvent extends Event {
  static readonly eventName = 'field-config-save';
  readonly detail: { readonly config: FormConfig };

  constructor(config: FormConfig) {
    super(FieldConfigSaveEvent.eventName, { bubbles: true, composed: true });
    this.detail = { config };
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-save': FieldConfigSaveEvent;
  }
}
