import { getCatalogField } from './catalog.js';
import { conditionFields } from './config/conditions.js';
import { EU_MEMBER_STATES } from './eu.js';
import { format, intlLocale } from './i18n/format.js';
import { conditions as en } from './i18n/locales/en/conditions.js';
import { conditions as fr } from './i18n/locales/fr/conditions.js';
import { registerLocale, texts } from './i18n/registry.js';
import { countryName, localize } from './i18n/resolve.js';
import { fieldLabel } from './resolve.js';
import type { Condition, FormConfig } from './types.js';
import { effectiveCondition } from './visibility.js';

// Only the editor writes conditions out: their words come with this module, not with `core`,
// so the form's bundle carries none (other languages: the server registers them, the editor's chunks bring them).
registerLocale('en', { conditions: en });
registerLocale('fr', { conditions: fr });

type Test = Extract<Condition, { field: string }>;

const own = <T>(object: object, key: string): T | undefined => (Object.hasOwn(object, key) ? ((object as Record<string, unknown>)[key] as T) : undefined);

function list(items: readonly string[], type: 'conjunction' | 'disjunction', locale: string): string {
  try {
    return new Intl.ListFormat(intlLocale(locale), { type }).format(items);
  } catch {
    return items.join(', ');
  }
}

// How a value reads: a country's name, an option's label in the locale, else the value itself.
function valueLabel(config: FormConfig, id: string, value: string, locale: string): string {
  const catalog = getCatalogField(id);
  if (catalog?.type === 'country') return countryName(value, locale);
  const words = catalog ? (texts('core', locale).fields[catalog.id] as { options?: Readonly<Record<string, string>> }) : undefined;
  const registry = words && own<Readonly<Record<string, string>>>(words, 'options');
  if (registry && Object.hasOwn(registry, value)) return registry[value] as string;
  const options = catalog?.options ?? config.customFields.find((field) => field.id === id)?.options;
  const option = options?.find((candidate) => candidate.value === value);
  return option ? localize(option.label, locale) || value : value;
}

function describeTest(test: Test, config: FormConfig, locale: string): string {
  const t = texts('conditions', locale);
  const field = fieldLabel(config, test.field, locale);
  const type = getCatalogField(test.field)?.type ?? config.customFields.find((custom) => custom.id === test.field)?.type;
  const filled = own<boolean>(test, 'filled');
  if (filled !== undefined) {
    const [yes, no] = type === 'checkbox' ? [t.ticked, t.notTicked] : type === 'file' ? [t.hasFile, t.noFile] : [t.filled, t.empty];
    return format(filled ? yes : no, { field });
  }
  const listed = own<readonly string[]>(test, 'in');
  const values = listed ?? own<readonly string[]>(test, 'notIn') ?? [];
  const names = (items: readonly string[]) => items.map((value) => valueLabel(config, test.field, value, locale));
  // "EU countries but France" reads better than 26 country names.
  const missing = EU_MEMBER_STATES.filter((code) => !values.includes(code));
  if (listed && type === 'country' && values.length > 3 && values.every((code) => EU_MEMBER_STATES.includes(code)) && missing.length <= 3) {
    return missing.length ? format(t.euMemberExcept, { field, values: list(names(missing), 'conjunction', locale) }) : format(t.euMember, { field });
  }
  if (listed) return format(t.isValue, { field, values: list(names(values), 'disjunction', locale) });
  return values.length === 1 ? format(t.isNot, { field, values: names(values)[0] ?? '' }) : format(t.isNoneOf, { field, values: list(names(values), 'conjunction', locale) });
}

function describe(condition: Condition, config: FormConfig, locale: string, nested: boolean): string {
  const all = own<readonly Condition[]>(condition, 'all');
  const any = all ? undefined : own<readonly Condition[]>(condition, 'any');
  const group = all ?? any;
  if (!group) return describeTest(condition as Test, config, locale);
  if (group.length === 1 && group[0]) return describe(group[0], config, locale, nested);
  const text = list(group.map((item) => describe(item, config, locale, true)), all ? 'conjunction' : 'disjunction', locale);
  return nested ? `(${text})` : text;
}

/**
 * A condition in words for `locale`, as an editor's row shows it: field labels and option
 * labels (country names) in the locale, `all` joined with "and", `any` with "or", nested groups
 * in parentheses; a list of EU countries but a few reads "an EU member state other than …".
 * Put it in a sentence with `describeVisibility`, or the registry's `conditions.shownWhen`.
 */
export function describeCondition(condition: Condition, config: FormConfig, locale: string): string {
  return describe(condition, config, locale, false);
}

/**
 * When field `id` is shown, in words ("Shown only when Country is France"), including the
 * built-in rule of company fields once the customer type is displayed; `undefined` for a field
 * shown whenever it is displayed.
 */
export function describeVisibility(config: FormConfig, id: string, locale: string): string | undefined {
  const condition = effectiveCondition(config, id);
  if (!condition) return undefined;
  const t = texts('conditions', locale);
  const shown = format(t.shownWhen, { condition: describeCondition(condition, config, locale) });
  // A field that is not displayed counts as empty: said, or the row would promise a field that may never show.
  const hidden = new Set(config.fields.filter((entry) => !entry.displayed).map((entry) => entry.id));
  const notes = conditionFields(condition)
    .filter((field) => hidden.has(field))
    .map((field) => format(t.readsHidden, { field: fieldLabel(config, field, locale) }));
  return notes.length ? `${shown}. ${notes.join(' ')}` : shown;
}

/**
 * What an editor says when field `id` is not displayed while other fields' conditions read it
 * ("Country is not displayed, and the conditions of SIRET number read it: …"); `undefined` when
 * `id` is displayed or no condition reads it.
 */
export function hiddenFieldNotice(config: FormConfig, id: string, locale: string): string | undefined {
  if (config.fields.find((entry) => entry.id === id)?.displayed !== false) return undefined;
  const readers = config.fields.filter((entry) => entry.id !== id && entry.visibleWhen && conditionFields(entry.visibleWhen).includes(id));
  if (readers.length === 0) return undefined;
  const fields = list(readers.map((entry) => fieldLabel(config, entry.id, locale)), 'conjunction', locale);
  return format(texts('conditions', locale).hiddenIsRead, { field: fieldLabel(config, id, locale), fields });
}
