import { isCatalogFieldId, localize, texts } from '@account-request/sdk';
import { configIssueMessage } from '@account-request/sdk/editing';
import type { ConfigIssue, FormConfig, LocalizedText } from '@account-request/sdk';

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

/** The SDK's wording of `issue` in `locale`, naming fields (`id`, `by`) by their label in `config`, not their id. */
export function issueMessage(issue: Pick<ConfigIssue, 'code' | 'params'>, config: FormConfig, locale: string): string {
  const label = labeller(config, locale);
  const params = { ...issue.params };
  for (const key of ['id', 'by']) if (typeof params[key] === 'string') params[key] = label(params[key]);
  return configIssueMessage({ code: issue.code, params }, locale);
}
