/**
 * English words of `<account-request-form>` itself (labels, help and validation messages come
 * from `core`). `{count}` and `{wait}` (a worded duration) are filled in by the element.
 */
export const form = {
  loading: 'Loading the form…',
  configError: 'This form cannot be displayed right now. Please try again later.',
  requiredLegend: 'Fields marked * are required.',
  choose: 'Choose…',
  sending: 'Sending…',
  retry: 'Try again',
  offline: 'The request could not be sent: you seem to be offline or the server cannot be reached.',
  timeout: 'The server is taking too long to answer.',
  serverError: 'The server ran into a problem.',
  tooManyRequests: 'Too many requests have been sent.',
  rejected: 'The server refused the request.',
  /** A 2xx whose body could not be read: the request exists, a retry replays its first result. */
  lost: "The server's answer was lost on the way: trying again will not send your request twice.",
  /** Said after every failure that keeps the values. */
  kept: 'Your entries are kept.',
  /** Said when a retry is possible (also when a wait has passed). */
  canRetry: 'You can try again.',
  honeypot: 'Leave this field empty',
  summary: { one: '{count} field needs attention.', other: '{count} fields need attention.' },
  retryIn: 'You can try again in {wait}.',
  /** Before an automatic retry after a wait… */
  retrying: 'Trying again in {wait}…',
  /** …and before an immediate one. */
  retryingNow: 'Trying again…',
};
