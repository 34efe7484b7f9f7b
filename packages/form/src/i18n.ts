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
  readonly rejected: string;
  readonly honeypot: string;
  readonly summary: (count: number) => string;
  readonly tooManyRequests: (seconds: number | undefined) => string;
}

type OwnStrings = Omit<FormStrings, 'marker' | 'requiredMarker' | 'errorPrefix' | 'confirm' | 'submit' | 'thanks'>;

const fr: OwnStrings = {
  loading: 'Chargement du formulaire…',
  configError: 'Ce formulaire ne peut pas être affiché pour le moment. Veuillez réessayer plus tard.',
  requiredLegend: 'Les champs marqués * sont obligatoires.',
  choose: 'Choisir…',
  sending: 'Envoi en cours…',
  retry: 'Réessayer',
  offline: 'La demande n’a pas pu partir : vous semblez hors ligne ou le serveur est injoignable. Vos saisies sont conservées.',
  timeout: 'Le serveur met trop de temps à répondre. Vos saisies sont conservées ; vous pouvez réessayer.',
  serverError: 'Le serveur a rencontré un problème. Vos saisies sont conservées ; vous pouvez réessayer.',
  rejected: 'La demande a été refusée par le serveur.',
  honeypot: 'Laisser ce champ vide',
  summary: (count) => (count === 1 ? '1 champ est à corriger.' : `${count} champs sont à corriger.`),
  tooManyRequests: (seconds) =>
    seconds === undefined
      ? 'Trop de demandes envoyées. Patientez un peu avant de réessayer ; vos saisies sont conservées.'
      : `Trop de demandes envoyées. Vous pourrez réessayer dans ${seconds} seconde${seconds > 1 ? 's' : ''} ; vos saisies sont conservées.`,
};

const en: OwnStrings = {
  loading: 'Loading the form…',
  configError: 'This form cannot be displayed right now. Please try again later.',
  requiredLegend: 'Fields marked * are required.',
  choose: 'Choose…',
  sending: 'Sending…',
  retry: 'Try again',
  offline: 'The request could not be sent: you seem to be offline or the server cannot be reached. Your entries are kept.',
  timeout: 'The server is taking too long to answer. Your entries are kept; you can try again.',
  serverError: 'The server ran into a problem. Your entries are kept; you can try again.',
  rejected: 'The server refused the request.',
  honeypot: 'Leave this field empty',
  summary: (count) => (count === 1 ? '1 field needs attention.' : `${count} fields need attention.`),
  tooManyRequests: (seconds) =>
    seconds === undefined
      ? 'Too many requests. Please wait a moment before trying again; your entries are kept.'
      : `Too many requests. You can try again in ${seconds} second${seconds > 1 ? 's' : ''}; your entries are kept.`,
};

/** Why a submission failed, as far as the words are concerned. */
export type FailureReason = 'offline' | 'timeout' | 'server' | 'rate-limited' | 'rejected';

/** The status line for a failed submission (`detail`: the server's own explanation of a refusal). */
export function failureText(strings: FormStrings, reason: FailureReason, retryAfter: number | undefined, detail: string): string {
  switch (reason) {
    case 'offline':
      return strings.offline;
    case 'timeout':
      return strings.timeout;
    case 'server':
      return strings.serverError;
    case 'rate-limited':
      return strings.tooManyRequests(retryAfter);
    default:
      return detail ? `${strings.rejected} ${detail}` : strings.rejected;
  }
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
