import type { FormConfig } from '@account-request/sdk';
import { FORM_SCRIPT } from '../assets.js';
import { html } from './html.js';
import { jsonData } from './json-data.js';
import { layout } from './layout.js';
import { pageText, type PageLocale } from './text.js';

/** What an applicant's page shows: the form to send, or why the link no longer works. */
export type ApplicantView =
  | {
      readonly state: 'form';
      /** What the form opens with (what the applicant sent, or the invitation's values). */
      readonly values: Readonly<Record<string, unknown>>;
      /** Where the form posts: the correction route, or the submission route with the invitation. */
      readonly action: string;
      /** The team's message, shown above the form. */
      readonly message?: string;
      /** A config given inline (the correction's), else `configSrc`. */
      readonly config?: FormConfig;
      readonly configSrc?: string;
      /** Fields the link fixes (`readonly-fields`). */
      readonly readonly?: string;
    }
  | { readonly state: 'expired' | 'used' | 'replaced' | 'closed' | 'revoked' | 'unknown' };

/**
 * `/information/{token}` and `/invitation/{token}`: the shop's form, opened with values the
 * applicant (or the inviting team) already gave, for the applicant to check, complete and send.
 * The values reach the form's `.values` from a JSON data block through prefill-form.js (the
 * CSP runs no inline script); drafts are off, so nothing of another visit mixes in.
 */
export function applicantFormPage(options: { readonly locale: PageLocale; readonly kind: 'information' | 'invitation'; readonly token: string; readonly view: ApplicantView }): string {
  const { locale: lang, kind, view } = options;
  const d = pageText(lang).decisions;
  const title = kind === 'information' ? d.informationTitle : d.invitationTitle;
  const path = `/${kind}/${options.token}`;
  if (view.state !== 'form') {
    const gone: Readonly<Record<string, string>> = kind === 'information' ? d.informationGone : d.invitationGone;
    const text = Object.hasOwn(gone, view.state) ? gone[view.state] : gone['unknown'];
    const main = html`<section class="request"><h1>${title}</h1><p class="notice error" role="alert">${text}</p></section>`;
    return layout({ locale: lang, title, path, main });
  }
  const main = html`<section class="request" aria-labelledby="applicant-title">
  <h1 id="applicant-title">${title}</h1>
  <p>${kind === 'information' ? d.informationIntro : d.invitationIntro}</p>
  ${view.message ? html`<section class="team-message" aria-labelledby="team-message-title">
    <h2 id="team-message-title">${d.teamMessage}</h2>
    <p>${view.message.split('\n').map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>
  </section>` : ''}
  <account-request-form action="${view.action}" lang="${lang}" draft="off" data-prefill="prefill"${view.configSrc ? html` config-src="${view.configSrc}"` : ''}${view.readonly ? html` readonly-fields="${view.readonly}"` : ''}>${view.config ? jsonData('inline-config', view.config) : ''}</account-request-form>
  ${jsonData('prefill', view.values)}
</section>`;
  return layout({ locale: lang, title, path, main, scripts: [FORM_SCRIPT, '/assets/prefill-form.js'] });
}
