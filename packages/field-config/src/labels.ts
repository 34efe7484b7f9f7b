import { getCatalogField, localize } from '@account-request/sdk';
import type { FormConfig, LocalizedText } from '@account-request/sdk';

/**
 * A function giving the label of any field of `config` in `locale`, custom or catalog.
 * Built once per render: a map of custom labels, so 200 rows cost 200 look-ups.
 */
export function labeller(config: FormConfig, locale: string): (id: string) => string {
  const custom = new Map<string, LocalizedText>(config.customFields.map((field) => [field.id, field.label]));
  return (id) => localize(custom.get(id) ?? getCatalogField(id)?.label, locale) || id;
}
