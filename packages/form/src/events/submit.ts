import type { SubmissionValues } from '@account-request/sdk';

/** Detail of {@link AccountRequestSubmitEvent}. */
export interface AccountRequestSubmitDetail {
  /** The validated values about to be posted (trimmed, normalized, hidden fields dropped). */
  readonly values: SubmissionValues;
}

/**
 * Fired once the values pass validation, just before they are posted. Cancelable:
 * `preventDefault()` stops the request (for example to post them yourself).
 */
export class AccountRequestSubmitEvent extends Event {
  static readonly eventName = 'account-request-submit';
  readonly detail: AccountRequestSubmitDetail;

  constructor(detail: AccountRequestSubmitDetail) {
    super(AccountRequestSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'account-request-submit': AccountRequestSubmitEvent;
  }
}
