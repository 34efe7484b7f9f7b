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
  /** What a refusal the handler named means (SubmissionRefusal); other refusals show the server's own text. */
  refusals: {
    closed: 'Account requests are closed for now.',
    crossSite: 'This form cannot be sent from this site.',
    tooLarge: 'What you are sending is too large.',
    keyReused: 'This request was already sent with other details: reload the page to send a new one.',
    linkGone: 'This link can no longer be used: ask for a new one.',
  },
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
  /** Said once when an answer makes fields appear; `{fields}` lists their labels. */
  fieldsShown: { one: 'New field to fill in: {fields}.', other: 'New fields to fill in: {fields}.' },
  /** …or disappear (what was typed in them is kept, should they come back). */
  fieldsHidden: { one: 'Field no longer asked: {fields}.', other: 'Fields no longer asked: {fields}.' },
  /** Progress of a form in steps. */
  stepOf: 'Step {n} of {total}',
  next: 'Next',
  back: 'Back',
  /** Heading of the answers listed on the last step. */
  review: 'Check your answers',
  change: 'Change',
  /** The name of a "Change" button of the summary: it holds the visible word. */
  changeField: 'Change {field}',
  /** An optional question left blank, in the summary. */
  notAnswered: 'Not answered',
  yes: 'Yes',
  no: 'No',
  /** A password in the summary: never shown. */
  passwordGiven: 'Entered (not shown)',
  /** Under a file field: what it takes (`{count}`: how many files at most). */
  fileHint: { one: '{types}, up to {size}.', other: '{types}, up to {size} each, {count} files at most.' },
  /** The name of the list of files chosen for a field. */
  filesChosen: 'Files chosen for {field}',
  remove: 'Remove',
  /** The name of a file's remove button: it holds the visible word. */
  removeFile: 'Remove {name}',
  fileAdded: { one: 'File added: {names}.', other: 'Files added: {names}.' },
  fileRemoved: 'File removed: {name}.',
  /** After a reload: a draft keeps what was typed, never files. */
  chooseAgain: {
    one: 'The file you chose could not be kept when the page was reloaded: choose {names} again.',
    other: 'The files you chose could not be kept when the page was reloaded: choose {names} again.',
  },
};
