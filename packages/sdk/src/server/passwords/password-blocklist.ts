import type { FormConfig } from '../../types.js';
import { validateSubmission, type ValidationResult } from '../../validation/index.js';
import { isCommonPassword } from './common-passwords.js';
import { type HandlerContext, unavailable } from '../http/context.js';

/**
 * Whether the handler's blocklist (its `isCommonPassword` option, else the built-in list)
 * refuses `password`. A check that throws or rejects is a 503: the client retries later.
 */
export async function isBlockedPassword(context: HandlerContext, password: string): Promise<boolean> {
  const check = context.options.isCommonPassword ?? isCommonPassword;
  try {
    return await check(password);
  } catch {
    throw unavailable('The password check is unavailable; try again later.');
  }
}

/**
 * `validateSubmission` with the handler's blocklist, which may answer with a promise (a range
 * query) while validation is synchronous: a first pass collects the passwords that passed the
 * other rules, their verdicts are awaited, and a second pass runs only when one is refused.
 */
export async function validateWithBlocklist(context: HandlerContext, config: FormConfig, body: unknown, locale: string): Promise<ValidationResult> {
  const asked = new Set<string>();
  const first = validateSubmission(config, body, { locale, isCommonPassword: (password) => (asked.add(password), false) });
  const refused = new Set<string>();
  for (const password of asked) if (await isBlockedPassword(context, password)) refused.add(password);
  return refused.size === 0 ? first : validateSubmission(config, body, { locale, isCommonPassword: (password) => refused.has(password) });
}
