import type { SubmissionResult } from '@account-request/sdk';

/** Detail of {@link AccountRequestSuccessEvent}. */
export interface AccountRequestSuccessDetail {
  /** The server's 201 body: `{ id, status, access }`. */
  readonly response: SubmissionResult;
}

/** Fired when the server accepted the request (before any redirect). */
export class AccountRequestSuccessEvent extends Event {
  static readonly eventName = 'account-request-success';
  readonly detail: AccountRequestSuccessDetail;

  constructor(detail: AccountRequestSuccessDetail) {
    super(AccountRequestSuccessEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'account-request-success': AccountRequestSuccessEvent;
  }
}
