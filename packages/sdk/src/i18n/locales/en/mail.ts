/**
 * English wording of the e-mails. `{site}`, `{company}` and `{date}` are filled in by the
 * templates; the alert's other row labels are the catalog's field labels (`core.fields`).
 */
export const mail = {
  greeting: 'Hello,',
  /** Only when the handler knows the site's name. */
  signature: 'The {site} team',
  confirmationSubject: 'We have received your business account request',
  confirmationBody: ['Thank you: the business account request for {company} has reached us.', 'Our sales team is reviewing it and will write to you once it is processed.'],
  alertSubject: 'New business account request: {company}',
  alertIntro: 'A new account request is waiting to be processed.',
  alertOpen: 'Open the request',
  /** Words about a received request, shared with the back-office pages. */
  labels: {
    contact: 'Contact',
    received: 'Received',
  },
  /** `{site}` may be empty: the subject must read well without it. */
  activationSubject: 'Activate your {site} business account',
  activationBody: ['Good news: the business account of {company} is open.', 'To sign in, choose your password with this link:'],
  activationButton: 'Choose my password',
  activationExpiry: 'This link works once, until {date}.',
  activationIgnore: 'If you did not ask for this account, ignore this message.',
};
