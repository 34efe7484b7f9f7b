import assert from 'node:assert/strict';
import { CUSTOMER_TYPE_FIELD, FIELD_CATALOG, getCatalogField } from '../../catalog.js';
import { conditionFields } from '../conditions.js';
import type { FormConfig } from '../../types.js';
import { isSafeRedirectUrl, isValidEmail } from '../../validation/validators/index.js';
import { CONFIG_LIMITS } from '../schema.js';
import { CUSTOM_FIELD_ID, RESERVED_IDS, takesOptions, takesTextRules } from '../normalize.js';

/** Asserts every invariant of CONTRACT.md on a config (for tests of configs and edits). */
export function assertInvariants(config: FormConfig): void {
  const ids = config.fields.map((f) => f.id);
  assert.equal(new Set(ids).size, ids.length, 'ids in fields are unique');
  for (const def of FIELD_CATALOG) assert.equal(ids.filter((id) => id === def.id).length, 1, `${def.id} appears once`);
  const customIds = config.customFields.map((f) => f.id);
  assert.equal(new Set(customIds).size, customIds.length, 'custom ids are unique');
  assert.equal(config.fields.length, FIELD_CATALOG.length + customIds.length, 'fields = catalog + custom');
  assert.ok(config.fields.length <= CONFIG_LIMITS.maxFields);
  for (const entry of config.fields) {
    const def = getCatalogField(entry.id);
    assert.ok(def || customIds.includes(entry.id), `${entry.id} is known`);
    if (def?.locked) assert.ok(entry.displayed && entry.required, `${entry.id} locked`);
    if (entry.required) assert.ok(entry.displayed, `${entry.id}: required implies displayed`);
  }
  for (const field of config.customFields) {
    assert.match(field.id, CUSTOM_FIELD_ID);
    assert.ok(!RESERVED_IDS.has(field.id) && !getCatalogField(field.id), `${field.id} not reserved`);
    if (takesOptions(field.type)) {
      assert.ok(field.options && field.options.length >= 1 && field.options.length <= CONFIG_LIMITS.maxOptions);
      assert.equal(new Set(field.options.map((o) => o.value)).size, field.options.length, 'option values unique');
    } else {
      assert.equal(field.options, undefined, `${field.id}: no options`);
    }
    if (!takesTextRules(field.type)) assert.ok(field.format === undefined && field.minLength === undefined && field.maxLength === undefined);
    if (field.minLength !== undefined && field.maxLength !== undefined) assert.ok(field.minLength <= field.maxLength);
  }
  // Conditions: on fields of the config, none on a locked field or the customer type, no cycle.
  const reads = new Map(config.fields.flatMap((entry) => (entry.visibleWhen ? [[entry.id, conditionFields(entry.visibleWhen)] as const] : [])));
  for (const [id, sources] of reads) {
    assert.ok(!getCatalogField(id)?.locked && id !== CUSTOMER_TYPE_FIELD, `${id} takes no condition`);
    for (const source of sources) assert.ok(ids.includes(source), `${id} reads a known field`);
  }
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean =>
    (reads.get(from) ?? []).some((next) => next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, seen))));
  for (const id of reads.keys()) assert.ok(!reaches(id, id), `${id} does not depend on itself`);
  const customerType = config.fields.findIndex((entry) => entry.id === CUSTOMER_TYPE_FIELD);
  if (config.fields[customerType]?.displayed) assert.ok(customerType === 0 && config.fields[0]?.required, 'a displayed customer type is first and required');
  // Steps: at known fields, one per field, in display order, titled.
  const starts = (config.steps ?? []).map((step) => ids.indexOf(step.before));
  assert.ok(config.steps === undefined || config.steps.length > 0, 'no empty list of steps');
  assert.ok(starts.every((at, i) => at >= 0 && (i === 0 || at > (starts[i - 1] as number))), 'steps start at known fields, in order, once each');
  const { settings } = config;
  assert.ok(['none', 'block-purchase', 'block-login'].includes(settings.unvalidatedAccounts));
  assert.ok(['active', 'inactive'].includes(settings.defaultAccountState));
  assert.equal(typeof settings.quickRegistration, 'boolean');
  if (settings.alertEmail !== undefined) assert.ok(isValidEmail(settings.alertEmail));
  if (settings.confirmation.redirectUrl !== undefined) assert.ok(isSafeRedirectUrl(settings.confirmation.redirectUrl));
  assert.ok(Number.isInteger(config.version) && config.version >= 1);
  assert.equal(typeof config.enabled, 'boolean');
}
