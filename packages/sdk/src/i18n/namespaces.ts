import type { botCheck } from './locales/en/botCheck.js';
import type { botCheckWidget } from './locales/en/botCheckWidget.js';
import type { checks } from './locales/en/checks.js';
import type { conditions } from './locales/en/conditions.js';
import type { core } from './locales/en/core.js';
import type { countries } from './locales/en/countries.js';
import type { editor } from './locales/en/editor.js';
import type { form } from './locales/en/form.js';
import type { issues } from './locales/en/issues.js';
import type { lookups } from './locales/en/lookups.js';
import type { mail } from './locales/en/mail.js';
import type { pages } from './locales/en/pages.js';
import type { webhooks } from './locales/en/webhooks.js';
import type { Table } from './table.js';

/**
 * The namespaces of the translation registry and the shape of their tables (English's).
 * `core`: validation messages, the catalog's labels and help, words shared by every surface.
 */
export interface Namespaces {
  readonly core: Table<typeof core>;
  /**
   * Country names, in the language's alphabetical order (`countryList`, `countryName`); where
   * a language has none registered, the runtime's `Intl` names serve. Registered by the
   * elements (fr and en in their bundles, the others in their language chunks) and the server.
   */
  readonly countries: Table<typeof countries>;
  /** The words of `<account-request-form>` itself. */
  readonly form: Table<typeof form>;
  /** The words of `<form-field-config>` itself. */
  readonly editor: Table<typeof editor>;
  /** Conditions in words for the editor's rows (`describeCondition`). */
  readonly conditions: Table<typeof conditions>;
  /** How an admin reads each config issue code (`configIssueMessage`). */
  readonly issues: Table<typeof issues>;
  /** The e-mails the server sends (`@account-request/sdk/server`). */
  readonly mail: Table<typeof mail>;
  /** The demo's pages (shop, admin, back office, activation), registered by the demo server. */
  readonly pages: Table<typeof pages>;
  /** The form's company and address lookups: the offer to fill in, the derived VAT number, identifier warnings, address suggestions. */
  readonly lookups: Table<typeof lookups>;
  /** What a back office says about the server's checks of a request (VAT number at VIES, SIRET in the register). */
  readonly checks: Table<typeof checks>;
  /** The demo's webhook back-office page (`/admin/webhooks/`), registered by the demo server. */
  readonly webhooks: Table<typeof webhooks>;
  /** The bot check's setting in the editor. */
  readonly botCheck: Table<typeof botCheck>;
  /** The bot check in the form: the widget's words and the message after a refused solution (loaded with the widget's chunk only). */
  readonly botCheckWidget: Table<typeof botCheckWidget>;
}
