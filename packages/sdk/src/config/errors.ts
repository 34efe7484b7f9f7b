import { AccountRequestError } from '../errors.js';

/**
 * Every rule a config (or a config edit) can break, one stable code each, like a
 * `FieldError`'s code: a UI words it with `configIssueMessage(issue, locale)`, in any locale.
 *
 * Shape: `required` (absent), `invalid_type` (`expected`), `too_long` (`max` characters),
 * `too_small` / `too_big` (a number below `min` / above `max`), `too_many` (`max` items),
 * `too_many_locales` (`max`), `invalid_value` (not one of `values`), `invalid_locale` (a map key
 * that is no locale tag), `unreadable` (a value that threw while read), `invalid` (no rule
 * known: a server's issue without one).
 * Custom fields: `invalid_id`, `reserved_id`, `catalog_id`, `duplicate_id` (`id`),
 * `missing_label`, `missing_options` (`type`), `missing_option_value`, `missing_option_label`,
 * `duplicate_option` (`value`), `options_not_allowed` (`type`), `not_applicable` (`type`:
 * format and lengths on a type that is not text-like), `min_exceeds_max`,
 * `unknown_custom_field` / `not_custom` (`id`, edits of a field that is not a custom one).
 * File fields: `missing_file_kinds` (an empty `accept`).
 * Field list: `unknown_field`, `duplicate_field` (`id`). Settings: `invalid_email`, `unsafe_redirect`.
 * Conditions (`visibleWhen`): `invalid_condition` (none of the five forms, or an empty list),
 * `condition_too_deep` (`max` levels of all / any), `unknown_field` (`id`), `condition_operator`
 * (`id`: `in` / `notIn` on a field whose values are not a list), `condition_value` (`id`,
 * `value`: a value the field does not offer), `locked_condition` (`id`: a locked field or the
 * customer type), `condition_cycle` (`id`), `field_in_use` (`id`, `by`: removing a field a
 * condition reads). Steps: `unknown_field`, `duplicate_step` (`id`), `missing_step_title`,
 * `unknown_step` (`id`: an edit of a break that does not exist). Server: `bot_check_unavailable`
 * (a save switching `settings.botCheck` on where the handler has no `botCheck` option).
 */
export type ConfigIssueCode =
  | 'invalid'
  | 'unreadable'
  | 'required'
  | 'invalid_type'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'too_many'
  | 'too_many_locales'
  | 'invalid_value'
  | 'invalid_locale'
  | 'invalid_id'
  | 'reserved_id'
  | 'catalog_id'
  | 'duplicate_id'
  | 'missing_label'
  | 'missing_options'
  | 'missing_option_value'
  | 'missing_option_label'
  | 'duplicate_option'
  | 'options_not_allowed'
  | 'not_applicable'
  | 'min_exceeds_max'
  | 'unknown_custom_field'
  | 'not_custom'
  | 'unknown_field'
  | 'duplicate_field'
  | 'invalid_email'
  | 'unsafe_redirect'
  | 'missing_file_kinds'
  | 'bot_check_unavailable'
  | 'invalid_condition'
  | 'condition_too_deep'
  | 'condition_operator'
  | 'condition_value'
  | 'locked_condition'
  | 'condition_cycle'
  | 'field_in_use'
  | 'duplicate_step'
  | 'missing_step_title'
  | 'unknown_step';

/**
 * One problem found in a config: where (`['fields', 3, 'id']`), which rule (`code`, with the
 * values its wording uses in `params`) and what, in English for developers and logs. An issue
 * read from a server's 422 carries the code the server sent, which may be one a newer version
 * added: `configIssueMessage` words a code it does not know as `invalid`.
 */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly code: ConfigIssueCode;
  readonly params?: Readonly<Record<string, string | number>>;
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
    const list: readonly ConfigIssue[] = issues.length ? issues : [{ path: [], code: 'invalid', message: 'invalid config' }];
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
