import type { AccountRequestRecord } from '@account-request/sdk/server';
import { html } from './html.js';
import { requestsTable } from './requests.js';
import { layout } from './layout.js';
import { webhooksText } from './webhooks.js';
import { pageText, type PageLocale } from './text.js';

/** Where the admin page finds the editor bundle and the handler. */
export interface AdminPageOptions {
  readonly locale: PageLocale;
  readonly editorScript: string;
  readonly configSrc: string;
  readonly requestsHref: string;
  /** The latest requests, newest first. */
  readonly requests: readonly AccountRequestRecord[];
}

/** The admin page: the field editor with its live preview, then the latest requests. */
export function adminPage(options: AdminPageOptions): string {
  const text = pageText(options.locale);
  const main = html`<section class="admin-intro">
  <h1>${text.adminTitle}</h1>
  <p>${text.adminIntro}</p>
  <p class="admin-links"><a href="/?lang=${options.locale}">${text.adminShopLink}</a> · <a href="/admin/requests/?lang=${options.locale}">${text.listTitle}</a> · <a href="${options.requestsHref}">${text.adminRequests}</a> · <a href="/admin/webhooks/?lang=${options.locale}">${webhooksText(options.locale).link}</a></p>
</section>
<section class="editor">
  <form-field-config config-src="${options.configSrc}" lang="${options.locale}" preview></form-field-config>
</section>
<section class="received" aria-labelledby="received-title">
  <h2 id="received-title">${text.requestsTitle}</h2>
  ${requestsTable(options.requests, options.locale)}
</section>`;
  return layout({ locale: options.locale, title: text.adminTitle, path: '/admin/', main, scripts: [options.editorScript], variant: 'admin' });
}
