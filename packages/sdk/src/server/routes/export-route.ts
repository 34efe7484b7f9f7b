import { FIELD_CATALOG } from '../../catalog.js';
import { requireAdmin } from '../http/admin.js';
import type { HandlerContext } from '../http/context.js';
import { toCsv } from '../processing/csv.js';
import type { ProcessedRecord } from '../processing/lifecycle.js';
import { requireProcessing } from './processing-routes.js';
import { problem } from '../http/problem.js';
import { readRequestQuery } from '../processing/request-query.js';

const PAGE = 200;
/** Most rows one export holds; past it the route answers 413 and asks for narrower filters. */
export const EXPORT_MAX_ROWS = 50_000;

const META = ['id', 'createdAt', 'status', 'inAccount', 'activatedAt', 'locale', 'access', 'note'] as const;

// A file field's cell: the names of its files, never their content.
function fileNames(record: ProcessedRecord, field: string): string | undefined {
  const names = (record.files ?? []).filter((file) => file.field === field).map((file) => file.name);
  return names.length > 0 ? names.join('; ') : undefined;
}

function cell(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === undefined || value === null ? undefined : JSON.stringify(value);
}

/**
 * `GET {base}/export.csv?<the list filters>`: admin. The matching requests as CSV (UTF-8 with a
 * BOM, CRLF, RFC 4180 quoting, formula-like cells neutralized): processing columns, then every
 * catalog field but the password, then the config's custom fields (a file field: its files' names;
 * one whose id is a processing column's, such as `note`, headed `field:note`).
 */
export async function exportRequests(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const store = requireProcessing(context);
  const query = readRequestQuery(new URL(request.url).searchParams);
  const { config } = await context.currentConfig();
  const fields = [...FIELD_CATALOG.map((field) => field.id as string).filter((id) => id !== 'password'), ...config.customFields.map((field) => field.id)];
  const files = new Set(config.customFields.filter((field) => field.type === 'file').map((field) => field.id));
  const records: ProcessedRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.store(() => store.query({ ...query, limit: PAGE, offset }));
    if (page.total > EXPORT_MAX_ROWS) return problem(413, `The export is limited to ${EXPORT_MAX_ROWS} requests: narrow the filters.`);
    records.push(...page.items);
    if (page.items.length === 0 || offset + PAGE >= page.total) break;
  }
  // A custom field named like a processing column ("Note" gives the id `note`) is told apart in the header.
  const taken = new Set<string>(META);
  const rows = [
    [...META, ...fields.map((id) => (taken.has(id) ? `field:${id}` : id))],
    ...records.map((record) => [...META.map((name) => cell(record[name])), ...fields.map((id) => (files.has(id) ? fileNames(record, id) : Object.hasOwn(record.values, id) ? cell(record.values[id]) : undefined))]),
  ];
  const day = context.now().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="account-requests-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
