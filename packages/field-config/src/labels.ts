import { isCatalogFieldId, localize, texts } from '@account-request/sdk';
import type { FormConfig, LocalizedText } from '@account-request/sdk';

/**
 * A function giving the label of any field of `config` in `locale`: a custom field's from its
 * config, a catalog field's from the SDK's registry. Built once per render: a map of custom
 * labels, so 200 rows cost 200 look-ups.
 */
export function labeller(config: FormConfig, locale: string): (id: string) => string {
  const custom = new Map<string, LocalizedText>(config.customFields.map((field) => [field.id, field.label]));
  const catalog = texts('core', locale).fields;
  return (id) => (isCatalogFieldId(id) ? catalog[id].label : localize(custom.get(id), locale) || id);
}
