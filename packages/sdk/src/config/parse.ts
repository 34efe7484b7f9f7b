import type { FormConfig } from '../types.js';
import { ConfigError, type ConfigIssue } from './errors.js';
import { normalize } from './normalize.js';
import { readRawConfig } from './schema.js';

/** The result of {@link safeParseConfig}. */
export type SafeParseConfigResult = { success: true; config: FormConfig } | { success: false; error: ConfigError };

// A plain object from this realm or another (an iframe, a vm context): not a Date, Map, class instance…
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const fail = (issues: ConfigIssue[], cause?: unknown): SafeParseConfigResult => ({
  success: false,
  error: new ConfigError(issues, cause === undefined ? undefined : { cause }),
});

/**
 * Validates and normalizes a config without throwing. Never throws, whatever `input` is:
 * a hostile value (a throwing getter, a proxy) is reported as a {@link ConfigError}.
 * Shape problems (types, bounds) are listed first; the cross-field rules are checked once the
 * shape is right.
 */
export function safeParseConfig(input: unknown): SafeParseConfigResult {
  try {
    if (!isPlainObject(input)) return fail([{ path: [], code: 'invalid_type', params: { expected: 'object' }, message: 'expected a JSON object' }]);
    const issues: ConfigIssue[] = [];
    const raw = readRawConfig(input, issues);
    if (!raw) return fail(issues);
    const config = normalize(raw, issues);
    return issues.length ? fail(issues) : { success: true, config };
  } catch (cause) {
    return fail([{ path: [], code: 'unreadable', message: 'could not be read as JSON data' }], cause);
  }
}

/**
 * Validates a config (JSON from a backend, a property, an inline script) and returns it
 * normalized: every invariant holds, defaults are filled, unknown keys are dropped.
 * @throws {ConfigError} listing every problem with its path; never any other error.
 */
export function parseConfig(input: unknown): FormConfig {
  const result = safeParseConfig(input);
  if (!result.success) throw result.error;
  return result.config;
}
