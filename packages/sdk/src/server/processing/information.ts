import type { Condition, FieldEntry, FormConfig, SubmissionValues } from '../../types.js';
import type { HandlerContext } from '../http/context.js';
import { correctionMail, informationMail } from '../mail/index.js';
import type { InformationTokenRecord } from '../stores/decision-store.js';
import type { NotificationRecord } from '../stores/processing-store.js';
import { createActivationToken } from './activation.js';
import type { HistoryChange, ProcessedRecord } from './lifecycle.js';
import { notification } from './notifications.js';

/** How long a link to correct a request works by default: 30 days. */
export const DEFAULT_INFORMATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The link and e-mail of a request for information about `record`, or `undefined` when none can
 * be sent (no notifier, no `informationUrl`, no e-mail). The token (32 random bytes, like an
 * activation token) is stored as its SHA-256 only.
 */
export async function informationRequest(
  context: HandlerContext,
  record: ProcessedRecord,
  message: string,
  request: Request,
): Promise<{ token: InformationTokenRecord; mail: NotificationRecord } | undefined> {
  const { informationUrl, informationTtlMs = DEFAULT_INFORMATION_TTL_MS, siteName } = context.options;
  const email = record.values['email'];
  if (!context.outbox || !informationUrl || typeof email !== 'string' || email === '') return undefined;
  const { token, hash } = await createActivationToken();
  const now = context.now();
  const expiresAt = new Date(now.getTime() + informationTtlMs).toISOString();
  const link = informationUrl(token, request);
  const content = informationMail({ locale: record.locale, ...(siteName !== undefined ? { siteName } : {}), values: record.values, message, link, expiresAt });
  const mail = notification(context, { kind: 'information', to: email, requestId: record.id, dedupeKey: `${record.id}:information:${hash}`, content });
  return { token: { hash, requestId: record.id, message, createdAt: now.toISOString(), expiresAt }, mail };
}

// A condition with the tests of the fields a correction does not ask again answered from what
// the request holds (`true`/`false` when nothing else is left to test).
function settle(condition: Condition, notAsked: ReadonlySet<string>, held: ReadonlySet<string>): Condition | boolean {
  const group = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  if (group) {
    const every = 'all' in condition;
    const items = group.map((item) => settle(item, notAsked, held));
    // all: one false decides, trues drop out; any: the other way round.
    if (items.includes(!every)) return !every;
    const left = items.filter((item): item is Condition => typeof item !== 'boolean');
    if (left.length === 0) return every;
    if (left.length === 1) return left[0]!;
    return every ? { all: left } : { any: left };
  }
  const test = condition as Extract<Condition, { field: string }>;
  if (!notAsked.has(test.field)) return condition;
  if ('filled' in test) return held.has(test.field) === test.filled;
  // A file or a password is never one of a list's values.
  return 'notIn' in test;
}

/**
 * The config a correction is checked against (and its page's form shows): the form as
 * configured, without its password (an applicant correcting a request keeps the password they
 * chose, if any) nor its file fields (the files sent with the request stay with it: a
 * correction, posted as JSON or a classic form, changes values), and switched on: closing the
 * form to new requests does not leave an admin's request for information unanswerable. A
 * condition reading one of those fields is answered from what the request holds (`held`: the
 * ids of its file fields with files, `password` when it has one; see {@link heldFields}), so a
 * field shown because a file was sent stays shown, and one for "no file" stays hidden.
 */
export function correctionConfig(config: FormConfig, held: ReadonlySet<string> = new Set()): FormConfig {
  const notAsked = new Set(['password', ...config.customFields.filter((field) => field.type === 'file').map((field) => field.id)]);
  const fields = config.fields.map((entry): FieldEntry => {
    if (notAsked.has(entry.id)) return { ...entry, displayed: false, required: false };
    if (!entry.visibleWhen) return entry;
    const { visibleWhen, ...rest } = entry;
    const settled = settle(visibleWhen, notAsked, held);
    if (settled === true) return rest;
    return settled === false ? { ...rest, displayed: false, required: false } : { ...rest, visibleWhen: settled };
  });
  return { ...config, enabled: true, fields };
}

/** The fields a correction does not ask again that `record` holds: file fields with files, and `password` when one was chosen. */
export function heldFields(record: Pick<ProcessedRecord, 'files' | 'passwordHash'>): string[] {
  return [...new Set([...(record.files ?? []).map((file) => file.field), ...(record.passwordHash ? ['password'] : [])])];
}

const asChange = (value: string | boolean | number | undefined): string | boolean | null => (value === undefined || value === '' ? null : typeof value === 'number' ? String(value) : value);

/** One `value` change per field whose value differs between `before` and `after` (the password never counts), in `after`'s order. */
export function valueChanges(before: SubmissionValues, after: SubmissionValues): HistoryChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((key) => key !== 'password');
  const changes: HistoryChange[] = [];
  for (const key of keys) {
    const from = asChange(Object.hasOwn(before, key) ? before[key] : undefined);
    const to = asChange(Object.hasOwn(after, key) ? after[key] : undefined);
    if (from !== to) changes.push({ field: 'value', key, from, to });
  }
  return changes;
}

/** The sales team's alert of a correction (in `adminLocale`), or `undefined` without an alert address or notifier. */
export function correctionAlert(context: HandlerContext, record: ProcessedRecord, config: FormConfig, changedLabels: readonly string[], hash: string, request: Request): NotificationRecord | undefined {
  const alertTo = config.settings.alertEmail;
  if (!context.outbox || !alertTo) return undefined;
  const { siteName, adminLocale = 'en', adminRequestUrl } = context.options;
  const link = adminRequestUrl?.(record.id, request);
  const content = correctionMail({ locale: adminLocale, ...(siteName !== undefined ? { siteName } : {}), values: record.values, changed: changedLabels, ...(link ? { link } : {}) });
  return notification(context, { kind: 'alert', to: alertTo, requestId: record.id, dedupeKey: `${record.id}:correction:${hash}`, content });
}
