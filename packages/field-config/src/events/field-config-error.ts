/** Fired when loading or saving the config failed; the draft is kept. */
export class FieldConfigErrorEvent extends Event {
  static readonly eventName = 'field-config-error';
  readonly detail: { readonly error: unknown };

  constructor(error: unknown) {
    super(FieldConfigErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = { error };
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-error': FieldConfigErrorEvent;
  }
}
