import { BUILT_IN_LOCALES, formatDate } from '@account-request/sdk';
import { INVITATION_STATES, type InvitationState, type PublicInvitation } from '@account-request/sdk/server';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { format, hiddenName, pageText, sharedText, type PageLocale } from './text.js';
import { paging } from './paging.js';

/** What the invitations page shows. */
export interface InvitationsPageOptions {
  readonly locale: PageLocale;
  readonly items: readonly PublicInvitation[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly state?: InvitationState;
  readonly notice?: string;
  /** A refused action (revoke, send again) or a refused form with no field to point at; it takes the focus. */
  readonly error?: string;
  /** Field errors of the creation form, and what was typed. */
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly typed?: Readonly<Record<string, string>>;
}

// The values an admin may prefill, besides the e-mail: who the invitation is for.
const PREFILLED = ['companyName', 'firstName', 'lastName', 'phone', 'postalCode', 'city'] as const;

function field(id: string, label: string, value: string, error: string | undefined, attributes: SafeHtml, errorPrefix: string, focus: boolean): SafeHtml {
  const errorId = `invite-${id}-error`;
  return html`<p><label for="invite-${id}">${label}</label><br>
  <input id="invite-${id}" name="${id}" value="${value}"${attributes}${error ? html` aria-invalid="true" aria-describedby="${errorId}"` : ''}${focus ? html` autofocus` : ''}>${error ? html`
  <span id="${errorId}" class="error"><span class="visually-hidden">${errorPrefix} </span>${error}</span>` : ''}</p>`;
}

/** `/admin/invitations/`: a form to invite, then every invitation with its state, and revoke or send again. */
export function invitationsPage(options: InvitationsPageOptions): string {
  const lang = options.locale;
  const t = pageText(lang);
  const d = t.decisions;
  const { fields, errorPrefix } = sharedText(lang);
  const typed = options.typed ?? {};
  const formFields = ['email', ...PREFILLED, 'expiresInDays'] as const;
  const fieldOf = (error: { readonly field: string }): string => (error.field.startsWith('values.') ? error.field.slice('values.'.length) : error.field);
  const errorOf = (id: string): string | undefined => options.errors?.find((error) => fieldOf(error) === id)?.message;
  // The first field in error takes the focus (its error is tied to it); the summary, role=alert, lists them all.
  const firstInvalid = formFields.find((id) => errorOf(id) !== undefined);
  const labelOf = (id: string): string => (id === 'expiresInDays' ? d.validDays : id === 'locale' ? d.language : Object.hasOwn(fields, id) ? fields[id as keyof typeof fields].label : '');
  const summary = options.errors && options.errors.length > 0
    ? html`<div class="notice error" role="alert" id="invite-errors"${firstInvalid ? '' : html` tabindex="-1" autofocus`}><p>${d.inviteRefused}</p><ul>${options.errors.map((error) => {
      const id = fieldOf(error);
      const label = labelOf(id);
      const sentence = label ? format(t.fieldError, { field: label, message: error.message }) : error.message;
      return html`<li>${(formFields as readonly string[]).includes(id) ? html`<a href="#invite-${id}">${sentence}</a>` : sentence}</li>`;
    })}</ul></div>`
    : '';
  const date = (value: string): string => formatDate(value, lang, { dateStyle: 'medium' });
  const last = options.offset + options.items.length;
  const caption = format(d.invitationsCaption, { first: options.offset + 1, last, total: options.total });
  const base = '/admin/invitations';
  const pageHref = (offset: number): string => `${base}/?${new URLSearchParams({ lang, ...(options.state ? { state: options.state } : {}), offset: String(offset) })}`;
  const rows = options.items.map((invitation) => html`
    <tr data-invitation-id="${invitation.id}"><td>${invitation.email}</td><td>${invitation.companyName ?? ''}</td><td><span class="status invitation-${invitation.state}">${d.invitationStates[invitation.state]}</span></td><td><time datetime="${invitation.sentAt}">${date(invitation.sentAt)}</time></td><td><time datetime="${invitation.expiresAt}">${date(invitation.expiresAt)}</time></td>
    <td>${invitation.requestId ? html`<a href="/admin/requests/${invitation.requestId}?lang=${lang}">${hiddenName(lang, d.openRequest, invitation.email)}</a>` : ''}</td>
    <td>${invitation.state === 'pending' || invitation.state === 'expired' ? html`<form class="inline" method="post" action="${base}/${invitation.id}/resend?lang=${lang}"><button type="submit">${hiddenName(lang, d.resend, invitation.email)}</button></form>` : ''}${invitation.state === 'pending' || invitation.state === 'expired' ? html` <form class="inline" method="post" action="${base}/${invitation.id}/revoke?lang=${lang}"><button type="submit">${hiddenName(lang, d.revoke, invitation.email)}</button></form>` : ''}</td></tr>`);
  // A text box with a numeric keyboard, not a number input: that one sends nothing for text it
  // cannot parse (Firefox lets any in, "10 jours"), and the invitation went out with the default
  // 30 days, unsaid. What was typed reaches the server, which says what is wrong with it.
  const daysAttributes = html` type="text" inputmode="numeric" autocomplete="off" required`;
  const main = html`<section class="admin-intro">
  <h1>${d.invitations}</h1>
  <p>${d.invitationsIntro}</p>
  <p class="admin-links"><a href="/admin/requests/?lang=${lang}">← ${t.listTitle}</a></p>
</section>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}${options.error ? html`<p class="notice error" role="alert" tabindex="-1" autofocus>${options.error}</p>` : ''}
<form class="bulk" method="post" action="${base}/?lang=${lang}" aria-labelledby="invite-title" novalidate>
  <h2 id="invite-title">${d.newInvitation}</h2>
  ${summary}
  ${field('email', fields.email.label, typed['email'] ?? '', errorOf('email'), html` type="email" autocomplete="off" required maxlength="254"`, errorPrefix, firstInvalid === 'email')}
  ${PREFILLED.map((id) => field(id, fields[id].label, typed[id] ?? '', errorOf(id), html` type="text" autocomplete="off" maxlength="500"`, errorPrefix, firstInvalid === id))}
  <p><label for="invite-locale">${d.language}</label><br>
  <select id="invite-locale" name="locale">${BUILT_IN_LOCALES.map((tag) => html`<option value="${tag}" lang="${tag}"${(typed['locale'] ?? lang) === tag ? html` selected` : ''}>${pageText(tag).language}</option>`)}</select></p>
  ${field('expiresInDays', d.validDays, typed['expiresInDays'] ?? '30', errorOf('expiresInDays'), daysAttributes, errorPrefix, firstInvalid === 'expiresInDays')}
  <p><button type="submit">${d.send}</button></p>
</form>
<form class="filters" method="get" action="${base}/">
  <input type="hidden" name="lang" value="${lang}">
  <p><label for="invitation-state">${d.state}</label>
  <select id="invitation-state" name="state"><option value="">${t.any}</option>${INVITATION_STATES.map((state) => html`<option value="${state}"${options.state === state ? html` selected` : ''}>${d.invitationStates[state]}</option>`)}</select>
  <button type="submit">${t.apply}</button></p>
</form>
${options.items.length === 0 ? html`<p>${d.noInvitations}</p>` : html`<div class="table-scroll"><table class="requests">
  <caption>${caption}</caption>
  <thead><tr><th scope="col">${fields.email.label}</th><th scope="col">${fields.companyName.label}</th><th scope="col">${d.state}</th><th scope="col">${d.sentOn}</th><th scope="col">${d.expires}</th><th scope="col">${d.request}</th><th scope="col">${d.actions}</th></tr></thead>
  <tbody>${rows}
  </tbody>
</table></div>`}
${paging(caption, options.offset > 0 ? pageHref(Math.max(0, options.offset - options.limit)) : undefined, options.items.length > 0 && last < options.total ? pageHref(options.offset + options.limit) : undefined, lang)}`;
  return layout({ locale: lang, title: d.invitations, path: `${base}/`, main, variant: 'admin' });
}
