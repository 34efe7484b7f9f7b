import type { AdminAction, Authorize } from './options.js';
import { HttpProblem, problem } from './problem.js';

/**
 * Lets an admin request through or throws the refusal. Secure by default: with no `authorize`
 * hook every admin route is refused with 403, since no credential could ever be accepted.
 * A throwing hook is a server fault (503), never a pass.
 */
export async function requireAdmin(authorize: Authorize | undefined, request: Request, action: AdminAction): Promise<void> {
  if (!authorize) {
    throw new HttpProblem(problem(403, 'Admin routes are disabled: the handler has no authorize hook.'));
  }
  let verdict: boolean | Response;
  try {
    verdict = await authorize(request, action);
  } catch {
    throw new HttpProblem(problem(503, 'The authorization check failed; try again later.'));
  }
  // A Response is the hook's own answer, sent as is; only `true` opens the route.
  if (verdict instanceof Response) throw new HttpProblem(verdict);
  if (verdict !== true) {
    throw new HttpProblem(problem(401, `This route needs credentials allowed to ${action === 'config:write' ? 'change the config' : 'read requests'}.`));
  }
}
