import type { CatalogFieldId, FieldErrorCode } from '../../../types.js';

/** What the catalog says of one field in a language: its label, help, and option labels by value. */
interface FieldWords {
  readonly label: string;
  readonly help?: string;
  readonly options?: Readonly<Record<string, string>>;
}

/**
 * English core texts, the reference every other language's table is checked against:
 * validation messages, the catalog's labels, help and option labels, and the words every
 * surface shares. `{min}`, `{max}`, `{country}` are placeholders.
 */
export const core = {
  /** The `Intl` locale of dates and numbers when a tag names only the language. */
  intl: 'en-GB',
  /** Label of the submit button. */
  submit: 'Send request',
  /** Label of the confirmation checkbox every form ends with. */
  confirm: 'I confirm the information above is accurate',
  /** Visible marker after a required field's label. */
  requiredMarker: '*',
  /** What the marker means, for assistive technologies and the form's legend. */
  requiredText: 'required',
  /** Hidden prefix of every error message, so a screen reader says it is one. */
  errorPrefix: 'Error:',
  /** Shown after a successful request when the config has no confirmation message. */
  sent: 'Thank you: your request has been sent. We will get back to you shortly.',
  /** Generic message of each error code. */
  errors: {
    required: 'This field is required.',
    invalid_type: 'This value is not valid.',
    too_short: 'Enter at least {min} characters.',
    too_long: 'Enter at most {max} characters.',
    invalid_format: 'The format is not valid.',
    invalid_checksum: 'This number is not valid: check for typing errors.',
    invalid_option: 'Choose one of the options offered.',
    invalid_characters: 'This text contains characters that are not allowed.',
    too_common: 'This password is too common: choose another one.',
    not_confirmed: 'Tick the box to confirm the information is accurate.',
    out_of_range: 'This value is out of range.',
    file_too_large: 'This file is larger than {max}.',
    too_many_files: 'Too many files: at most {max}.',
    invalid_file_type: 'This type of file is not accepted: choose a file in {types} format.',
  } satisfies Record<FieldErrorCode, string>,
  /** Wording for one check, keyed `<check>.<code>`; the check is a format or a field type. */
  specific: {
    'siret.invalid_format': 'A SIRET number has 14 digits.',
    'siret.invalid_checksum': 'This SIRET number does not exist: check the digits.',
    'vat.invalid_format': 'Enter an EU VAT number starting with its country code, such as FR40303265045.',
    'vat.invalid_checksum': 'The key of this VAT number is wrong: check the digits.',
    'postal-code.invalid_format': 'This is not a valid postal code for {country}.',
    'email.invalid_format': 'Enter an e-mail address such as name@company.com.',
    'phone.invalid_format': 'Enter a phone number of 6 to 20 digits, such as +44 20 7946 0000.',
    'url.invalid_format': 'Enter a web address starting with https://.',
    'country.invalid_format': 'Choose a country from the list.',
    'password.too_short': 'The password needs at least {min} characters.',
    'password.too_long': 'The password may have at most {max} characters.',
    'digits.invalid_format': 'Enter digits only.',
    'letters.invalid_format': 'Use only letters, spaces, hyphens and apostrophes.',
    'date.invalid_format': 'Enter a valid date (YYYY-MM-DD).',
    /** A date the browser could not read into a value (typed in part, or a day that does not exist). */
    'unreadable.invalid_format': 'This date is incomplete or does not exist: complete it or clear it.',
    'number.invalid_format': 'Enter a number.',
    'checkbox.required': 'Tick this box to continue.',
    'select.required': 'Choose an option.',
    'radio.required': 'Choose an option.',
    'file.required': 'Choose a file.',
  },
  /** The catalog's fields: label, help and the labels of options whose value is not a word of every language. */
  fields: {
    companyName: { label: 'Company name' },
    legalForm: { label: 'Legal form', options: { association: 'Non-profit association', other: 'Other' } },
    siret: { label: 'SIRET number', help: '14 digits, French companies only' },
    vatNumber: { label: 'EU VAT number', help: 'For example FR40303265045' },
    civility: { label: 'Title', options: { 'M.': 'Mr', Mme: 'Ms' } },
    firstName: { label: 'First name' },
    lastName: { label: 'Last name' },
    position: { label: 'Job title' },
    department: { label: 'Department' },
    email: { label: 'E-mail address' },
    phone: { label: 'Phone' },
    mobile: { label: 'Mobile phone' },
    fax: { label: 'Fax' },
    website: { label: 'Website' },
    street: { label: 'Street address' },
    addressComplement: { label: 'Address line 2' },
    poBox: { label: 'PO box' },
    postalCode: { label: 'Postal code' },
    city: { label: 'City' },
    country: { label: 'Country' },
    remarks: { label: 'Remarks' },
    password: { label: 'Password', help: 'At least 12 characters' },
    newsletter: { label: 'Send me the newsletter' },
    partnerOffers: { label: 'Send me offers from partners' },
    customerType: { label: 'Customer type', options: { company: 'Company', individual: 'Individual' } },
  } satisfies Record<CatalogFieldId, FieldWords>,
};
