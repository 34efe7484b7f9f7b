import type { CheckJob } from '../server/checks/types.js';
import { matchesQuery } from '../server/processing/query.js';
import { toProcessedRecord } from '../server/processing/lifecycle.js';
import { isCheckStore, type CheckStore } from '../server/stores/check-store.js';
import { ConformanceError, count, equal, ok, rejects, same } from './check.js';
import { at, requestRecord, uniqueId, withStore } from './fixtures.js';
import { isDecisionStore } from '../server/stores/decision-store.js';
import type { StoreConformanceTarget, StoreUnderTest, TestFunctions } from './types.js';

function checkStore(instance: StoreUnderTest): CheckStore {
  if (!isCheckStore(instance.store)) throw new ConformanceError("The store lacks the CheckStore methods: add them, or list 'checks' in the target's `without`");
  return instance.store;
}

/** A pending job of `kind` for `requestId`, created and due `minutes` after the start. */
export function checkJobRecord(requestId: string, kind: CheckJob['kind'], minutes = 0): CheckJob {
  return { requestId, kind, state: 'pending', attempts: 0, createdAt: at(minutes), nextAttemptAt: at(minutes) };
}

/** A request stored with pending VAT and SIRET checks and their jobs. */
async function storedWithChecks(store: CheckStore, minutes = 0) {
  const record = requestRecord({ minutes, vatCheck: { state: 'pending', vatNumber: 'FR44732829320' }, siretCheck: { state: 'pending' } });
  const jobs = [checkJobRecord(record.id, 'vat', minutes), checkJobRecord(record.id, 'siret', minutes)];
  await store.create(record, { checks: jobs });
  return { record, jobs };
}

const kinds = (jobs: readonly CheckJob[]): string[] => jobs.map((job) => `${job.requestId}:${job.kind}`);

