import { isBlank, oneLine } from '../validation/validators/text.js';
import { CONFIG_LIMITS as L } from './limits.js';
import { bad, INVALID, string, type Rule } from './shape.js';

/**
 * An option's value, or a value a condition tests: what a select or a radio submits. Kept as a
 * submission carries it back (see `oneLine`): a value with an outer space, a control or a bidi
 * character could be shown but never accepted, and a required field offering only such values
 * could never be sent. Never empty.
 */
export const choiceValue: Rule<string> = (v, path, issues) => {
  const text = string(L.maxOptionValueLength)(v, path, issues);
  if (text === INVALID) return INVALID;
  const value = oneLine(text);
  return isBlank(value) ? bad(issues, path, 'missing_option_value', 'must not be empty') : value;
};
