import { html } from './html.js';
import { layout } from './layout.js';
import { pageText, type PageLocale } from './text.js';

/** Where the shop page finds the form bundle and the handler. */
export interface ShopPageOptions {
  readonly locale: PageLocale;
  readonly formScript: string;
  readonly configSrc: string;
  readonly action: string;
}

/**
 * The public page: a CMS-like shop page into which the form was dropped as a template
 * would drop it, with one module script and one tag.
 */
export function shopPage(options: ShopPageOptions): string {
  const text = pageText(options.locale);
  const main = html`<section class="hero" id="catalogue">
  <h1>${text.shopTitle}</h1>${text.shopIntro.map((paragraph) => html`\n  <p>${paragraph}</p>`)}
</section>
<section class="benefits" id="avantages">
  <h2>${text.benefitsTitle}</h2>
  <ul>${text.benefits.map((benefit) => html`\n    <li>${benefit}</li>`)}
  </ul>
</section>
<section class="request" id="demande" aria-labelledby="demande-title">
  <h2 id="demande-title">${text.formTitle}</h2>
  <p>${text.formIntro}</p>
  <account-request-form config-src="${options.configSrc}" action="${options.action}" lang="${options.locale}"></account-request-form>
</section>`;
  return layout({ locale: options.locale, title: text.shopTitle, path: '/', main, scripts: [options.formScript] });
}
