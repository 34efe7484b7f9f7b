import { BOT_CHECK_HEADER, type BotCheckRefusal } from '../http/bot-check.js';
import type { HandlerContext } from '../http/context.js';
import { HttpProblem, json, problem } from '../http/problem.js';

/**
 * `GET {base}/challenge`: public. A fresh signed proof-of-work challenge for the form's bot
 * check (never cached); 404 when the handler has no `botCheck` option.
 */
export async function getChallenge(context: HandlerContext, request: Request): Promise<Response> {
  if (!context.botCheck) return problem(404, 'This server offers no bot check.');
  const headers = context.origins.corsHeaders(request);
  headers.set('Cache-Control', 'no-store');
  return json(200, await context.botCheck.challenge(), headers);
}

const DETAIL: Readonly<Record<BotCheckRefusal, string>> = {
  missing: 'This form asks for an anti-robot check: send its solution in the Altcha-Payload header.',
  invalid: 'The anti-robot check is not valid.',
  expired: 'The anti-robot check has expired; solve a new one.',
  reused: 'This anti-robot check was already used; solve a new one.',
};

/**
 * Refuses a submission (403 problem whose `type` ends in `bot-check-missing`, `-invalid`,
 * `-expired` or `-reused`) unless it carries a valid, unexpired and unused solution, when the
 * config switches the bot check on. Without a `botCheck` option such a config cannot be
 * honoured: 503 (the server lacks its key).
 */
export async function requireBotCheck(context: HandlerContext, request: Request, idempotencyKey: string): Promise<void> {
  const { config } = await context.currentConfig();
  if (config.settings.botCheck !== true) return;
  const cors = context.origins.corsHeaders(request);
  if (!context.botCheck) {
    throw new HttpProblem(problem(503, 'The bot check is switched on but this server has no key for it.', { type: 'urn:account-request:problem:bot-check-unavailable', headers: cors }));
  }
  const refusal = await context.store(() => context.botCheck!.verify(request.headers.get(BOT_CHECK_HEADER), idempotencyKey, context.now().getTime()));
  if (refusal) {
    throw new HttpProblem(problem(403, DETAIL[refusal], { type: `urn:account-request:problem:bot-check-${refusal}`, title: 'Anti-robot check failed', headers: cors }));
  }
}

