import type { ConfigIssue, ConfigIssueCode } from './errors.js';

// A few plain combinators for the shape of a raw config. They replace a zod composition that
// cost about 4 KB (min+brotli) of the SDK's 18 KB browser budget; messages follow zod's.

/** Marks an invalid value; its issue is already recorded. */
export const INVALID: unique symbol = Symbol('invalid');
/** Where a value sits in the config. */
export type Path = readonly (string | number)[];
/** Checks one value: its copy, `undefined` when absent (optional rules only), or {@link INVALID}. */
export type Rule<T> = (value: unknown, path: Path, issues: ConfigIssue[]) => T | typeof INVALID;

/** Records an issue and returns {@link INVALID}. */
export function bad(issues: ConfigIssue[], path: Path, code: ConfigIssueCode, message: string, params?: ConfigIssue['params']): typeof INVALID {
  issues.push(params ? { path, code, params, message } : { path, code, message });
  return INVALID;
}

const expected = (issues: ConfigIssue[], path: Path, value: unknown, what: string): typeof INVALID =>
  value === undefined ? bad(issues, path, 'required', 'is required') : bad(issues, path, 'invalid_type', `expected ${what}`, { expected: what });

/** An object, not an array or null. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string of at most `max` characters. */
export const string =
  (max: number): Rule<string> =>
  (v, path, issues): string | typeof INVALID =>
    typeof v !== 'string' ? expected(issues, path, v, 'string') : v.length > max ? bad(issues, path, 'too_long', `must be at most ${max} characters`, { max }) : v;

/** A boolean. */
export const boolean: Rule<boolean> = (v, path, issues): boolean | typeof INVALID => (typeof v === 'boolean' ? v : expected(issues, path, v, 'boolean'));

/** An integer within `[min, max]`. */
export const int =
  (min: number, max: number): Rule<number> =>
  (v, path, issues): number | typeof INVALID =>
    typeof v !== 'number' || !Number.isInteger(v)
      ? expected(issues, path, v, 'int')
      : v < min
        ? bad(issues, path, 'too_small', `must be at least ${min}`, { min })
        : v > max
          ? bad(issues, path, 'too_big', `must be at most ${max}`, { max })
          : v;

/** One of a fixed list of strings. */
export const oneOf =
  <T extends string>(values: readonly T[]): Rule<T> =>
  (v, path, issues) =>
    values.includes(v as T) ? (v as T) : bad(issues, path, 'invalid_value', `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, { values: values.join(', ') });

/** Absent (`undefined`, or `null` when `nullable`) gives `undefined`; anything else goes to `rule`. */
export const optional =
  <T>(rule: Rule<T>, nullable = false): Rule<T | undefined> =>
  (v, path, issues) =>
    v === undefined || (nullable && v === null) ? undefined : rule(v, path, issues);

/** An array of at most `max` items, refused before any item is read when longer. */
export const list =
  <T>(item: Rule<T>, max: number): Rule<T[]> =>
  (v, path, issues): T[] | typeof INVALID => {
    if (!Array.isArray(v)) return expected(issues, path, v, 'array');
    if (v.length > max) return bad(issues, path, 'too_many', `must be at most ${max} items`, { max });
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      const result = item(v[i], [...path, i], issues);
      if (result === INVALID) ok = false;
      else out.push(result);
    }
    return ok ? out : INVALID;
  };

/**
 * An object with the keys of `shape` only: other keys (`__proto__`, `constructor` included) are
 * never read nor copied, and inherited properties count as absent. Absent optional keys are left out.
 */
export const object =
  <T extends object>(shape: { readonly [K in keyof T]-?: Rule<T[K]> }): Rule<T> =>
  (v, path, issues): T | typeof INVALID => {
    if (!isObject(v)) return expected(issues, path, v, 'object');
    // No prototype: a key left out must read as absent even when a page polluted Object.prototype.
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const result = shape[key](Object.hasOwn(v, key) ? v[key] : undefined, [...path, key], issues);
      if (result === INVALID) ok = false;
      else if (result !== undefined) out[key] = result;
    }
    return ok ? (out as T) : INVALID;
  };
