// The lookups' chunk (account-request-form.lookups.js beside the single-file bundle): loaded only
// by a form that shows a SIRET or a street field its server can look up, or once a SIRET is typed,
// so other forms never download it. It brings the lookups' words in the seven built-in languages,
// which the caller registers in the bundle's own registry.
import { lookups as de } from '@account-request/sdk/locales/de/lookups';
import { lookups as en } from '@account-request/sdk/locales/en/lookups';
import { lookups as es } from '@account-request/sdk/locales/es/lookups';
import { lookups as fr } from '@account-request/sdk/locales/fr/lookups';
import { lookups as it } from '@account-request/sdk/locales/it/lookups';
import { lookups as nl } from '@account-request/sdk/locales/nl/lookups';
import { lookups as pt } from '@account-request/sdk/locales/pt/lookups';

/** The lookups' words in the seven built-in languages, for the registry. */
export const tables = { en, fr, de, es, it, nl, pt };

export { LookupUi } from './lookup-ui.js';
