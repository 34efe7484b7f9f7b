import { messages } from '@account-request/sdk';
import type { BuiltInLocale } from '@account-request/sdk';

/**
 * Texts of the element's own chrome. Field labels, help texts, validation messages and the
 * shared words (submit, confirm, "required", the error prefix, the default thanks) come
 * from the SDK's `messages()`; only the words this element adds are written here.
 */
export interface FormStrings {
  readonly loading: string;
  readonly configError: string;
  readonly requiredLegend: string;
  /** The visible marker after a required label (`*`). */
  readonly marker: string;
  /** What the marker means, spoken after the label. */
  readonly requiredMarker: string;
  readonly errorPrefix: string;
  readonly choose: string;
  readonly confirm: string;
  readonly submit: string;
  readonly sending: string;
  readonly retry: string;
  readonly thanks: string;
  readonly offline: string;
  readonly timeout: string;
  readonly serverError: string;
  readonly tooManyRequests: string;
  readonly rejected: string;
  /** A 2xx whose body could not be read: the request exists, a retry replays its first result. */
  readonly lost: string;
  /** Said after every failure that keeps the values. */
  readonly kept: string;
  /** Said when a retry is possible (also when a wait has passed). */
  readonly canRetry: string;
  readonly honeypot: string;
  readonly summary: (count: number) => string;
  /** `wait`: a worded duration ("30 seconds"). */
  readonly retryIn: (wait: string) => string;
  /** Before an automatic retry; `wait` is empty when it is immediate. */
  readonly retrying: (wait: string) => string;
}

type OwnStrings = Omit<FormStrings, 'marker' | 'requiredMarker' | 'errorPrefix' | 'confirm' | 'submit' | 'thanks'>;

const fr: OwnStrings = {
  loading: 'Chargement du formulaire…',
  configError: 'Ce formulaire ne peut pas être affiché pour le moment. Veuillez réessayer plus tard.',
  requiredLegend: 'Les champs marqués * sont obligatoires.',
  choose: 'Choisir…',
  sending: 'Envoi en cours…',
  retry: 'Réessayer',
  offline: 'La demande n’a pas pu partir : vous semblez hors ligne ou le serveur est injoignable.',
  timeout: 'Le serveur met trop de temps à répondre.',
  serverError: 'Le serveur a rencontré un problème.',
  tooManyRequests: 'Trop de demandes ont été envoyées.',
  rejected: 'La demande a été refusée par le serveur.',
  lost: 'La réponse du serveur s’est perdue en chemin : réessayer n’enverra pas votre demande deux fois.',
  kept: 'Vos saisies sont conservées.',
  canRetry: 'Vous pouvez réessayer.',
  honeypot: 'Laisser ce champ vide',
  summary: (count) => (count === 1 ? '1 champ est à corriger.' : `${count} champs sont à corriger.`),
  retryIn: (wait) => `Vous pourrez réessayer dans ${wait}.`,
  retrying: (wait) => (wait ? `Nouvel essai dans ${wait}…` : 'Nouvel essai…'),
};

const en: OwnStrings = {
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
  lost: "The server's answer was lost on the way: trying again will not send your request twice.",
  kept: 'Your entries are kept.',
  canRetry: 'You can try again.',
  honeypot: 'Leave this field empty',
  summary: (count) => (count === 1 ? '1 field needs attention.' : `${count} fields need attention.`),
  retryIn: (wait) => `You can try again in ${wait}.`,
  retrying: (wait) => (wait ? `Trying again in ${wait}…` : 'Trying again…'),
};

/** Why a submission failed, as far as the words are concerned. */
export type FailureReason = 'offline' | 'timeout' | 'server' | 'rate-limited' | 'rejected' | 'lost';

/** `seconds` in words ("1 second", "2 minutes"), plural rules from `Intl`; minutes from one minute up. */
export function duration(seconds: number, locale: string): string {
  const minutes = seconds >= 60;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: minutes ? 'minute' : 'second', unitDisplay: 'long' }).format(minutes ? Math.ceil(seconds / 60) : seconds);
}

/**
 * The status line for a failed submission: what happened, that the values are kept and what
 * comes next (`next`: the retry offer, the wait or the automatic retry). A refusal gets the
 * server's own explanation (`detail`) instead.
 */
export function failureText(strings: FormStrings, reason: FailureReason, detail: string, next: string): string {
  if (reason === 'rejected') return detail ? `${strings.rejected} ${detail}` : strings.rejected;
  const what = { offline: strings.offline, timeout: strings.timeout, server: strings.serverError, 'rate-limited': strings.tooManyRequests, lost: strings.lost }[reason];
  return `${what} ${strings.kept} ${next}`;
}

const cache = new Map<BuiltInLocale, FormStrings>();

/** Every text the element shows itself, in `locale` (already resolved by the SDK's `resolveLocale`). */
export function formStrings(locale: BuiltInLocale): FormStrings {
  let strings = cache.get(locale);
  if (!strings) {
    const sdk = messages(locale);
    strings = {
      ...(locale === 'fr' ? fr : en),
      marker: sdk.requiredMarker,
      requiredMarker: `(${sdk.requiredText})`,
      errorPrefix: sdk.errorPrefix,
      confirm: sdk.confirm,
      submit: sdk.submit,
      thanks: sdk.sent,
    };
    cache.set(locale, strings);
  }
  return strings;
}
