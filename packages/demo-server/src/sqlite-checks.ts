import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { AccountRequestRecord, CheckJob, CheckResult, CheckStore } from '@account-request/sdk/server';
import { rowAs, rowsAs } from './database.js';
import { REQUEST_COLUMNS, toRecord, type RequestRow } from './sqlite-rows.js';
import { writeQueue } from './write-queue.js';

/** The check methods of the SQLite store; `insert` writes a new request's check states and jobs inside its creation. */
export type SqliteChecks = Pick<CheckStore, 'claimChecks' | 'finishCheck' | 'requeueChecks' | 'listChecks'> & {
  insert(record: AccountRequestRecord, jobs: readonly CheckJob[]): void;
};

interface JobRow {
  request_id: string;
  kind: CheckJob['kind'];
  state: CheckJob['state'];
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
}

function toJob(row: JobRow): CheckJob {
  return {
    requestId: row.request_id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    ...(row.locked_until !== null ? { lockedUntil: row.locked_until } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
  };
}

/** The column and JSON of one result: `vat_check_json` or `siret_check_json`. */
function resultColumn(result: CheckResult): [string, string] {
  return 'vatCheck' in result ? ['vat_check_json', JSON.stringify(result.vatCheck)] : ['siret_check_json', JSON.stringify(result.siretCheck)];
}

/**
 * The checks in `db` (schema step 6): one `check_jobs` row per request and kind, the results in
 * the request's `vat_check_json` and `siret_check_json`. Every write goes through the group
 * commit, the job's outcome and its request's result in one unit.
 */
export function createSqliteChecks(db: DatabaseSync): SqliteChecks {
  const queue = writeQueue(db);
  const insertJob = db.prepare(
    `INSERT INTO check_jobs (request_id, kind, state, attempts, created_at, next_attempt_at, locked_until, last_error) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)
     ON CONFLICT (request_id, kind) DO UPDATE SET state = excluded.state, attempts = excluded.attempts, created_at = excluded.created_at,
       next_attempt_at = excluded.next_attempt_at, locked_until = NULL, last_error = NULL`,
  );
  const writeStates = db.prepare('UPDATE requests SET vat_check_json = ?, siret_check_json = ? WHERE id = ?');
  const finish = db.prepare(
    `UPDATE check_jobs SET state = ?, attempts = attempts + 1, next_attempt_at = coalesce(?, next_attempt_at), locked_until = NULL, last_error = ?
     WHERE request_id = ? AND kind = ? AND state = 'pending' AND locked_until = ?`,
  );
  const listJobs = db.prepare("SELECT * FROM check_jobs WHERE request_id = ? ORDER BY CASE kind WHEN 'vat' THEN 0 ELSE 1 END");
  const getRow = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = ?`);
  // One statement per (result column, request filter) shape, prepared once.
  const statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const writeResults = (requestId: string, results: readonly CheckResult[]): boolean => {
    const columns = results.map(resultColumn);
    const sets = columns.map(([column]) => `${column} = ?`).join(', ');
    const sql = `UPDATE requests SET ${sets ? `${sets}, ` : ''}version = version + 1 WHERE id = ?`;
    return prepared(sql).run(...columns.map(([, json]) => json), requestId).changes === 1;
  };

  return {
    insert(record, jobs) {
      if (record.vatCheck || record.siretCheck) {
        writeStates.run(record.vatCheck ? JSON.stringify(record.vatCheck) : null, record.siretCheck ? JSON.stringify(record.siretCheck) : null, record.id);
      }
      for (const job of jobs) insertJob.run(job.requestId, job.kind, job.state, job.attempts, job.createdAt, job.nextAttemptAt);
    },
    async claimChecks({ now, lockedUntil, limit, requestId }) {
      const only = requestId === undefined ? '' : ' AND request_id = ?';
      // One statement: SQLite runs it under the write lock, so two workers never claim one job.
      const sql = `UPDATE check_jobs SET locked_until = ? WHERE rowid IN (
          SELECT rowid FROM check_jobs WHERE state = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)${only}
          ORDER BY created_at, rowid LIMIT ?) RETURNING *`;
      const params: SQLInputValue[] = [lockedUntil, now, now, ...(requestId === undefined ? [] : [requestId]), limit];
      const rows = await queue.write(() => prepared(sql).all(...params));
      return rowsAs<JobRow>(rows).map(toJob).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    },
    async finishCheck(job, outcome, result) {
      if (job.lockedUntil === undefined) return false;
      const lock = job.lockedUntil;
      return queue.write(() => {
        const next = outcome.state === 'pending' ? outcome.nextAttemptAt : null;
        const error = outcome.state === 'done' ? null : outcome.error;
        if (finish.run(outcome.state, next, error, job.requestId, job.kind, lock).changes !== 1) return false;
        writeResults(job.requestId, [result]);
        return true;
      });
    },
    async requeueChecks(requestId, jobs, results) {
      return queue.write(() => {
        if (!writeResults(requestId, results)) return undefined;
        for (const job of jobs) insertJob.run(requestId, job.kind, 'pending', 0, job.createdAt, job.nextAttemptAt);
        const row = rowAs<RequestRow>(getRow.get(requestId));
        return row ? toRecord(row) : undefined;
      });
    },
    async listChecks(requestId) {
      return rowsAs<JobRow>(listJobs.all(requestId)).map(toJob);
    },
  };
}
