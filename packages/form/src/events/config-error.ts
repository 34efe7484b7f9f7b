/** Detail of {@link AccountRequestConfigErrorEvent}. */
export interface AccountRequestConfigErrorDetail {
  /** A `ConfigError` (with `issues`) for an invalid config, a `ConfigLoadError` when it could not be fetched, a `SyntaxError` for broken inline JSON. */
  readonly error: Error;
}

/** Fired when the config cannot be loaded or parsed; the element then shows a short localized message instead of the form. */
export class AccountRequestConfigErrorEvent extends Event {
  static readonly eventName = 'account-request-config-error';
  readonly detail: AccountRequestConfigErrorDetail;

  constructor(detail: AccountRequestConfigErrorDetail) {
    super(AccountRequestConfigErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'account-request-config-error': AccountRequestConfigErrorEvent;
  }
}
