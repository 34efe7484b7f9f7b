/**
 * `validateSubmission` used directly on the server, without the HTTP handler: requests that
 * reached you another way (a trade-fair spreadsheet, a partner's feed) are checked against the
 * very rules the form enforces, and only the valid ones are stored.
 */
import { parseConfig, validateSubmission, type FieldError } from '@account-request/sdk';
import type { RequestStore } from '@account-request/sdk/server';

/** What happened to each imported row. */
export interface ImportReport {
  /** Ids of the stored requests, in row order. */
  readonly created: readonly string[];
  /** Rows refused, by index, with every problem in the rows' locale. */
  readonly rejected: readonly { readonly row: number; readonly errors: readonly FieldError[] }[];
}

/**
 * Validates each row (`{ fieldId: value }`) against `config` and stores the valid ones as
 * pending requests. Hidden fields and unknown columns are dropped by the validation, so they
 * never reach the store.
 */
export async function importRequests(
  configInput: unknown,
  rows: readonly Readonly<Record<string, unknown>>[],
  store: RequestStore,
  locale = 'fr',
): Promise<ImportReport> {
  const config = parseConfig(configInput);
  const created: string[] = [];
  const rejected: { row: number; errors: readonly FieldError[] }[] = [];
  for (const [row, values] of rows.entries()) {
    // The people in the sheet signed the paper form, which carries the confirmation box.
    const result = validateSubmission(config, { values, confirmed: true, locale }, { locale });
    if (!result.success) {
      rejected.push({ row, errors: result.errors });
      continue;
    }
    const id = crypto.randomUUID();
    await store.create({ id, createdAt: new Date().toISOString(), values: result.data.values, locale: result.data.locale, access: 'none', status: 'new' });
    created.push(id);
  }
  return { created, rejected };
}
