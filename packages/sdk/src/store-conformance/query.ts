import { toProcessedRecord, type ProcessedRecord } from '../server/processing/lifecycle.js';
import { compareRecords, matchesQuery } from '../server/processing/query.js';
import type { ProcessingStore, RequestQuery } from '../server/stores/processing-store.js';
import type { AccountRequestRecord } from '../server/stores/store.js';
import { equal, same } from './check.js';
import { at, requestRecord, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

// Ties on purpose: two companies fold to the same key, two requests share a date, statuses repeat.
const DATASET: readonly AccountRequestRecord[] = [
  requestRecord({ id: 'q1', minutes: 0, status: 'new', values: { companyName: 'Société Générale', email: 'contact@sg.example', siret: '552 120 222 00013' } }),
  requestRecord({ id: 'q2', minutes: 60, status: 'in-progress', inAccount: true, values: { companyName: 'Atelier Durand', email: 'paul@durand.example', siret: '73282932000074' } }),
  requestRecord({ id: 'q3', minutes: 60, status: 'accepted', values: { companyName: 'SOCIETE  generale', email: 'achats@sg2.example' } }),
  requestRecord({ id: 'q4', minutes: 1440, status: 'rejected', values: { companyName: 'Zoé & Cie 100%', email: 'zoe@cie.example' } }),
  requestRecord({ id: 'q5', minutes: 1500, status: 'new', inAccount: true, values: { companyName: 'atelier durand', email: 'JEANNE@Durand.example' } }),
  requestRecord({ id: 'q6', minutes: 2880, status: 'new', values: { companyName: 'Éts Bernard', email: 'b@bernard.example', siret: '40483304800022' } }),
  requestRecord({ id: 'q7', minutes: 2881, status: 'in-progress', values: { email: 'sans-nom@example.fr' } }),
];

// Each query is checked against the SDK's reference semantics (matchesQuery, compareRecords)
// over the dataset in creation order.
const QUERIES: readonly (Omit<RequestQuery, 'limit' | 'offset'> & { readonly name: string })[] = [
  { name: 'no filter' },
  { name: 'createdAt ascending', sort: 'createdAt', order: 'asc' },
  { name: 'status new', status: ['new'] },
  { name: 'statuses in-progress and rejected', status: ['in-progress', 'rejected'] },
  { name: 'in account', inAccount: true },
  { name: 'not in account', inAccount: false },
  { name: 'text without accents finds accents', q: 'societe' },
  { name: 'text in another case', q: 'DURAND' },
  { name: 'text in the e-mail', q: 'sg2.example' },
  { name: 'SIRET typed with spaces', q: '732 829 320' },
  { name: 'SIRET digits of a SIRET stored with spaces', q: '552120222' },
  { name: 'percent sign is plain text', q: '%' },
  { name: 'underscore is plain text', q: '_' },
  { name: 'text nowhere', q: 'introuvable' },
  { name: 'from (inclusive)', from: at(60) },
  { name: 'to (exclusive)', to: at(60) },
  { name: 'from and to', from: at(60), to: at(2880) },
  { name: 'company ascending (ties newest first)', sort: 'companyName', order: 'asc' },
  { name: 'company descending', sort: 'companyName', order: 'desc' },
  { name: 'status ascending', sort: 'status', order: 'asc' },
  { name: 'status descending', sort: 'status', order: 'desc' },
  { name: 'filters combined', status: ['new', 'in-progress'], inAccount: true, q: 'atelier', sort: 'companyName', order: 'asc' },
];

function expected(query: RequestQuery): { ids: string[]; total: number } {
  const records = DATASET.map(toProcessedRecord);
  const position = new Map(records.map((record, index) => [record.id, index]));
  const matching = records.filter((record) => matchesQuery(record, query)).sort(compareRecords(query, (record: ProcessedRecord) => position.get(record.id) ?? 0));
  return { ids: matching.slice(query.offset, query.offset + query.limit).map((record) => record.id), total: matching.length };
}

async function check(store: ProcessingStore, query: RequestQuery, name: string): Promise<void> {
  const page = await store.query(query);
  const want = expected(query);
  same(page.items.map((record) => record.id), want.ids, `query ${name}: ids in order`);
  equal(page.total, want.total, `query ${name}: total`);
}

/** `query`: filters, text search, sorts with their tie-breaks, paging. */
export function queryCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('queries', () => {
    it('filters, searches and sorts as the SDK defines it', () =>
      withStore(target, async ({ first: { store } }) => {
        for (const record of DATASET) await store.create(record);
        for (const { name, ...query } of QUERIES) await check(store, { ...query, limit: 50, offset: 0 }, name);
      }));

    it('pages with limit and offset, the total counting every match', () =>
      withStore(target, async ({ first: { store } }) => {
        for (const record of DATASET) await store.create(record);
        for (const [limit, offset] of [[2, 0], [2, 2], [3, 6], [5, 10]] as const) {
          await check(store, { sort: 'companyName', order: 'asc', limit, offset }, `limit ${limit} offset ${offset}`);
        }
      }));

    it('returns records with every processing member, and sees updates', () =>
      withStore(target, async ({ first: { store } }) => {
        for (const record of DATASET) await store.create(record);
        const page = await store.query({ status: ['new'], limit: 50, offset: 0 });
        same(page.items.map((record) => record.id), ['q6', 'q5', 'q1'], 'new requests, newest first');
        same(page.items.find((record) => record.id === 'q6'), toProcessedRecord(DATASET[5]!), 'the request as stored');
        await store.update('q1', { status: 'in-progress' }, 1, { at: at(3000), actor: 'admin', changes: [{ field: 'status', from: 'new', to: 'in-progress' }] });
        same((await store.query({ status: ['new'], limit: 50, offset: 0 })).items.map((record) => record.id), ['q6', 'q5'], 'new requests after an update');
      }));
  });
}
