import { BUILT_IN_LOCALES } from '@account-request/sdk';
import { html, type SafeHtml } from './html.js';
import { pageText, type PageLocale } from './text.js';

/** What a page puts inside the shared shop layout. */
export interface LayoutOptions {
  readonly locale: PageLocale;
  readonly title: string;
  /** The page's own path, used by the language switch. */
  readonly path: string;
  readonly main: SafeHtml;
  /** Module scripts to load (same-origin URLs: the CSP allows no inline script). */
  readonly scripts?: readonly string[];
  readonly variant?: 'shop' | 'admin';
}

/** The whole HTML document: header with the shop name, navigation and language switch, the main content, the footer. */
export function layout(options: LayoutOptions): string {
  const text = pageText(options.locale);
  const home = `/?lang=${options.locale}`;
  const page = html`<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${text.shopName}</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/site.css">${(options.scripts ?? []).map((src) => html`\n<script type="module" src="${src}"></script>`)}
</head>
<body class="${options.variant ?? 'shop'}">
<a class="skip-link" href="#main">${text.skipLink}</a>
<header class="site-header">
  <div class="brand">
    <a class="logo" href="${home}"><span class="logo-mark" aria-hidden="true">CD</span> ${text.shopName}</a>
    <p class="tagline">${text.tagline}</p>
  </div>
  <nav class="site-nav" aria-label="${text.navLabel}">
    <ul>
      <li><a href="${home}#catalogue">${text.nav.catalog}</a></li>
      <li><a href="${home}#avantages">${text.nav.benefits}</a></li>
      <li><a href="${home}#demande"${options.variant === 'admin' ? '' : html` aria-current="page"`}>${text.nav.account}</a></li>
      <li><a href="#contact">${text.nav.contact}</a></li>
    </ul>
  </nav>
  <p class="lang-switch"><span class="visually-hidden">${text.switchLabel} </span>${BUILT_IN_LOCALES.filter((tag) => tag !== options.locale).map(
    (tag) => html` <a href="${options.path}?lang=${tag}" hreflang="${tag}" lang="${tag}">${pageText(tag).language}</a>`,
  )}</p>
</header>
<main id="main">
${options.main}
</main>
<footer class="site-footer" id="contact">
  <p>${text.footerAddress}</p>
  <p>${text.footerContact}</p>
  <p class="demo-note">${text.footerHours}</p>
</footer>
</body>
</html>
`;
  return page.toString();
}