/** The checks of stored requests: jobs written with the request, claimed with a lock, finished with the result on the request. */
export function checkCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('request checks', () => {
    it('stores a request with its check states and jobs, all or nothing', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const { record, jobs } = await storedWithChecks(store);
        same((await store.get(record.id))?.vatCheck, { state: 'pending', vatNumber: 'FR44732829320' }, 'vatCheck as stored');
        same((await store.get(record.id))?.siretCheck, { state: 'pending' }, 'siretCheck as stored');
        same([...(await store.listChecks(record.id))].sort((a, b) => a.kind.localeCompare(b.kind)), [jobs[1], jobs[0]], 'the jobs as stored');
        // A duplicate id writes neither the request nor its jobs.
        const other = requestRecord();
        await rejects(store.create({ ...record }, { checks: [checkJobRecord(other.id, 'vat')] }), 'a duplicate id');
        same(await store.listChecks(other.id), [], 'jobs of a refused creation');
        equal((await store.get(requestRecord().id)), undefined, 'an unknown request');
        same(await store.listChecks('no-such-request'), [], 'jobs of an unknown request');
      }));

    it('claims due jobs oldest first, up to the limit, of one request when asked, and locks them', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const a = await storedWithChecks(store, 2);
        const b = await storedWithChecks(store, 1);
        const later = requestRecord({ vatCheck: { state: 'pending' } });
        await store.create(later, { checks: [{ ...checkJobRecord(later.id, 'vat', 0), nextAttemptAt: at(30) }] });
        same(kinds(await store.claimChecks({ now: at(5), lockedUntil: at(7), limit: 10, requestId: a.record.id })).sort(), kinds(a.jobs).sort(), 'the jobs of one request');
        const rest = await store.claimChecks({ now: at(5), lockedUntil: at(8), limit: 10 });
        same(kinds(rest).sort(), kinds(b.jobs).sort(), 'the other due jobs, locked ones and later ones left out');
        equal(rest[0]?.lockedUntil, at(8), 'lockedUntil of a claimed job');
        same(await store.claimChecks({ now: at(6), lockedUntil: at(9), limit: 10 }), [], 'nothing before the locks end');
        same(kinds(await store.claimChecks({ now: at(7), lockedUntil: at(9), limit: 10, requestId: 'no-such-request' })), [], 'an unknown request');
        same(kinds(await store.claimChecks({ now: at(31), lockedUntil: at(40), limit: 1 })).length, 1, 'a limit of one');
      }));

    it('finishes a claimed job: the result on the request, its version raised, the job done', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const { record } = await storedWithChecks(store);
        const [job] = await store.claimChecks({ now: at(1), lockedUntil: at(3), limit: 1, requestId: record.id });
        ok(job, 'a claimed job');
        const result = job.kind === 'vat'
          ? { vatCheck: { state: 'valid' as const, vatNumber: 'FR44732829320', checkedAt: at(2), name: 'SAS « Comptoir » Duval 🎉', address: '12 RUE DE LA PAIX, 75002 PARIS', consultationNumber: 'WAPIAAAAZ1' } }
          : { siretCheck: { state: 'closed' as const, checkedAt: at(2), name: 'COMPTOIR DUVAL' } };
        equal(await store.finishCheck(job, { state: 'done', at: at(2) }, result), true, 'finishing a held job');
        const stored = await store.get(record.id);
        same(job.kind === 'vat' ? stored?.vatCheck : stored?.siretCheck, 'vatCheck' in result ? result.vatCheck : result.siretCheck, 'the result on the request');
        same(job.kind === 'vat' ? stored?.siretCheck : stored?.vatCheck, job.kind === 'vat' ? { state: 'pending' } : { state: 'pending', vatNumber: 'FR44732829320' }, 'the other check untouched');
        equal(stored?.version, 2, 'version after a result');
        same(stored?.values, record.values, 'values untouched');
        const done = (await store.listChecks(record.id)).find((row) => row.kind === job.kind);
        equal(done?.state, 'done', 'state of a finished job');
        equal(done?.attempts, 1, 'attempts of a finished job');
        equal(done?.lockedUntil, undefined, 'lock of a finished job');
        same(kinds(await store.claimChecks({ now: at(60), lockedUntil: at(70), limit: 10, requestId: record.id })), [`${record.id}:${job.kind === 'vat' ? 'siret' : 'vat'}`], 'a done job is not claimed again');
      }));

    it('retries an unavailable check at its next attempt, then gives up', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const record = requestRecord({ vatCheck: { state: 'pending' } });
        await store.create(record, { checks: [checkJobRecord(record.id, 'vat')] });
        const unavailable = { vatCheck: { state: 'unavailable' as const, checkedAt: at(1), reason: 'MS_UNAVAILABLE' } };
        const [job] = await store.claimChecks({ now: at(1), lockedUntil: at(3), limit: 1 });
        ok(job, 'first claim');
        equal(await store.finishCheck(job, { state: 'pending', at: at(1), error: 'MS_UNAVAILABLE', nextAttemptAt: at(10) }, unavailable), true, 'an unavailable attempt');
        const waiting = (await store.listChecks(record.id))[0];
        same([waiting?.state, waiting?.attempts, waiting?.lastError, waiting?.nextAttemptAt, waiting?.lockedUntil], ['pending', 1, 'MS_UNAVAILABLE', at(10), undefined], 'the job waiting for its retry');
        equal((await store.get(record.id))?.vatCheck?.state, 'unavailable', 'the request says unavailable meanwhile');
        same(await store.claimChecks({ now: at(9), lockedUntil: at(11), limit: 1 }), [], 'nothing before the next attempt');
        const [retry] = await store.claimChecks({ now: at(10), lockedUntil: at(12), limit: 1 });
        equal(retry?.attempts, 1, 'attempts of the retried job');
        ok(retry, 'the retry');
        equal(await store.finishCheck(retry, { state: 'failed', at: at(10), error: 'MS_UNAVAILABLE' }, unavailable), true, 'the last attempt');
        equal((await store.listChecks(record.id))[0]?.state, 'failed', 'state once every attempt is spent');
        same(await store.claimChecks({ now: at(99), lockedUntil: at(100), limit: 1 }), [], 'a failed job is not claimed');
        equal((await store.get(record.id))?.version, 3, 'version after two results');
      }));

    it('writes nothing for a job whose claim was lost (taken over after its lock, or queued again)', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const record = requestRecord({ vatCheck: { state: 'pending' } });
        await store.create(record, { checks: [checkJobRecord(record.id, 'vat')] });
        const [stale] = await store.claimChecks({ now: at(1), lockedUntil: at(2), limit: 1 });
        const [fresh] = await store.claimChecks({ now: at(3), lockedUntil: at(5), limit: 1 });
        ok(stale && fresh, 'two claims, the second after the first lock');
        equal(await store.finishCheck(stale, { state: 'done', at: at(4) }, { vatCheck: { state: 'invalid', checkedAt: at(4) } }), false, 'the dead worker’s late finish');
        equal((await store.get(record.id))?.vatCheck?.state, 'pending', 'nothing written by it');
        equal((await store.get(record.id))?.version, 1, 'version untouched');
        const queued = await store.requeueChecks(record.id, [checkJobRecord(record.id, 'vat', 4)], [{ vatCheck: { state: 'pending', vatNumber: 'FR44732829320' } }]);
        equal(await store.finishCheck(fresh, { state: 'done', at: at(4) }, { vatCheck: { state: 'valid', checkedAt: at(4) } }), false, 'a finish after a requeue');
        equal(queued?.version, 2, 'version after a requeue');
        equal((await store.get(record.id))?.vatCheck?.state, 'pending', 'the requeued state stays');
        equal(await store.finishCheck(checkJobRecord(record.id, 'siret'), { state: 'done', at: at(4) }, { siretCheck: { state: 'open' } }), false, 'a job that does not exist');
      }));

    it('queues checks again: attempts from zero, due again, pending on the request; not for an unknown request', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const { record } = await storedWithChecks(store);
        for (const job of await store.claimChecks({ now: at(1), lockedUntil: at(3), limit: 10 })) {
          await store.finishCheck(job, { state: 'failed', at: at(2), error: 'timeout' }, job.kind === 'vat' ? { vatCheck: { state: 'unavailable', reason: 'timeout' } } : { siretCheck: { state: 'unavailable' } });
        }
        const results = [{ vatCheck: { state: 'pending' as const, vatNumber: 'FR44732829320' } }, { siretCheck: { state: 'pending' as const } }];
        const queued = await store.requeueChecks(record.id, [checkJobRecord(record.id, 'vat', 5), checkJobRecord(record.id, 'siret', 5)], results);
        same([queued?.vatCheck, queued?.siretCheck, queued?.version], [results[0]!.vatCheck, results[1]!.siretCheck, 4], 'the request as requeued');
        same([(await store.get(record.id))?.vatCheck, (await store.get(record.id))?.version], [results[0]!.vatCheck, 4], 'the request as stored');
        const jobs = await store.listChecks(record.id);
        same(jobs.map((job) => [job.state, job.attempts, job.lastError, job.nextAttemptAt]), [['pending', 0, undefined, at(5)], ['pending', 0, undefined, at(5)]], 'the jobs as requeued');
        equal((await store.claimChecks({ now: at(5), lockedUntil: at(6), limit: 10 })).length, 2, 'due again');
        equal(await store.requeueChecks('no-such-request', [checkJobRecord('no-such-request', 'vat')], results), undefined, 'an unknown request');
        same(await store.listChecks('no-such-request'), [], 'no job for it');
      }));

    if (!target.without?.includes('decisions')) {
      it("writes a correction's checks with it: the changed number's state and job anew, the other check as it was; nothing for a refused use", () =>
        withStore(target, async ({ first }) => {
          const store = checkStore(first);
          if (!isDecisionStore(store)) throw new ConformanceError("The store lacks the DecisionStore methods: add them, or list 'decisions' in the target's `without`");
          const { record } = await storedWithChecks(store);
          for (const job of await store.claimChecks({ now: at(1), lockedUntil: at(3), limit: 10 })) {
            await store.finishCheck(job, { state: 'done', at: at(2) }, job.kind === 'vat' ? { vatCheck: { state: 'valid', vatNumber: 'FR44732829320', checkedAt: at(2) } } : { siretCheck: { state: 'open', checkedAt: at(2) } });
          }
          const link = { hash: uniqueId('info'), requestId: record.id, message: 'Numéro de TVA ?', createdAt: at(4), expiresAt: at(60) };
          const ask = { at: at(4), actor: 'admin', changes: [{ field: 'status' as const, from: 'new', to: 'info-requested' }] };
          equal((await store.decide(record.id, { status: 'info-requested' }, 3, ask, { informationToken: link })).state, 'updated', 'sent back for information');
          const values = { ...record.values, vatNumber: 'FR40303265045' };
          const vatCheck = { state: 'pending' as const, vatNumber: 'FR40303265045' };
          const answer = { at: at(10), actor: 'applicant', changes: [{ field: 'status' as const, from: 'info-requested', to: 'in-progress' }] };
          const used = await store.useInformationToken(link.hash, at(10), { values, status: 'in-progress', vatCheck }, answer, { checks: [checkJobRecord(record.id, 'vat', 10)] });
          same([used?.vatCheck, used?.siretCheck, used?.version], [vatCheck, { state: 'open', checkedAt: at(2) }, 5], 'the corrected request');
          const stored = await store.get(record.id);
          same([stored?.vatCheck, stored?.siretCheck], [vatCheck, { state: 'open', checkedAt: at(2) }], 'as stored');
          const jobs = [...(await store.listChecks(record.id))].sort((a, b) => a.kind.localeCompare(b.kind));
          same(jobs.map((job) => [job.kind, job.state, job.attempts, job.createdAt]), [['siret', 'done', 1, at(0)], ['vat', 'pending', 0, at(10)]], 'the VAT job anew, the SIRET one as it was');
          same(kinds(await store.claimChecks({ now: at(10), lockedUntil: at(12), limit: 10 })), [`${record.id}:vat`], 'the new job, due');
          // A second use of the link writes neither a check state nor a job.
          const again = await store.useInformationToken(link.hash, at(11), { values, status: 'in-progress', siretCheck: { state: 'pending' } }, answer, { checks: [checkJobRecord(record.id, 'siret', 11)] });
          equal(again, undefined, 'a second use');
          same((await store.get(record.id))?.siretCheck, { state: 'open', checkedAt: at(2) }, 'the SIRET check, unchanged');
          same((await store.listChecks(record.id)).find((job) => job.kind === 'siret')?.state, 'done', 'the SIRET job, unchanged');
        }));
    }

    it('filters requests by the state of their VAT check, as matchesQuery does', () =>
      withStore(target, async ({ first }) => {
        const store = checkStore(first);
        const records = [
          requestRecord({ minutes: 1, vatCheck: { state: 'valid', checkedAt: at(1) } }),
          requestRecord({ minutes: 2, vatCheck: { state: 'invalid', checkedAt: at(2) } }),
          requestRecord({ minutes: 3, vatCheck: { state: 'unavailable' } }),
          requestRecord({ minutes: 4, vatCheck: { state: 'not-applicable' } }),
          requestRecord({ minutes: 5 }),
        ];
        for (const record of records) await store.create(record);
        for (const vatCheck of [['invalid'], ['valid', 'unavailable'], ['not-applicable'], ['pending']] as const) {
          const query = { vatCheck, limit: 10, offset: 0 };
          const expected = records.map(toProcessedRecord).filter((record) => matchesQuery(record, query)).map((record) => record.id).reverse();
          same((await store.query(query)).items.map((record) => record.id), expected, `vatCheck ${vatCheck.join(',')}`);
        }
        equal((await store.query({ vatCheck: [], limit: 10, offset: 0 })).total, 5, 'an empty filter');
      }));
  });
}

/** One due job, many workers: exactly one claims it (across two instances with a peer). */
export function checkConcurrencyCases({ it }: TestFunctions, target: StoreConformanceTarget, withPeer: boolean): void {
  const n = target.concurrency ?? 20;
  it(`gives a due check to exactly one of ${n} concurrent claims${withPeer ? ' across two instances' : ''}`, () =>
    withStore(target, async ({ first, peer }) => {
      const stores = [checkStore(first), ...(peer ? [checkStore(peer)] : [])];
      const record = requestRecord({ vatCheck: { state: 'pending' } });
      await stores[0]!.create(record, { checks: [checkJobRecord(record.id, 'vat')] });
      const claims = await Promise.all(Array.from({ length: n }, (_, i) => stores[i % stores.length]!.claimChecks({ now: at(1), lockedUntil: at(3), limit: 5 })));
      equal(count(claims.map((jobs) => jobs.length), 1), 1, 'claims that got the job');
      equal(count(claims.map((jobs) => jobs.length), 0), n - 1, 'claims that got nothing');
    }, { peer: withPeer }));
}
