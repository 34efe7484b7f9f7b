import { html } from './html.js';
import { layout } from './layout.js';
import { pageText, type PageLocale } from './text.js';

/** The 404 page, in the shop's layout. */
export function notFoundPage(locale: PageLocale): string {
  const text = pageText(locale);
  const main = html`<section class="hero">
  <h1>${text.notFoundTitle}</h1>
  <p>${text.notFoundText}</p>
  <p><a href="/?lang=${locale}">${text.backHome}</a></p>
</section>`;
  return layout({ locale, title: text.notFoundTitle, path: '/', main });
}
