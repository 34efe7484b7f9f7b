import { intlLocale } from '../../i18n/format.js';
import { formatDate } from '../../i18n/format-date.js';
import { texts } from '../../i18n/registry.js';
import type { SubmissionValues } from '../../types.js';
import { htmlMail } from './escape.js';
import { compose, fill, str, type Block, type MailContent, type MailContext } from './templates.js';

/** A link paragraph: the URL in plain text, a named link in HTML. */
function linkBlock(link: string, label: string): Block {
  return { text: link, html: htmlMail`<p><a href="${link}">${label}</a></p>\n` };
}

/** The team's own words, quoted as they wrote them (line breaks kept). */
function messageBlock(intro: string, message: string): Block[] {
  return [intro, { text: message, html: htmlMail`<blockquote><p>${message.split('\n').map((line, index) => (index === 0 ? line : htmlMail`<br>${line}`))}</p></blockquote>\n` }];
}

/**
 * The e-mail telling an applicant their request was rejected: the reason in their language
 * (`reason`, one of `REJECTION_REASONS`; `other` shows no reason line) and the team's message.
 */
export function rejectionMail(context: MailContext & { readonly values: SubmissionValues; readonly reason?: string; readonly message?: string }): MailContent {
  const words = texts('mail', context.locale);
  const company = str(context.values['companyName']);
  const reasons: Readonly<Record<string, string>> = words.rejectionReasons;
  const reason = context.reason && context.reason !== 'other' && Object.hasOwn(reasons, context.reason) ? reasons[context.reason] : undefined;
  return compose(context, words.rejectionSubject, [
    ...words.rejectionBody.map((p) => fill(p, { company })),
    ...(reason ? [fill(words.rejectionReason, { reason })] : []),
    ...(context.message ? messageBlock(words.teamMessage, context.message) : []),
    words.rejectionContact,
  ]);
}

/** The e-mail asking an applicant for more information: the team's message and a single-use link valid until `expiresAt`. */
export function informationMail(context: MailContext & { readonly values: SubmissionValues; readonly message: string; readonly link: string; readonly expiresAt: string }): MailContent {
  const words = texts('mail', context.locale);
  const company = str(context.values['companyName']);
  const date = formatDate(context.expiresAt, context.locale, { dateStyle: 'long', timeZone: 'UTC' });
  return compose(context, words.informationSubject, [
    fill(words.informationBody, { company }),
    ...messageBlock(words.teamMessage, context.message),
    words.informationLink,
    linkBlock(context.link, words.informationButton),
    fill(words.activationExpiry, { date }),
  ]);
}

/** The e-mail telling the sales team that an applicant corrected their request; `changed` are the labels of the changed fields. */
export function correctionMail(context: MailContext & { readonly values: SubmissionValues; readonly changed: readonly string[]; readonly link?: string }): MailContent {
  const words = texts('mail', context.locale);
  const company = str(context.values['companyName']);
  const fields = new Intl.ListFormat(intlLocale(context.locale), { type: 'conjunction' }).format(context.changed);
  return compose(context, fill(words.correctionSubject, { company }), [
    words.correctionIntro,
    context.changed.length > 0 ? fill(words.correctionChanged, { fields }) : words.correctionUnchanged,
    ...(context.link ? [linkBlock(context.link, words.alertOpen)] : []),
  ]);
}

/** The e-mail inviting a professional to apply: a single-use link to the form, valid until `expiresAt`. */
export function invitationMail(context: MailContext & { readonly companyName?: string; readonly link: string; readonly expiresAt: string }): MailContent {
  const words = texts('mail', context.locale);
  const date = formatDate(context.expiresAt, context.locale, { dateStyle: 'long', timeZone: 'UTC' });
  return compose(context, fill(words.invitationSubject, { site: context.siteName ?? '' }), [
    words.invitationBody,
    ...(context.companyName ? [fill(words.invitationCompany, { company: context.companyName })] : []),
    words.invitationLink,
    linkBlock(context.link, words.invitationButton),
    fill(words.activationExpiry, { date }),
    words.invitationIgnore,
  ]);
}
