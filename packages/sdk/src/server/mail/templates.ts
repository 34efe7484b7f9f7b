import { resolveLocale } from '../../i18n/index.js';
import type { SubmissionValues } from '../../types.js';
import { headerLine, htmlMail, type MailHtml } from './escape.js';
import { fill, mailTexts, type MailTexts } from './texts.js';

/** A rendered e-mail: one-line subject, plain text, and HTML where every value is escaped. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What every template needs. */
export interface MailContext {
  /** Any BCP 47 tag; French for `fr…`, English otherwise. */
  readonly locale: string;
  /** Signs the e-mails and names the shop in subjects; omitted when absent. */
  readonly siteName?: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A paragraph of text, or a part with its own plain-text and HTML forms. */
type Block = string | { readonly text: string; readonly html: MailHtml };

function compose(texts: MailTexts, context: MailContext, subject: string, blocks: readonly Block[]): MailContent {
  const site = context.siteName ?? '';
  const all: Block[] = [texts.greeting, ...blocks, ...(site ? [fill(texts.signature, { site })] : [])];
  const text = all.map((block) => (typeof block === 'string' ? block : block.text)).join('\n\n');
  const html = htmlMail`<!doctype html>
<html lang="${resolveLocale(context.locale)}"><head><meta charset="utf-8"><title>${headerLine(subject)}</title></head>
<body>
${all.map((block) => (typeof block === 'string' ? htmlMail`<p>${block}</p>\n` : block.html))}</body></html>
`;
  return { subject: headerLine(subject), text: `${text}\n`, html: html.toString() };
}

/** The e-mail telling an applicant their request arrived. */
export function confirmationMail(context: MailContext & { readonly values: SubmissionValues }): MailContent {
  const texts = mailTexts(resolveLocale(context.locale));
  const company = str(context.values['companyName']);
  return compose(texts, context, texts.confirmationSubject, texts.confirmationBody.map((p) => fill(p, { company })));
}

/** The e-mail telling the sales team (`settings.alertEmail`) a request arrived. */
export function alertMail(context: MailContext & { readonly values: SubmissionValues; readonly createdAt: string; readonly link?: string }): MailContent {
  const texts = mailTexts(resolveLocale(context.locale));
  const v = context.values;
  const contact = [str(v['civility']), str(v['firstName']), str(v['lastName'])].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    [texts.labels.company, str(v['companyName'])],
    [texts.labels.contact, contact],
    [texts.labels.email, str(v['email'])],
    [texts.labels.phone, str(v['phone'])],
    [texts.labels.siret, str(v['siret'])],
    [texts.labels.city, [str(v['postalCode']), str(v['city'])].filter(Boolean).join(' ')],
    [texts.labels.received, context.createdAt],
  ];
  const shown = rows.filter(([, value]) => value !== '');
  const subject = fill(texts.alertSubject, { company: str(v['companyName']) });
  const table: Block = {
    text: shown.map(([label, value]) => `${label}: ${value}`).join('\n'),
    html: htmlMail`<table>${shown.map(([label, value]) => htmlMail`<tr><th scope="row" align="left">${label}</th><td>${value}</td></tr>`)}</table>\n`,
  };
  const link: Block[] = context.link ? [{ text: `${texts.alertOpen}: ${context.link}`, html: htmlMail`<p><a href="${context.link}">${texts.alertOpen}</a></p>\n` }] : [];
  return compose(texts, context, subject, [texts.alertIntro, table, ...link]);
}

/** The e-mail that lets an applicant choose a password: the link works once, until `expiresAt`. */
export function activationMail(context: MailContext & { readonly values: SubmissionValues; readonly link: string; readonly expiresAt: string }): MailContent {
  const lang = resolveLocale(context.locale);
  const texts = mailTexts(lang);
  const company = str(context.values['companyName']);
  const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(context.expiresAt));
  const subject = fill(texts.activationSubject, { site: context.siteName ?? '' });
  const link: Block = { text: context.link, html: htmlMail`<p><a href="${context.link}">${texts.activationButton}</a></p>\n` };
  return compose(texts, context, subject, [...texts.activationBody.map((p) => fill(p, { company })), link, fill(texts.activationExpiry, { date }), texts.activationIgnore]);
}
