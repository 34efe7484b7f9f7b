import type { ConfigIssue } from '../config/errors.js';
import { formatMessage } from './format.js';
import { issues as en } from './locales/en/issues.js';
import { issues as fr } from './locales/fr/issues.js';
import { registerLocale, texts } from './registry.js';

// Only the editor words config issues: the tables come with this function, not with `core`,
// so a bundle that never calls it (the form's) carries none of them.
registerLocale('en', { issues: en });
registerLocale('fr', { issues: fr });

/**
 * How an admin reads a config issue in `locale`: the wording of its `code` with its `params`
 * (an editor shows this beside the control the issue's path points at).
 */
export function configIssueMessage(issue: Pick<ConfigIssue, 'code' | 'params'>, locale?: string): string {
  const table: Readonly<Record<string, string>> = texts('issues', locale);
  return formatMessage(Object.hasOwn(table, issue.code) ? (table[issue.code] as string) : table['invalid'] as string, issue.params);
}
