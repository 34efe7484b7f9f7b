import type { ConfigIssueCode } from '../config/errors.js';
import type { FieldErrorCode } from '../types.js';

/** Built-in UI and error strings of one locale. `{min}`, `{max}`, `{country}` are placeholders. */
export interface Messages {
  /** Label of the submit button. */
  readonly submit: string;
  /** Label of the confirmation checkbox every form ends with. */
  readonly confirm: string;
  /** Visible marker after a required field's label. */
  readonly requiredMarker: string;
  /** What the marker means, for assistive technologies and the form's legend. */
  readonly requiredText: string;
  /** Hidden prefix of every error message, so a screen reader says it is one. */
  readonly errorPrefix: string;
  /** Shown after a successful request when the config has no confirmation message. */
  readonly sent: string;
  /** Generic message of each error code. */
  readonly errors: Readonly<Record<FieldErrorCode, string>>;
  /** Wording for one check, keyed `<check>.<code>`; the check is a format or a field type. */
  readonly specific: Readonly<Record<string, string>>;
}

/** English strings. */
export const en: Messages = {
  submit: 'Send request',
  confirm: 'I confirm the information above is accurate',
  requiredMarker: '*',
  requiredText: 'required',
  errorPrefix: 'Error:',
  sent: 'Thank you: your request has been sent. We will get back to you shortly.',
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
  },
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
    'number.invalid_format': 'Enter a number.',
    'checkbox.required': 'Tick this box to continue.',
    'select.required': 'Choose an option.',
    'radio.required': 'Choose an option.',
  },
};

/** How a config issue is worded for an admin, per code; `{max}`, `{id}`… are its params. */
export type ConfigIssueMessages = Readonly<Record<ConfigIssueCode, string>>;

/** English wording of config issues (a separate table: only the editor needs it). */
export const enConfigIssues: ConfigIssueMessages = {
  invalid: 'This value is not valid.',
  unreadable: 'The configuration could not be read.',
  required: 'This value is required.',
  invalid_type: 'This value has the wrong type.',
  too_long: 'Enter at most {max} characters.',
  too_small: 'Enter a number of at least {min}.',
  too_big: 'Enter a number of at most {max}.',
  too_many: 'At most {max} entries are allowed.',
  too_many_locales: 'At most {max} languages are allowed.',
  invalid_value: 'Choose one of the values offered.',
  invalid_locale: 'Use a language tag such as fr or en-GB.',
  invalid_id: 'A lower-case letter, then letters, digits or _ (64 at most).',
  reserved_id: 'This identifier is reserved: choose another one.',
  catalog_id: 'A catalog field has this identifier: choose another one.',
  duplicate_id: 'Another field has this identifier.',
  missing_label: 'Enter a label in French or in English.',
  missing_options: 'Add at least one option.',
  missing_option_value: 'Each option needs a value and a label.',
  missing_option_label: 'Each option needs a value and a label.',
  duplicate_option: 'Two options have the same value: give each a different one.',
  options_not_allowed: 'Only drop-down lists and radio buttons have options.',
  not_applicable: 'This setting does not apply to this type of field.',
  min_exceeds_max: 'The minimum length must not exceed the maximum length.',
  unknown_custom_field: 'This custom field no longer exists.',
  not_custom: 'A catalog field cannot be removed or changed: hide it instead.',
  unknown_field: 'The field {id} does not exist.',
  duplicate_field: 'The field {id} is listed twice.',
  invalid_email: 'Enter a valid e-mail address, such as sales@example.com.',
  unsafe_redirect: 'Enter a path starting with a single / or an https address.',
};
