// Data only (no SDK import), so that suites running the built package (test/hostile) can share
// it without loading the sources as well; shipped, as the crash check of the conformance suite uses it.

/** Values of a submission that the default config accepts. */
export const VALID_VALUES: Readonly<Record<string, string>> = Object.freeze({
  companyName: 'Acme SAS',
  email: 'jane.martin@example.com',
  lastName: 'Martin',
  phone: '+33 1 23 45 67 89',
  street: '1 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
});
