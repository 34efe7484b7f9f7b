/** A text in one language, or a map of locale → text. Always rendered as text, never HTML. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** Locales with built-in texts (`BUILT_IN_LOCALES`). Any BCP 47 tag is accepted; unknown ones fall back to `en`. */
export type BuiltInLocale = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl' | 'pt';

/** Control kinds of catalog fields. */
export type CatalogFieldType =
  | 'text'
  | 'select'
  | 'radio'
  | 'email'
  | 'tel'
  | 'url'
  | 'country'
  | 'textarea'
  | 'password'
  | 'checkbox';

/** Control kinds a custom field may use. */
export type CustomFieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'url'
  | 'number'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'file';

export type FieldType = CatalogFieldType | CustomFieldType;

/** Fixed formats for custom fields: configs carry no free-form regular expression. */
export type CustomFieldFormat = 'digits' | 'letters' | 'postal-code' | 'phone' | 'email' | 'url';

/** Built-in checks of catalog fields. */
export type CatalogFormat = 'siret' | 'vat' | 'postal-code' | 'phone' | 'email' | 'url' | 'password' | 'country';

export type InputMode = 'text' | 'numeric' | 'tel' | 'email' | 'url' | 'decimal';

export interface OptionDefinition {
  readonly value: string;
  readonly label: LocalizedText;
}

/** One row of {@link FIELD_CATALOG}. */
export interface FieldDefinition {
  readonly id: CatalogFieldId;
  readonly type: CatalogFieldType;
  readonly label: Readonly<Record<'fr' | 'en', string>>;
  readonly help?: Readonly<Record<'fr' | 'en', string>>;
  readonly autocomplete?: string;
  readonly inputmode?: InputMode;
  readonly format?: CatalogFormat;
  readonly options?: readonly OptionDefinition[];
  readonly minLength?: number;
  readonly maxLength: number;
  /** Always displayed and required; the editor shows it greyed. */
  readonly locked: boolean;
  readonly defaultDisplayed: boolean;
  readonly defaultRequired: boolean;
}

export type CatalogFieldId =
  | 'companyName'
  | 'legalForm'
  | 'siret'
  | 'vatNumber'
  | 'civility'
  | 'firstName'
  | 'lastName'
  | 'position'
  | 'department'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'fax'
  | 'website'
  | 'street'
  | 'addressComplement'
  | 'poBox'
  | 'postalCode'
  | 'city'
  | 'country'
  | 'remarks'
  | 'password'
  | 'newsletter'
  | 'partnerOffers'
  | 'customerType';

/** Who applies, the values of the `customerType` field. */
export type CustomerType = 'company' | 'individual';

/** The kinds of document a `file` field may accept, checked from the file's content. */
export type FileKind = 'pdf' | 'jpeg' | 'png';

/**
 * When a field is shown, declaratively (no expression): a value test on another field, or all /
 * any of several. `in` / `notIn` compare the other field's value (select, radio or country) with
 * the listed values; `filled` asks whether it has a value (a ticked box, a file chosen). A field
 * hidden by its condition is neither required, validated nor stored.
 */
export type Condition =
  | { readonly field: string; readonly in: readonly string[] }
  | { readonly field: string; readonly notIn: readonly string[] }
  | { readonly field: string; readonly filled: boolean }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

/** A step break: a new step of the form starts at field `before`, under `title`. */
export interface StepBreak {
  readonly before: string;
  readonly title: LocalizedText;
}

/** Where a field sits and whether it is shown and required. */
export interface FieldEntry {
  readonly id: string;
  readonly displayed: boolean;
  /** Required whenever the field is shown. */
  readonly required: boolean;
  /** Shown only when this holds (see {@link Condition}); absent: whenever displayed. */
  readonly visibleWhen?: Condition;
}

