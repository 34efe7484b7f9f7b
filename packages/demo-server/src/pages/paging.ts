import { html, type SafeHtml } from './html.js';
import { pageText, type PageLocale } from './text.js';

/**
 * The links to the previous and next page of a list, in a `<nav>` named `label`; nothing when
 * there is no other page to go to (no empty landmark for screen readers to land on).
 */
export function paging(label: string, previous: string | undefined, next: string | undefined, lang: PageLocale): SafeHtml | '' {
  if (previous === undefined && next === undefined) return '';
  const t = pageText(lang);
  return html`<nav class="paging" aria-label="${label}">${previous !== undefined ? html`<a rel="prev" href="${previous}">${t.previous}</a>` : ''} ${next !== undefined ? html`<a rel="next" href="${next}">${t.next}</a>` : ''}</nav>`;
}
