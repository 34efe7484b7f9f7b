import { safeParseConfig } from '../../config/index.js';
import type { ConfigIssue } from '../../config/errors.js';
import { configIssueMessage } from '../../i18n/issues.js';
import { requireAdmin } from '../http/admin.js';
import { bodyKind, parseJsonBody, readBodyLimited, unsupportedMediaType } from '../http/body.js';
import { type CurrentConfig, type HandlerContext, unavailable, UnreadableStoredConfig } from '../http/context.js';
import type { SaveConfig } from '../http/options.js';
import { computeConfigEtag, ifMatchSatisfied, ifNoneMatchSatisfied, parseEtagList } from '../http/etag.js';
import { HttpProblem, json, problem } from '../http/problem.js';

/** `GET`/`HEAD {base}/config`: public; revalidated by ETag (`Cache-Control: no-cache`). */
export async function getConfig(context: HandlerContext, request: Request): Promise<Response> {
  const { config, etag } = await context.currentConfig();
  const headers = context.origins.corsHeaders(request);
  headers.set('ETag', etag);
  headers.set('Cache-Control', 'no-cache');
  const ifNoneMatch = request.headers.get('If-None-Match');
  if (ifNoneMatch !== null && ifNoneMatchSatisfied(ifNoneMatch, etag)) {
    return new Response(null, { status: 304, headers });
  }
  const response = json(200, config, headers);
  return request.method === 'HEAD' ? new Response(null, { status: 200, headers: response.headers }) : response;
}

async function withConfigLock<T>(context: HandlerContext, work: () => Promise<T>): Promise<T> {
  const result = context.configLock.tail.then(work);
  context.configLock.tail = result.catch(() => undefined);
  return result;
}

// True when `input` normalizes to the current config and `ifMatch` holds a strong tag (a weak or
// `*` one was never issued by this handler, so it cannot be a retry of one of its saves).
async function alreadyApplied(input: unknown, ifMatch: string, etag: string): Promise<boolean> {
  if (!parseEtagList(ifMatch).some((tag) => tag !== '*' && !tag.startsWith('W/'))) return false;
  const result = safeParseConfig(input);
  return result.success && (await computeConfigEtag(result.config)) === etag;
}

function invalidConfig(issues: readonly ConfigIssue[]): Response {
  return problem(422, 'The config breaks one or more rules.', {
    type: 'urn:account-request:problem:invalid-config',
    title: 'Invalid config',
    // `code` is the same for every config issue; `issue` names the rule broken, `params` its values.
    errors: issues.map(({ path, code, params, message }) => ({ field: path.join('.'), code: 'invalid_config', issue: code, ...(params ? { params } : {}), message })),
  });
}

/**
 * `PUT {base}/config`: admin. Optimistic concurrency: the client sends the ETag it loaded in
 * `If-Match`; a stale one is 412 and nothing is written, a missing one 428. A config that breaks a rule is 422,
 * and so is one switching the bot check on in a handler without the `botCheck` option
 * (`bot_check_unavailable`): every submission would then be refused.
 */
export async function putConfig(context: HandlerContext, request: Request): Promise<Response> {
  const { saveConfig, authorize } = context.options;
  if (!saveConfig) {
    return problem(405, 'This server does not accept config changes.', { headers: { Allow: 'GET, HEAD' } });
  }
  await requireAdmin(authorize, request, 'config:write');
  const ifMatch = request.headers.get('If-Match');
  if (ifMatch === null) {
    return problem(428, 'Send If-Match with the ETag of the config you edited, so a concurrent change is not overwritten.');
  }
  if (!bodyKind(request.headers.get('Content-Type'), ['json'])) throw unsupportedMediaType(['json']);
  const input = parseJsonBody(await readBodyLimited(request, context.maxConfigBytes));

  return withConfigLock(context, async () => {
    let current: CurrentConfig;
    try {
      current = await context.currentConfig();
    } catch (error) {
      // A stored config that no longer parses (edited by hand, or saved before a stricter rule)
      // would leave the form and the editor down for good: a save that says it replaces whatever
      // is stored may replace it. Its tag is what the handler gave the stored one when saving it.
      if (!(error instanceof UnreadableStoredConfig) || !parseEtagList(ifMatch).includes('*')) throw error;
      return save(context, saveConfig, input, await computeConfigEtag(error.stored));
    }
    if (!ifMatchSatisfied(ifMatch, current.etag)) {
      // RFC 9110 §13.1.1: a save already applied (its 200 was lost, the editor retries) may be
      // answered 2xx; a 412 would show the admin their own change as someone else's.
      if (await alreadyApplied(input, ifMatch, current.etag)) return json(200, current.config, { ETag: current.etag });
      return problem(412, 'The config changed since you loaded it; reload it and apply your edits again.', { headers: { ETag: current.etag } });
    }
    return save(context, saveConfig, input, current.etag);
  });
}

// Checks `input` and stores it in place of the config tagged `stored`.
async function save(context: HandlerContext, saveConfig: SaveConfig, input: unknown, stored: string): Promise<Response> {
  const result = safeParseConfig(input);
  if (!result.success) return invalidConfig(result.error.issues);
  // Saved, the bot check would have every submission refused (503): this server signs no challenge.
  if (result.config.settings.botCheck === true && !context.botCheck) {
    return invalidConfig([{ path: ['settings', 'botCheck'], code: 'bot_check_unavailable', message: configIssueMessage({ code: 'bot_check_unavailable' }, 'en') }]);
  }
  const etag = await computeConfigEtag(result.config);
  let saved: boolean | void;
  try {
    saved = await saveConfig(result.config, { ifMatch: stored, etag });
  } catch {
    throw unavailable('The config could not be saved; try again later.');
  }
  if (saved === false) {
    throw new HttpProblem(problem(412, 'The config changed since you loaded it; reload it and apply your edits again.'));
  }
  return json(200, result.config, { ETag: etag });
}
