import { html, type SafeHtml } from './html.js';
import { format, registerLocale, resolveLocale, texts, type BuiltInLocale } from '@account-request/sdk';
// The server entry registers core and mail texts in every built-in language.
import '@account-request/sdk/server';
import { pages as de } from '@account-request/sdk/locales/de/pages';
import { pages as en } from '@account-request/sdk/locales/en/pages';
import { pages as es } from '@account-request/sdk/locales/es/pages';
import { pages as fr } from '@account-request/sdk/locales/fr/pages';
import { pages as it } from '@account-request/sdk/locales/it/pages';
import { pages as nl } from '@account-request/sdk/locales/nl/pages';
import { pages as pt } from '@account-request/sdk/locales/pt/pages';
import { checks as deChecks } from '@account-request/sdk/locales/de/checks';
import { checks as enChecks } from '@account-request/sdk/locales/en/checks';
import { checks as esChecks } from '@account-request/sdk/locales/es/checks';
import { checks as frChecks } from '@account-request/sdk/locales/fr/checks';
import { checks as itChecks } from '@account-request/sdk/locales/it/checks';
import { checks as nlChecks } from '@account-request/sdk/locales/nl/checks';
import { checks as ptChecks } from '@account-request/sdk/locales/pt/checks';

for (const [tag, pages] of Object.entries({ en, fr, de, es, it, nl, pt })) registerLocale(tag, { pages });
for (const [tag, checks] of Object.entries({ en: enChecks, fr: frChecks, de: deChecks, es: esChecks, it: itChecks, nl: nlChecks, pt: ptChecks })) registerLocale(tag, { checks });

/** Languages of the demo pages: the seven built-in ones. */
export type PageLocale = BuiltInLocale;

/**
 * The page language asked by `?lang=`, by the registry's rule (`de-AT` → `de`, `sv` → `en`).
 * When nothing is asked, or the value is not a language tag, the shop's own language: French.
 */
export function pageLocale(value: string | undefined): PageLocale {
  return value !== undefined && /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(value) ? resolveLocale(value) : 'fr';
}

/** Every text of the demo pages in `locale`, from the SDK's registry (`pages` namespace). */
export function pageText(locale: string): ReturnType<typeof texts<'pages'>> {
  return texts('pages', locale);
}

/** What the back office says about the checks of a request (VIES, register), from the registry (`checks` namespace). */
export function checkText(locale: string): ReturnType<typeof texts<'checks'>> {
  return texts('checks', locale);
}

/**
 * Words the pages share with the form and the e-mails: the catalog's field labels, request words,
 * the error prefix, and the rejection reasons the applicant reads in their e-mail.
 */
export function sharedText(locale: string): {
  fields: ReturnType<typeof texts<'core'>>['fields'];
  labels: ReturnType<typeof texts<'mail'>>['labels'];
  reasons: ReturnType<typeof texts<'mail'>>['rejectionReasons'];
  errorPrefix: string;
} {
  const core = texts('core', locale);
  const mail = texts('mail', locale);
  return { fields: core.fields, labels: mail.labels, reasons: mail.rejectionReasons, errorPrefix: core.errorPrefix };
}

/** `label` and what it names, in the page language's typography (`Details: Acme`, `Détail : Acme`). */
export function labelled(locale: string, label: string, name: string): string {
  return format(pageText(locale).labelled, { label, name });
}

/**
 * A repeated link or button's text (`label`) with what it acts on (`name`) for screen readers:
 * the words {@link labelled} adds after the label are visually hidden, so that each has its own name.
 */
export function hiddenName(locale: string, label: string, name: string): SafeHtml {
  const full = labelled(locale, label, name);
  // Every language's format starts with `{label}`; were one not to, the whole name is spoken and the label shown.
  return full.startsWith(label)
    ? html`${label}<span class="visually-hidden">${full.slice(label.length)}</span>`
    : html`<span aria-hidden="true">${label}</span><span class="visually-hidden">${full}</span>`;
}

export { format };
