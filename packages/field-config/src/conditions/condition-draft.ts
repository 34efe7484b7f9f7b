import { getCatalogField, resolveFields, takesValueTests } from '@account-request/sdk';
import type { Condition, ConfigIssue, FormConfig } from '@account-request/sdk';
import { countryOptions } from '@account-request/form/countries.js';

/** What a test asks of the field it reads: one of the values ticked, none of them, an answer, no answer. */
export type TestOperator = 'in' | 'notIn' | 'filled' | 'empty';

/** One test of the dialog, as chosen. */
export interface TestDraft {
  field: string;
  operator: TestOperator;
  values: string[];
}

/** The "Show only when…" dialog, as chosen: tests joined by all or any. */
export interface ConditionDraft {
  join: 'all' | 'any';
  tests: TestDraft[];
  /** The field's condition nests groups, which the dialog cannot show as tests: choosing replaces it. */
  readonly nested: boolean;
}

type Test = Extract<Condition, { field: string }>;

const own = <T>(object: object, key: string): T | undefined => (Object.hasOwn(object, key) ? ((object as Record<string, unknown>)[key] as T) : undefined);

/** An empty test of the dialog. */
export const emptyTest = (): TestDraft => ({ field: '', operator: 'in', values: [] });

function testDraft(test: Test): TestDraft {
  const filled = own<boolean>(test, 'filled');
  if (filled !== undefined) return { field: test.field, operator: filled ? 'filled' : 'empty', values: [] };
  const listed = own<readonly string[]>(test, 'in');
  return { field: test.field, operator: listed ? 'in' : 'notIn', values: [...(listed ?? own<readonly string[]>(test, 'notIn') ?? [])] };
}

const isTest = (condition: Condition): condition is Test => Object.hasOwn(condition, 'field');

/** The dialog for a field's condition (none: one empty test). */
export function draftOfCondition(condition: Condition | undefined): ConditionDraft {
  if (!condition) return { join: 'all', tests: [emptyTest()], nested: false };
  if (isTest(condition)) return { join: 'all', tests: [testDraft(condition)], nested: false };
  const join = Object.hasOwn(condition, 'all') ? 'all' : 'any';
  const items = own<readonly Condition[]>(condition, join) ?? [];
  if (items.every(isTest)) return { join, tests: items.map(testDraft), nested: false };
  return { join: 'all', tests: [emptyTest()], nested: true };
}

function conditionOfTest(test: TestDraft): Condition {
  if (test.operator === 'filled' || test.operator === 'empty') return { field: test.field, filled: test.operator === 'filled' };
  return test.operator === 'in' ? { field: test.field, in: test.values } : { field: test.field, notIn: test.values };
}

/**
 * The condition the dialog describes, for `setVisibleWhen` (which checks it): one test as it
 * is, several joined with `all` or `any`. A test without a field yet is an issue of the dialog
 * itself, with the SDK's code (`invalid_condition`) and the path the SDK would give it.
 */
export function conditionOfDraft(draft: ConditionDraft): { condition: Condition } | { issues: ConfigIssue[] } {
  const several = draft.tests.length > 1;
  const issues = draft.tests.flatMap((test, i): ConfigIssue[] =>
    test.field ? [] : [{ path: ['fields', 0, 'visibleWhen', ...(several ? [draft.join, i] : []), 'field'], code: 'invalid_condition', message: 'choose a field' }],
  );
  if (issues.length) return { issues };
  const tests = draft.tests.map(conditionOfTest);
  return { condition: several ? (draft.join === 'all' ? { all: tests } : { any: tests }) : (tests[0] as Condition) };
}

/** The index of the dialog's test an SDK issue points at (`fields.3.visibleWhen.any.1.in.0` → 1), `undefined` for the whole condition. */
export function testOfIssue(issue: ConfigIssue): number | undefined {
  const at = issue.path.indexOf('visibleWhen');
  if (at < 0) return undefined;
  const rest = issue.path.slice(at + 1);
  if (rest[0] === 'all' || rest[0] === 'any') return typeof rest[1] === 'number' ? rest[1] : undefined;
  return rest.length > 0 ? 0 : undefined;
}

/** The type of field `id` of `config` (catalog or custom). */
export function typeOf(config: FormConfig, id: string): string | undefined {
  return getCatalogField(id)?.type ?? config.customFields.find((field) => field.id === id)?.type;
}

/** True when a test of field `id` picks values from a list (`in` / `notIn`), false when it asks for an answer. */
export function testsValues(config: FormConfig, id: string): boolean {
  return takesValueTests(typeOf(config, id) ?? '');
}

/** The values a test of field `id` may pick, with their labels in `locale`: its options, or every country. */
export function valueChoices(config: FormConfig, id: string, locale: string): readonly { readonly value: string; readonly label: string }[] {
  if (typeOf(config, id) === 'country') return countryOptions(locale);
  return resolveFields(config, { locale }).find((field) => field.id === id)?.options ?? [];
}

/**
 * The fields a condition of field `id` may read: every other displayed field (a field never
 * shown would hide `id` for good), and any its condition reads already.
 */
export function readableFields(config: FormConfig, id: string, draft: ConditionDraft): string[] {
  const used = new Set(draft.tests.map((test) => test.field));
  return config.fields.filter((entry) => entry.id !== id && (entry.displayed || used.has(entry.id))).map((entry) => entry.id);
}
