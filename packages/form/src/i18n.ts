import { addLocaleLoader, format, formatDuration, registerLocale, texts, type LocaleTables, type SubmissionFailureReason, type SubmissionRefusal } from '@account-request/sdk';
import { countries as enCountries } from '@account-request/sdk/locales/en/countries';
import { form as en } from '@account-request/sdk/locales/en/form';
import { countries as frCountries } from '@account-request/sdk/locales/fr/countries';
import { form as fr } from '@account-request/sdk/locales/fr/form';

// French and English are in the bundle; the other built-in languages are sibling chunks the
// registry fetches (from the bundle's own URL) the first time a page asks for one.
registerLocale('en', { form: en, countries: enCountries });
registerLocale('fr', { form: fr, countries: frCountries });
const chunks: Readonly<Record<string, () => Promise<LocaleTables>>> = {
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  it: () => import('./locales/it.js'),
  nl: () => import('./locales/nl.js'),
  pt: () => import('./locales/pt.js'),
};
addLocaleLoader((language) => (Object.hasOwn(chunks, language) ? chunks[language]?.() : undefined));

type Own = ReturnType<typeof texts<'form'>>;

/**
 * Every text the element shows itself, from the SDK's registry: its own words (`form`) and the
 * shared ones (`core`: submit, confirm, the required marker, the error prefix, the default thanks).
 */
export interface FormStrings extends Omit<Own, 'summary' | 'retryIn' | 'retrying' | 'retryingNow'> {
  /** The visible marker after a required label (`*`). */
  readonly marker: string;
  /** What the marker means, spoken after the label. */
  readonly requiredMarker: string;
  readonly errorPrefix: string;
  readonly confirm: string;
  readonly submit: string;
  readonly thanks: string;
  readonly summary: (count: number) => string;
  /** `wait`: a worded duration ("30 seconds"). */
  readonly retryIn: (wait: string) => string;
  /** Before an automatic retry; `wait` is empty when it is immediate. */
  readonly retrying: (wait: string) => string;
}

/** `seconds` in words ("1 second", "2 minutes"), through `Intl`; minutes from one minute up. */
export const duration = formatDuration;

const REFUSAL_KEYS = { closed: 'closed', 'cross-site': 'crossSite', 'too-large': 'tooLarge', 'key-reused': 'keyReused', 'link-gone': 'linkGone' } as const satisfies Record<SubmissionRefusal, string>;

/**
 * The status line for a failed submission: what happened, that the values are kept and what
 * comes next (`next`: the retry offer, the wait or the automatic retry). A refusal gets the
 * server's own explanation (`detail`) instead; a refused bot-check solution gets the bot check's
 * words as `detail`. Field errors (`validation`) show on their fields.
 */
export function failureText(strings: FormStrings, reason: Exclude<SubmissionFailureReason, 'validation'>, detail: string, next: string, refusal?: SubmissionRefusal): string {
  if (reason === 'rejected' || reason === 'key-reused') {
    // A refusal the SDK recognised is worded in the person's language; only an unknown one keeps the server's text.
    const said = refusal ? strings.refusals[REFUSAL_KEYS[refusal]] : detail;
    return said ? `${strings.rejected} ${said}` : strings.rejected;
  }
  // `detail` is then the bot check's own words (its namespace comes with the widget's chunk).
  if (reason === 'bot-check') return `${detail} ${strings.kept} ${next}`;
  const what = { offline: strings.offline, timeout: strings.timeout, server: strings.serverError, 'rate-limited': strings.tooManyRequests, lost: strings.lost }[reason];
  return `${what} ${strings.kept} ${next}`;
}

const cache = new WeakMap<Own, FormStrings>();

/** Every text the element shows itself, in `locale` (any tag: the registry's fallback applies). */
export function formStrings(locale: string): FormStrings {
  const own = texts('form', locale);
  let strings = cache.get(own);
  if (!strings) {
    const core = texts('core', locale);
    strings = {
      ...own,
      marker: core.requiredMarker,
      requiredMarker: `(${core.requiredText})`,
      errorPrefix: core.errorPrefix,
      confirm: core.confirm,
      submit: core.submit,
      thanks: core.sent,
      summary: (count) => format(own.summary, { count }, locale),
      retryIn: (wait) => format(own.retryIn, { wait }),
      retrying: (wait) => (wait ? format(own.retrying, { wait }) : own.retryingNow),
    };
    cache.set(own, strings);
  }
  return strings;
}
