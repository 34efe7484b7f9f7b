import type { AdminAction, Authorize, AuthorizeResult } from './options.js';
import { HttpProblem, problem } from './problem.js';

/**
 * Lets an admin request through or throws the refusal. Secure by default: with no `authorize`
 * hook every admin route is refused with 403, since no credential could ever be accepted.
 * A throwing hook is a server fault (503), never a pass. Resolves the actor named in the
 * history: the hook's `{ actor }`, or `admin` for a plain `true`.
 */
export async function requireAdmin(authorize: Authorize | undefined, request: Request, action: AdminAction): Promise<string> {
  if (!authorize) {
    throw new HttpProblem(problem(403, 'Admin routes are disabled: the handler has no authorize hook.'));
  }
  let verdict: AuthorizeResult;
  try {
    verdict = await authorize(request, action);
  } catch {
    throw new HttpProblem(problem(503, 'The authorization check failed; try again later.'));
  }
  // A Response is the hook's own answer, sent as is; only `true` opens the route.
  if (verdict instanceof Response) throw new HttpProblem(verdict);
  if (verdict === true) return 'admin';
  if (typeof verdict === 'object' && verdict !== null && typeof verdict.actor === 'string' && verdict.actor.trim() !== '') return verdict.actor.trim().slice(0, 200);
  throw new HttpProblem(problem(401, `This route needs credentials allowed to ${WHAT[action]}.`));
}

const WHAT: Readonly<Record<AdminAction, string>> = {
  'config:write': 'change the config',
  'requests:read': 'read requests',
  'requests:write': 'change requests',
};
