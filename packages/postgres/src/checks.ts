import type { CheckJob, CheckResult, CheckStore } from '@account-request/sdk/server';
import { transaction, type Database } from './database.js';
import { REQUEST_COLUMNS, toRecord, type RequestRow } from './rows.js';

/** The check methods of the PostgreSQL store. */
export type PostgresChecks = Pick<CheckStore, 'claimChecks' | 'finishCheck' | 'requeueChecks' | 'listChecks'>;

const JOB_COLUMNS = 'request_id, kind, state, attempts, created_at, next_attempt_at, locked_until, last_error';

interface JobRow {
  request_id: string;
  kind: CheckJob['kind'];
  state: CheckJob['state'];
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  locked_until: Date | null;
  last_error: string | null;
}

function toJob(row: JobRow): CheckJob {
  return {
    requestId: row.request_id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.next_attempt_at.toISOString(),
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until.toISOString() } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
  };
}

/** Jobs as one json parameter for {@link insertChecksSql}. */
export function checksParam(jobs: readonly CheckJob[]): string {
  return JSON.stringify(jobs.map((job) => ({ request_id: job.requestId, kind: job.kind, state: job.state, attempts: job.attempts, created_at: job.createdAt, next_attempt_at: job.nextAttemptAt })));
}

/**
 * `INSERT … SELECT` of the jobs in json parameter `$param`, replacing a request's job of the
 * same kind (fresh: unlocked, no error); `guard` is an extra condition (e.g. that the request
 * row was written by the same statement).
 */
export function insertChecksSql(param: string, guard = 'true'): string {
  return `INSERT INTO check_jobs (request_id, kind, state, attempts, created_at, next_attempt_at)
    SELECT request_id, kind, state, attempts, created_at, next_attempt_at FROM json_to_recordset(${param}::json) AS j(
      request_id text, kind text, state text, attempts integer, created_at timestamptz, next_attempt_at timestamptz)
    WHERE ${guard}
    ON CONFLICT (request_id, kind) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, created_at = excluded.created_at,
      next_attempt_at = excluded.next_attempt_at, locked_until = NULL, last_error = NULL`;
}

/** The `SET` list and parameters writing `results` on a request, parameters numbered from `first`. */
function resultSets(results: readonly CheckResult[], first: number): { sets: string[]; params: string[] } {
  const sets: string[] = [];
  const params: string[] = [];
  for (const result of results) {
    const [column, value] = 'vatCheck' in result ? ['vat_check', result.vatCheck] : ['siret_check', result.siretCheck];
    params.push(JSON.stringify(value));
    sets.push(`${column} = $${first + params.length - 1}::json`);
  }
  return { sets, params };
}

// A service's error code only, but PostgreSQL text cannot hold NUL.
const errorText = (error: string): string => error.replaceAll('\0', '');

/**
 * The checks on `db` (migration 4): `check_jobs` (one row per request and kind) and the results
 * in `account_requests.vat_check` / `siret_check`. A claim locks with `FOR UPDATE SKIP LOCKED`
 * (one worker per job across instances); a finish is one statement that updates the job only
 * while its claim holds and, only then, writes the result and raises the version.
 */
export function createPostgresChecks({ pool }: Database): PostgresChecks {
  return {
    async claimChecks({ now, lockedUntil, limit, requestId }) {
      // MATERIALIZED: the locking select runs once, before the update, whatever the planner prefers.
      const { rows } = await pool.query<JobRow>(
        `WITH due AS MATERIALIZED (
           SELECT request_id, kind FROM check_jobs
           WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)${requestId !== undefined ? ' AND request_id = $4' : ''}
           ORDER BY created_at, request_id, kind LIMIT $3
           FOR UPDATE SKIP LOCKED)
         UPDATE check_jobs AS j SET locked_until = $2 FROM due WHERE j.request_id = due.request_id AND j.kind = due.kind
         RETURNING ${JOB_COLUMNS.split(', ').map((column) => `j.${column}`).join(', ')}`,
        [now, lockedUntil, limit, ...(requestId !== undefined ? [requestId] : [])],
      );
      rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.request_id.localeCompare(b.request_id) || a.kind.localeCompare(b.kind));
      return rows.map(toJob);
    },
    async finishCheck(job, outcome, result) {
      if (job.lockedUntil === undefined) return false;
      const { sets, params } = resultSets([result], 7);
      // The request row first, as every write that touches a request and its jobs (`erase`
      // deletes them under that lock): a finish racing an erasure waits instead of deadlocking.
      const { rows } = await transaction(pool, async (client) => {
        await client.query('SELECT 1 FROM account_requests WHERE id = $1 FOR UPDATE', [job.requestId]);
        return client.query<{ finished: number }>(
          `WITH finished AS (
             UPDATE check_jobs SET state = $1, attempts = attempts + 1, next_attempt_at = coalesce($2::timestamptz, next_attempt_at), locked_until = NULL, last_error = $3
             WHERE request_id = $4 AND kind = $5 AND state = 'pending' AND locked_until = $6::timestamptz
             RETURNING request_id),
           written AS (
             UPDATE account_requests SET ${sets.join(', ')}, version = version + 1
             WHERE id = $4 AND EXISTS (SELECT 1 FROM finished))
           SELECT count(*)::integer AS finished FROM finished`,
          [
            outcome.state,
            outcome.state === 'pending' ? outcome.nextAttemptAt : null,
            outcome.state === 'done' ? null : errorText(outcome.error),
            job.requestId,
            job.kind,
            job.lockedUntil,
            ...params,
          ],
        );
      });
      return rows[0]?.finished === 1;
    },
    async requeueChecks(requestId, jobs, results) {
      const { sets, params } = resultSets(results, 3);
      const { rows } = await pool.query<RequestRow>(
        `WITH written AS (
           UPDATE account_requests SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1
           RETURNING ${REQUEST_COLUMNS}),
         queued AS (${insertChecksSql('$2', 'EXISTS (SELECT 1 FROM written)')})
         SELECT * FROM written`,
        [requestId, checksParam(jobs.map((job) => ({ ...job, requestId, state: 'pending', attempts: 0 }))), ...params],
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async listChecks(requestId) {
      const { rows } = await pool.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM check_jobs WHERE request_id = $1 ORDER BY CASE kind WHEN 'vat' THEN 0 ELSE 1 END`, [requestId]);
      return rows.map(toJob);
    },
  };
}
