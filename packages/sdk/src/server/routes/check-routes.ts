import { requireAdmin } from '../http/admin.js';
import type { HandlerContext } from '../http/context.js';
import { problem } from '../http/problem.js';
import { checkJob } from '../checks/plan.js';
import type { CheckJob, CheckResult } from '../checks/types.js';
import { toProcessedRecord } from '../processing/lifecycle.js';
import { erasedProblem, recordResponse } from './processing-routes.js';

/**
 * `POST {base}/{id}/checks`: admin ("check again"). Queues the request's checks anew (pending,
 * attempts from zero, in the store's jobs), runs them at once and answers the request with
 * their results (200, with its new ETag); a service that cannot answer leaves the check
 * `unavailable`, retried later. 501 when the handler runs no checks.
 */
export async function postChecks(context: HandlerContext, request: Request, id: string): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:write');
  const checks = context.checks;
  if (!checks) return problem(501, 'The handler runs no checks (see the checks option).');
  const stored = await context.store(() => checks.store.get(id));
  if (!stored) return problem(404, 'No account request has this id.');
  if (stored.erasedAt !== undefined) return erasedProblem('checked');
  const at = context.now().toISOString();
  const plan = checks.plan(stored, at);
  const results: CheckResult[] = [];
  if (plan.vatCheck) results.push({ vatCheck: plan.vatCheck });
  if (plan.siretCheck) results.push({ siretCheck: plan.siretCheck });
  const jobs: CheckJob[] = plan.jobs.map((job) => checkJob(job.requestId, job.kind, at));
  const queued = await context.store(() => checks.store.requeueChecks(id, jobs, results));
  if (!queued) return problem(404, 'No account request has this id.');
  // The admin waits for the answers; the jobs stay due if this run is cut short.
  await context.store(() => checks.runner.run({ requestId: id, fresh: true }));
  const record = await context.store(() => checks.store.get(id));
  return recordResponse(toProcessedRecord(record ?? queued));
}
