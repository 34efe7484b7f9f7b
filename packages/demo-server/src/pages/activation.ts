import { html } from './html.js';
import { layout } from './layout.js';
import { format, pageText, sharedText, type PageLocale } from './text.js';

/** What the activation page shows: the form, a success, or why the link no longer works. */
export type ActivationView =
  | { readonly state: 'form'; readonly companyName: string; readonly email: string; readonly errors?: { readonly password?: string; readonly confirmation?: string } }
  | { readonly state: 'done' }
  | { readonly state: 'expired' | 'used' | 'replaced' | 'unknown' };

/**
 * `/activation/{token}`: a plain HTML form (works without JavaScript) to choose a password,
 * posted to the same URL. Errors are tied to their input with `aria-describedby`, after the help.
 * No `maxlength`: a browser would cut a pasted password silently, and the page would then say
 * the account works "with this password"; the server says when one is too long. After an error
 * both fields are empty, so the focus goes to the first, which also reads the mismatch.
 */
export function activationPage(options: { readonly locale: PageLocale; readonly token: string; readonly view: ActivationView }): string {
  const t = pageText(options.locale);
  const { errorPrefix } = sharedText(options.locale);
  const lang = options.locale;
  const view = options.view;
  const path = `/activation/${options.token}`;
  let main;
  if (view.state === 'form') {
    const passwordError = view.errors?.password;
    const confirmError = view.errors?.confirmation;
    main = html`<section class="activation">
<h1>${t.activationTitle}</h1>
<p>${format(t.activationIntro, { company: view.companyName, email: view.email })}</p>
<form method="post" action="${path}?lang=${lang}" novalidate>
  <input type="text" name="username" value="${view.email}" autocomplete="username" hidden>
  <p><label for="password">${t.password}</label><br>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" aria-describedby="password-help${passwordError ? ' password-error' : confirmError ? ' confirmation-error' : ''}"${passwordError ? html` aria-invalid="true" autofocus` : confirmError ? html` autofocus` : ''}>
  <span id="password-help" class="help">${t.passwordHelp}</span>${passwordError ? html`
  <span id="password-error" class="error"><span class="visually-hidden">${errorPrefix} </span>${passwordError}</span>` : ''}</p>
  <p><label for="confirmation">${t.passwordConfirm}</label><br>
  <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required${confirmError ? html` aria-describedby="confirmation-error" aria-invalid="true"` : ''}>${confirmError ? html`
  <span id="confirmation-error" class="error"><span class="visually-hidden">${errorPrefix} </span>${confirmError}</span>` : ''}</p>
  <p><button type="submit">${t.setPassword}</button></p>
</form>
</section>`;
  } else if (view.state === 'done') {
    main = html`<section class="activation"><h1>${t.activationTitle}</h1><p class="notice" role="status">${t.activationDone}</p></section>`;
  } else {
    main = html`<section class="activation"><h1>${t.activationTitle}</h1><p class="notice error" role="alert">${t.activationGone[view.state]}</p></section>`;
  }
  return layout({ locale: lang, title: t.activationTitle, path, main });
}
