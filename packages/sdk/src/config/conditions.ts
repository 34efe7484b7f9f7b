import { COMPANY_FIELDS, CUSTOMER_TYPE_FIELD, getCatalogField } from '../catalog.js';
import type { Condition, CustomField, FieldEntry } from '../types.js';
import { isValidCountryCode } from '../validation/validators/country.js';
import { eachTest } from './condition-shape.js';
import type { ConfigIssue } from './errors.js';


/** True when `in` / `notIn` may test a field of `type`: the types whose values come from a list. */
export function takesValueTests(type: string): boolean {
  return type === 'select' || type === 'radio' || type === 'country';
}

/**
 * The fields `condition` reads, each once, in the order they appear. A company field also
 * reads `customerType` when it is displayed: see `effectiveCondition`.
 */
export function conditionFields(condition: Condition): string[] {
  const ids = new Set<string>();
  eachTest(condition, (test) => ids.add(test.field));
  return [...ids];
}

// The fields reachable from `id` through the conditions (not `id` itself unless on a cycle).
function reaches(id: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(edges.get(id) ?? [])];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}

/**
 * Checks every `visibleWhen` of `fields` against the config, pushing each broken rule with its
 * path (`rawIndex` gives an entry's index in the input): a test names a field of the config
 * (`unknown_field`); `in` / `notIn` test a select, radio or country field (`condition_operator`)
 * with values it offers (`condition_value`); no locked field, nor `customerType`, has a
 * condition of its own (`locked_condition`: the company fields' rule is built in); no field
 * depends on itself (`condition_cycle`). Country values are ISO codes, upper-case.
 */
export function checkConditions(fields: readonly FieldEntry[], customFields: readonly CustomField[], rawIndex: ReadonlyMap<string, number>, issues: ConfigIssue[]): void {
  const custom = new Map(customFields.map((field) => [field.id, field]));
  const typeOf = (id: string): string | undefined => getCatalogField(id)?.type ?? custom.get(id)?.type;
  const offered = (id: string): ReadonlySet<string> | undefined => {
    const options = getCatalogField(id)?.options ?? custom.get(id)?.options;
    return options ? new Set(options.map((option) => option.value)) : undefined;
  };
  const edges = new Map<string, string[]>();
  for (const entry of fields) {
    const condition = entry.visibleWhen;
    if (!condition) continue;
    const at = ['fields', rawIndex.get(entry.id) ?? fields.indexOf(entry), 'visibleWhen'];
    const problem = (path: readonly (string | number)[], code: ConfigIssue['code'], message: string, params: ConfigIssue['params']) =>
      issues.push({ path: [...at, ...path], code, message, ...(params ? { params } : {}) });
    if (getCatalogField(entry.id)?.locked || entry.id === CUSTOMER_TYPE_FIELD) {
      const why = COMPANY_FIELDS.includes(entry.id as never) ? 'shown to companies only, through customerType' : 'always displayed';
      problem([], 'locked_condition', `"${entry.id}" is ${why}: it takes no condition`, { id: entry.id });
      continue;
    }
    eachTest(condition, (test, path) => {
      const type = typeOf(test.field);
      if (!type) return problem([...path, 'field'], 'unknown_field', `unknown field "${test.field}"`, { id: test.field });
      if (Object.hasOwn(test, 'filled')) return;
      const key = Object.hasOwn(test, 'in') ? 'in' : 'notIn';
      if (!takesValueTests(type)) return problem([...path, key], 'condition_operator', `"${test.field}" is a ${type} field: test whether it is filled`, { id: test.field });
      const options = offered(test.field);
      (test as unknown as Record<typeof key, readonly string[]>)[key].forEach((value, i) => {
        // Country codes as validation stores them: upper-case.
        const known = options ? options.has(value) : isValidCountryCode(value);
        if (!known) problem([...path, key, i], 'condition_value', `"${test.field}" does not offer "${value}"`, { id: test.field, value });
      });
    });
    edges.set(entry.id, conditionFields(condition));
  }
  for (const [id] of edges) {
    if (reaches(id, edges).has(id)) {
      issues.push({ path: ['fields', rawIndex.get(id) ?? 0, 'visibleWhen'], code: 'condition_cycle', params: { id }, message: `"${id}" depends on itself through the conditions` });
    }
  }
}
