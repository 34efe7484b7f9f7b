import { AccountRequestError } from '../errors.js';

/** One problem found in a config: where (`['fields', 3, 'id']`) and what, in English. */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Renders a path as `fields[3].id` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(root)';
}

/**
 * A config (or a config edit) broke a rule. `issues` lists every problem found, each with its
 * path, so an editor or an API response can point at all of them at once.
 */
export class ConfigError extends AccountRequestError {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const list = issues.length ? issues : [{ path: [], message: 'invalid config' }];
    const head = list
      .slice(0, 5)
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
      .join('; ');
    const more = list.length > 5 ? ` (and ${list.length - 5} more)` : '';
    super(`Invalid config: ${head}${more}`, options);
    this.issues = list;
  }
}

/** True for a {@link ConfigError}, also across bundles where `instanceof` fails. */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === 'ConfigError' && Array.isArray((error as ConfigError).issues);
}
