/**
 * English words of the checks the server runs on a stored request, for a back office: the VAT
 * number against VIES (`vatCheck`) and the SIRET against the business register (`siretCheck`).
 * Never shown to the applicant. `{date}` is a formatted date, `{name}` a registered name.
 */
export const checks = {
  /** Heading of the checks on a request's page. */
  title: 'Company checks',
  vatTitle: 'VAT number check (VIES)',
  /** One badge per `VatCheckState`. */
  vat: {
    pending: 'VAT check pending',
    valid: 'VAT number valid',
    invalid: 'VAT number invalid',
    unavailable: 'VIES unavailable',
    'not-applicable': 'No VAT number to check',
  },
  /** Label of the list filter on the VAT check. */
  vatFilter: 'VAT check',
  checkedAt: 'Checked on {date}',
  consultationNumber: 'VIES consultation number',
  registeredName: 'Name registered with VIES',
  registeredAddress: 'Address registered with VIES',
  /** Under an `unavailable` badge. */
  retrying: 'VIES did not answer for this country; the check is retried automatically.',
  /** Under an `unavailable` badge once the automatic retries are spent. */
  retriesOver: 'VIES did not answer for this country, and the automatic retries are over: use “Check again” to ask again.',
  /** Under an `unavailable` badge when VIES refuses the requester the server sends: not retried. */
  requesterRefused: 'VIES refuses the requester this server sends (its VIES_REQUESTER setting): no VAT number can be checked until the operator corrects it. The check is not retried; use “Check again” once it is corrected.',
  /** The VIES name and the company name entered differ (ignoring case and accents). */
  nameMismatch: 'The name registered with VIES, “{name}”, differs from the company name entered.',
  siretTitle: 'SIRET number check (business register)',
  /** One badge per `SiretCheckState`. */
  siret: {
    pending: 'Register check pending',
    open: 'Establishment open',
    closed: 'Establishment closed',
    'not-found': 'SIRET not in the register',
    unavailable: 'Register unavailable',
    'not-applicable': 'No SIRET number to check',
  },
  registerName: 'Name in the business register',
  closedWarning: 'The business register lists this establishment as closed.',
  checkAgain: 'Check again',
  checkedAgain: 'The checks were run again.',
};
