import { formatMessage } from '../../i18n/format.js';
import { formatDate } from '../../i18n/format-date.js';
import { localeChain, registeredTables, texts } from '../../i18n/registry.js';
import type { SubmissionValues } from '../../types.js';
import '../locales.js';
import { headerLine, htmlMail, type MailHtml } from './escape.js';

/** A rendered e-mail: one-line subject, plain text, and HTML where every value is escaped. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What every template needs. */
export interface MailContext {
  /** Any BCP 47 tag; the registry's fallback applies (the tag, its language, then English). */
  readonly locale: string;
  /** Signs the e-mails and names the shop in subjects; omitted when absent. */
  readonly siteName?: string;
}

/** A submitted value as text (`''` for anything else). */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
/** Fills a template's placeholders; a value is inserted as text, never re-scanned for placeholders. */
export const fill = (template: string, params: Readonly<Record<string, string>>): string => formatMessage(template, params);

/** A paragraph of text, or a part with its own plain-text and HTML forms. */
export type Block = string | { readonly text: string; readonly html: MailHtml };

/** An e-mail of `blocks` between the greeting and the signature, in plain text and escaped HTML. */
export function compose(context: MailContext, subject: string, blocks: readonly Block[]): MailContent {
  const words = texts('mail', context.locale);
  const site = context.siteName ?? '';
  const all: Block[] = [words.greeting, ...blocks, ...(site ? [fill(words.signature, { site })] : [])];
  const text = all.map((block) => (typeof block === 'string' ? block : block.text)).join('\n\n');
  // The language the words came from: the tag when a page registered mail texts for it, else its language's.
  const lang = localeChain(context.locale).find((tag) => registeredTables(tag)?.mail) ?? 'en';
  const html = htmlMail`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${headerLine(subject)}</title></head>
<body>
${all.map((block) => (typeof block === 'string' ? htmlMail`<p>${block}</p>\n` : block.html))}</body></html>
`;
  return { subject: headerLine(subject), text: `${text}\n`, html: html.toString() };
}

/** The e-mail telling an applicant their request arrived. */
export function confirmationMail(context: MailContext & { readonly values: SubmissionValues }): MailContent {
  const words = texts('mail', context.locale);
  const company = str(context.values['companyName']);
  return compose(context, words.confirmationSubject, words.confirmationBody.map((p) => fill(p, { company })));
}

/** The e-mail telling the sales team (`settings.alertEmail`) a request arrived. */
export function alertMail(context: MailContext & { readonly values: SubmissionValues; readonly createdAt: string; readonly link?: string }): MailContent {
  const words = texts('mail', context.locale);
  const fields = texts('core', context.locale).fields;
  const v = context.values;
  const contact = [str(v['civility']), str(v['firstName']), str(v['lastName'])].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    [fields.companyName.label, str(v['companyName'])],
    [words.labels.contact, contact],
    [fields.email.label, str(v['email'])],
    [fields.phone.label, str(v['phone'])],
    [fields.siret.label, str(v['siret'])],
    [fields.city.label, [str(v['postalCode']), str(v['city'])].filter(Boolean).join(' ')],
    // In the language, with its zone (UTC, as every date the e-mails give), not an ISO timestamp.
    [words.labels.received, formatDate(context.createdAt, context.locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' })],
  ];
  const shown = rows.filter(([, value]) => value !== '');
  const subject = fill(words.alertSubject, { company: str(v['companyName']) });
  const table: Block = {
    text: shown.map(([label, value]) => `${label}: ${value}`).join('\n'),
    html: htmlMail`<table>${shown.map(([label, value]) => htmlMail`<tr><th scope="row" align="left">${label}</th><td>${value}</td></tr>`)}</table>\n`,
  };
  const link: Block[] = context.link ? [{ text: `${words.alertOpen}: ${context.link}`, html: htmlMail`<p><a href="${context.link}">${words.alertOpen}</a></p>\n` }] : [];
  return compose(context, subject, [words.alertIntro, table, ...link]);
}

/** The e-mail that lets an applicant choose a password: the link works once, until `expiresAt`. */
export function activationMail(context: MailContext & { readonly values: SubmissionValues; readonly link: string; readonly expiresAt: string }): MailContent {
  const words = texts('mail', context.locale);
  const company = str(context.values['companyName']);
  const date = formatDate(context.expiresAt, context.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const subject = fill(words.activationSubject, { site: context.siteName ?? '' });
  const link: Block = { text: context.link, html: htmlMail`<p><a href="${context.link}">${words.activationButton}</a></p>\n` };
  return compose(context, subject, [...words.activationBody.map((p) => fill(p, { company })), link, fill(words.activationExpiry, { date }), words.activationIgnore]);
}
