import type { Condition } from '../types.js';
import type { ConfigIssue } from './errors.js';
import { choiceValue } from './choice-value.js';
import { CONFIG_LIMITS as L } from './limits.js';
import { bad, boolean, INVALID, isObject, list, string, type Path, type Rule } from './shape.js';

const FORMS = 'a condition is { field, in }, { field, notIn }, { field, filled }, { all } or { any }';
const KEYS = ['field', 'in', 'notIn', 'filled', 'all', 'any'] as const;

const values = list(choiceValue, L.maxConditionValues);

// Counts the tests of a whole condition as it is read, so a wide tree is refused without
// walking more than the bound.
interface Budget {
  terms: number;
}

function read(v: unknown, path: Path, issues: ConfigIssue[], depth: number, budget: Budget): Condition | typeof INVALID {
  if (!isObject(v)) return bad(issues, path, 'invalid_condition', FORMS);
  const present = KEYS.filter((key) => Object.hasOwn(v, key));
  const group = present.length === 1 && (present[0] === 'all' || present[0] === 'any') ? present[0] : undefined;
  if (group) {
    if (depth >= L.maxConditionDepth) return bad(issues, path, 'condition_too_deep', `nests more than ${L.maxConditionDepth} levels of all / any`, { max: L.maxConditionDepth });
    const items = v[group];
    if (Array.isArray(items) && items.length === 0) return bad(issues, [...path, group], 'invalid_condition', 'must hold at least one condition');
    const out = list<Condition>((item, at, found) => read(item, at, found, depth + 1, budget), L.maxConditionTerms)(items, [...path, group], issues);
    return out === INVALID ? INVALID : (group === 'all' ? { all: out } : { any: out });
  }
  const test = present.length === 2 && present[0] === 'field' ? present[1] : undefined;
  if (test !== 'in' && test !== 'notIn' && test !== 'filled') return bad(issues, path, 'invalid_condition', FORMS);
  // One issue for the whole condition, at the first test past the bound.
  if (++budget.terms > L.maxConditionTerms) {
    return budget.terms === L.maxConditionTerms + 1 ? bad(issues, path, 'too_many', `a condition holds at most ${L.maxConditionTerms} tests`, { max: L.maxConditionTerms }) : INVALID;
  }
  const field = string(L.maxIdLength)(v['field'], [...path, 'field'], issues);
  const operand = test === 'filled' ? boolean(v[test], [...path, test], issues) : values(v[test], [...path, test], issues);
  if (field === INVALID || operand === INVALID) return INVALID;
  if (Array.isArray(operand) && operand.length === 0) return bad(issues, [...path, test], 'invalid_condition', 'must list at least one value');
  // Values are the compared values: duplicates say nothing more.
  return test === 'filled' ? { field, filled: operand as boolean } : ({ field, [test]: [...new Set(operand as string[])] } as unknown as Condition);
}

/**
 * The shape of a `visibleWhen`: one of the five forms, at most `maxConditionDepth` levels of
 * `all` / `any` and `maxConditionTerms` tests in all, every list bounded and non-empty. Which
 * fields and values it names is checked against the config by `checkConditions`.
 */
export const conditionRule: Rule<Condition> = (v, path, issues) => read(v, path, issues, 0, { terms: 0 });

/** Calls `visit` on every test of `condition` (`in`, `notIn`, `filled`) with its path below `path`. */
export function eachTest(
  condition: Condition,
  visit: (test: Extract<Condition, { field: string }>, path: Path) => void,
  path: Path = [],
): void {
  if (Object.hasOwn(condition, 'all')) (condition as { all: Condition[] }).all.forEach((item, i) => eachTest(item, visit, [...path, 'all', i]));
  else if (Object.hasOwn(condition, 'any')) (condition as { any: Condition[] }).any.forEach((item, i) => eachTest(item, visit, [...path, 'any', i]));
  else visit(condition as Extract<Condition, { field: string }>, path);
}
