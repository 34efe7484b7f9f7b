import { requireAdmin } from '../http/admin.js';
import { isRecordId } from '../http/ids.js';
import type { HandlerContext } from '../http/context.js';
import { readInteger } from './list-routes.js';
import { requireProcessing } from './processing-routes.js';
import { HttpProblem, json, problem } from '../http/problem.js';
import type { NotificationState } from '../stores/processing-store.js';

const STATES: readonly NotificationState[] = ['pending', 'sent', 'failed'];

/**
 * `GET {base}/notifications?state=&requestId=&limit=&offset=`: admin (`requests:read`). The
 * outbox, newest first, with each message's delivery state, attempts and last error;
 * `X-Total-Count` holds the number of matches.
 */
export async function listNotifications(context: HandlerContext, request: Request): Promise<Response> {
  await requireAdmin(context.options.authorize, request, 'requests:read');
  const store = requireProcessing(context);
  const params = new URL(request.url).searchParams;
  const state = params.get('state') ?? undefined;
  if (state !== undefined && !(STATES as readonly string[]).includes(state)) {
    throw new HttpProblem(problem(400, 'The state parameter must be pending, sent or failed.'));
  }
  const requestId = params.get('requestId') ?? undefined;
  if (requestId !== undefined && !isRecordId(requestId)) throw new HttpProblem(problem(400, 'The requestId parameter must be the id of a request (letters, digits, - and _).'));
  const limit = readInteger(params, 'limit', 50, 200);
  const offset = readInteger(params, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const page = await context.store(() =>
    store.listNotifications({ ...(state ? { state: state as NotificationState } : {}), ...(requestId ? { requestId } : {}), limit, offset }),
  );
  return json(200, page.items, { 'X-Total-Count': String(page.total) });
}
