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
  /** A rejection: the reason (one of `rejectionReasons`, also the back office's choices) and the team's message. */
  rejectionSubject: 'Your business account request',
  rejectionBody: ['We have reviewed the business account request for {company}.', 'We are unable to open this account.'],
  rejectionReason: 'Reason: {reason}.',
  rejectionReasons: {
    incomplete: 'Incomplete or unverifiable information',
    'not-professional': 'Account reserved for business customers',
    'outside-area': 'Outside the area we serve',
    duplicate: 'An account or a request already exists for this company',
    other: 'Other reason',
  },
  teamMessage: 'Message from our team:',
  rejectionContact: 'For any question, please contact us.',
  /** A request for information: the team's message, then the single-use link. */
  informationSubject: 'Your business account request: information needed',
  informationBody: 'To continue reviewing the business account request for {company}, our team needs more information.',
  informationLink: 'Open this link to see your request, correct it and send it again:',
  informationButton: 'Complete my request',
  /** To the sales team, once the applicant answered. */
  correctionSubject: 'Request corrected by the applicant: {company}',
  correctionIntro: 'The applicant answered the request for information; the request is back in progress.',
  correctionChanged: 'Changed: {fields}.',
  correctionUnchanged: 'No value was changed.',
  /** An invitation to apply; `{site}` may be empty. */
  invitationSubject: 'Your invitation to open a {site} business account',
  invitationBody: 'You are invited to open a business account.',
  invitationCompany: 'This invitation is for {company}.',
  invitationLink: 'Open this link to fill in your request; your e-mail address is already filled in:',
  invitationButton: 'Fill in my request',
  invitationIgnore: 'If you did not expect this invitation, ignore this message.',
};
