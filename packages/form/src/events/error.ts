import type { SubmissionErrorKind } from '@account-request/sdk';

/** What went wrong with a submission (the SDK's type): the values (422), the network (offline, timeout) or the server (5xx, 429, other refusals). */
export type { SubmissionErrorKind };

/** Detail of {@link AccountRequestErrorEvent}. */
export interface AccountRequestErrorDetail {
  /** The SDK's `SubmissionError` (or the unexpected error). */
  readonly error: Error;
  readonly kind: SubmissionErrorKind;
}

/** Fired when a submission fails. The typed values are kept; network and server failures offer a retry. */
export class AccountRequestErrorEvent extends Event {
  static readonly eventName = 'account-request-error';
  readonly detail: AccountRequestErrorDetail;

  constructor(detail: AccountRequestErrorDetail) {
    super(AccountRequestErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'account-request-error': AccountRequestErrorEvent;
  }
}