/** An admin-defined field. */
export interface CustomField {
  readonly id: string;
  readonly type: CustomFieldType;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly options?: readonly OptionDefinition[];
  readonly format?: CustomFieldFormat;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** `file` fields: the kinds accepted (default all three). */
  readonly accept?: readonly FileKind[];
  /** `file` fields: the largest file in bytes (default 5 MiB, at most 10 MiB). */
  readonly maxBytes?: number;
  /** `file` fields: how many files (1 to 5, default 1). */
  readonly maxFiles?: number;
}

export type UnvalidatedAccounts = 'none' | 'block-purchase' | 'block-login';
export type AccountState = 'active' | 'inactive';
export type Access = 'full' | 'browse-only' | 'none';

export interface ConfirmationSettings {
  /** A same-site path (`/thank-you`) or an https URL. Wins over `message`. */
  readonly redirectUrl?: string;
  readonly message?: LocalizedText;
}

export interface Settings {
  readonly unvalidatedAccounts: UnvalidatedAccounts;
  readonly alertEmail?: string;
  readonly quickRegistration: boolean;
  readonly defaultAccountState: AccountState;
  readonly confirmation: ConfirmationSettings;
  /**
   * The bot check: the form solves a proof-of-work challenge of the server (ALTCHA, self-hosted,
   * no cookie) and the server refuses a submission without a valid, unused solution. Absent or
   * `false`: off. Needs a server that offers it (the handler's `botCheck` option).
   */
  readonly botCheck?: boolean;
  /**
   * Every new request is accepted on arrival, with the same e-mails and history as an admin's
   * acceptance (the actor `auto`). Absent or `false`: off.
   */
  readonly autoAccept?: boolean;
  /**
   * Days after their last change at which the server erases the personal data of rejected
   * requests, requests whose applicant never answered a request for information, and accepted
   * requests never activated (see `applyRetention`). Absent: off.
   */
  readonly retentionDays?: number;
}

/** A normalized config: every invariant of CONTRACT.md holds. */
export interface FormConfig {
  readonly version: number;
  readonly enabled: boolean;
  readonly fields: readonly FieldEntry[];
  readonly customFields: readonly CustomField[];
  readonly settings: Settings;
  /** Step breaks in display order; absent: a one-page form. */
  readonly steps?: readonly StepBreak[];
}

/** What a form renders for one field, labels resolved for one locale. */
export interface ResolvedField {
  readonly id: string;
  readonly type: FieldType;
  readonly label: string;
  readonly help?: string;
  readonly required: boolean;
  readonly locked: boolean;
  readonly custom: boolean;
  readonly autocomplete?: string;
  readonly inputmode?: InputMode;
  readonly minLength?: number;
  readonly maxLength: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** `file` fields: the kinds, the largest file in bytes and the number of files accepted. */
  readonly accept?: readonly FileKind[];
  readonly maxBytes?: number;
  readonly maxFiles?: number;
  /** The MIME types of `accept`, for an `<input type="file" accept>`. */
  readonly acceptTypes?: string;
}

export type FieldErrorCode =
  | 'required'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'invalid_format'
  | 'invalid_checksum'
  | 'invalid_option'
  | 'invalid_characters'
  | 'too_common'
  | 'not_confirmed'
  | 'out_of_range'
  | 'file_too_large'
  | 'too_many_files'
  | 'invalid_file_type';

/** One validation problem, on the wire and in the SDK. `field` is a field id, or `confirmed`. */
export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly message: string;
}

/** The JSON body posted to the handler. */
export interface SubmissionBody {
  readonly values: Readonly<Record<string, unknown>>;
  readonly confirmed: boolean;
  readonly locale?: string;
}

/**
 * What validation reads of a chosen file: a browser `File` fits as it is. The server passes the
 * type it detected from the content, never the one the client declared.
 */
export interface FileDescription {
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  /** MIME type: `application/pdf`, `image/jpeg`, `image/png` are the accepted kinds. */
  readonly type: string;
}

/** Submitted values after validation: strings trimmed and NFC-normalized, checkboxes booleans. */
export type SubmissionValues = Readonly<Record<string, string | boolean | number>>;

/** The 201 response of a submission. */
export interface SubmissionResult {
  readonly id: string;
  readonly status: 'pending';
  readonly access: Access;
}
