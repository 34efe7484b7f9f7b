import { getCatalogField } from '../../catalog.js';
import type { FormConfig } from '../../types.js';

// What a checked box sends: browsers post `on` (no value attribute); our client posts `true`.
const CHECKED = new Set(['on', 'true', '1', 'yes']);

/**
 * Turns a classic form post (`application/x-www-form-urlencoded` or `multipart/form-data`),
 * where every field is a top-level name and `confirmed` / `locale` ride along, into the JSON
 * submission shape, so both encodings go through the same validation. Checkbox fields become
 * booleans; every other value stays the submitted text.
 */
export function formToSubmission(fields: ReadonlyMap<string, string>, config: FormConfig): Record<string, unknown> {
  const checkboxes = new Set(config.customFields.filter((field) => field.type === 'checkbox').map((field) => field.id));
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of fields) {
    if (name === 'confirmed' || name === 'locale') continue;
    const isCheckbox = checkboxes.has(name) || getCatalogField(name)?.type === 'checkbox';
    values[name] = isCheckbox ? CHECKED.has(value.trim().toLowerCase()) : value;
  }
  const confirmed = fields.get('confirmed');
  const locale = fields.get('locale');
  return {
    values: { ...values },
    confirmed: confirmed !== undefined && CHECKED.has(confirmed.trim().toLowerCase()),
    ...(locale !== undefined ? { locale } : {}),
  };
}
