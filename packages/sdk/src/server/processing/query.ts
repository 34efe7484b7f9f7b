import { REQUEST_STATUSES, type ProcessedRecord } from './lifecycle.js';
import type { RequestQuery } from '../stores/processing-store.js';
import type { AccountRequestRecord } from '../stores/store.js';

/**
 * Lower case without accents or spacing differences (`Société  Générale` → `societe generale`):
 * the form in which text searches and company sorts compare, so `é` finds `e` and `E`.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const valueText = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What a text search of requests looks in: the folded company name, e-mail and SIRET (the
 * SIRET also without its spaces), one per line. A SQL store can keep it in a column.
 */
export function searchText(record: Pick<AccountRequestRecord, 'values'>): string {
  const siret = valueText(record.values['siret']);
  return [foldText(valueText(record.values['companyName'])), foldText(valueText(record.values['email'])), foldText(siret), siret.replace(/\D/g, '')].join('\n');
}

/** The folded company name, the key of a `companyName` sort. */
export function companyKey(record: Pick<AccountRequestRecord, 'values'>): string {
  return foldText(valueText(record.values['companyName']));
}

/**
 * The folded forms of a search text to look for in {@link searchText}: the text itself, and for
 * a number typed with spaces or dots (`732 829 320`) also its digits alone. A record matches when
 * it contains any of them. Empty for a blank search.
 */
export function searchNeedles(q: string | undefined): string[] {
  const needle = foldText(q ?? '');
  if (needle === '') return [];
  const digits = needle.replace(/[\s.]/g, '');
  return /^\d+$/.test(digits) && digits !== needle ? [needle, digits] : [needle];
}

/** True when `record` passes every filter of `query`. */
export function matchesQuery(record: ProcessedRecord, query: RequestQuery): boolean {
  if (query.status && query.status.length > 0 && !query.status.includes(record.status)) return false;
  if (query.inAccount !== undefined && record.inAccount !== query.inAccount) return false;
  if (query.vatCheck && query.vatCheck.length > 0 && !(record.vatCheck && query.vatCheck.includes(record.vatCheck.state))) return false;
  if (query.from !== undefined && record.createdAt < query.from) return false;
  if (query.to !== undefined && record.createdAt >= query.to) return false;
  const needles = searchNeedles(query.q);
  if (needles.length === 0) return true;
  const haystack = searchText(record);
  return needles.some((needle) => haystack.includes(needle));
}

/**
 * Orders records as {@link RequestQuery} asks. `position` is each record's creation order
 * (higher is newer), the tie-breaker: by date it follows the chosen direction; for equal
 * company names or statuses the newest comes first.
 */
export function compareRecords(query: Pick<RequestQuery, 'sort' | 'order'>, position: (record: ProcessedRecord) => number): (a: ProcessedRecord, b: ProcessedRecord) => number {
  const direction = query.order === 'asc' ? 1 : -1;
  const key = (record: ProcessedRecord): string | number => {
    if (query.sort === 'companyName') return companyKey(record);
    if (query.sort === 'status') return REQUEST_STATUSES.indexOf(record.status);
    return record.createdAt;
  };
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    if (left !== right) return (left < right ? -1 : 1) * direction;
    const newestFirst = query.sort === 'companyName' || query.sort === 'status' ? -1 : direction;
    return (position(a) - position(b)) * newestFirst;
  };
}
