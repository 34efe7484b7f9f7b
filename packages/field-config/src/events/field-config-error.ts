/** Detail of {@link FieldConfigErrorEvent}. */
export interface FieldConfigErrorDetail {
  /**
   * Why: a `ConfigError` (with `issues`) for an invalid config, loaded or refused on save (422);
   * a `ConflictError` (412); a `ConfigLoadError` or `ConfigSaveError` for HTTP and network failures.
   */
  readonly error: unknown;
}

/** Fired when loading or saving the config failed; the draft is kept. */
export class FieldConfigErrorEvent extends Event {
  static readonly eventName = 'field-config-error';
  readonly detail: FieldConfigErrorDetail;

  constructor(detail: FieldConfigErrorDetail) {
    super(FieldConfigErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'field-config-error': FieldConfigErrorEvent;
  }
}
