import { defaultConfig, parseConfig } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { createOriginPolicy, type OriginPolicy } from './cross-site.js';
import { computeConfigEtag } from './etag.js';
import { InFlightRequests } from './idempotency.js';
import type { HandlerOptions } from './options.js';
import { createBackgroundSends, type BackgroundSends } from '../processing/background-sends.js';
import { createOutbox, type Outbox } from '../processing/outbox.js';
import { hashPassword } from '../passwords/password.js';
import { isProcessingStore, type ProcessingStore } from '../stores/processing-store.js';
import { isDecisionStore, type DecisionStore } from '../stores/decision-store.js';
import { HttpProblem, problem } from './problem.js';
import { createFixedWindowLimiter, type RateLimiter } from './rate-limit.js';
import { createBotCheck, type BotCheck } from './bot-check.js';
import { isWebhookStore } from '../stores/webhook-store.js';
import { createWebhookRuntime, type WebhookRuntime } from '../webhooks/runtime.js';
import { createLookupRuntime, type LookupRuntime } from '../lookups/runtime.js';
import { createCheckRuntime, type CheckRuntime } from '../checks/runtime.js';

/** The current config and its ETag. */
export interface CurrentConfig {
  readonly config: FormConfig;
  readonly etag: string;
}

/** Everything a route needs, built once per handler. */
export interface HandlerContext {
  readonly options: HandlerOptions;
  readonly maxBodyBytes: number;
  readonly maxConfigBytes: number;
  readonly origins: OriginPolicy;
  readonly limiter: RateLimiter | undefined;
  readonly inFlight: InFlightRequests;
  /** How many requests the handler is answering now (background sends wait while there are others). */
  readonly answering: { count: number };
  /** How long a claim on an idempotency key lasts unless renewed (`idempotencyLeaseMs`). */
  readonly leaseMs: number;
  readonly now: () => Date;
  readonly hashPassword: (password: string) => Promise<string>;
  /** The store, when it implements the processing methods. */
  readonly processing: ProcessingStore | undefined;
  /** The store, when it also implements the decision step's methods (information links, invitations, erasure). */
  readonly decisions: DecisionStore | undefined;
  /** Delivers e-mails, when the handler has a notifier. */
  readonly outbox: Outbox | undefined;
  /** The e-mails to send after an answer, a few batches at a time, when the handler has a notifier. */
  readonly mailSends: BackgroundSends | undefined;
  /** Queues and sends webhooks, when the handler has the `webhooks` option. */
  readonly webhooks: WebhookRuntime | undefined;
  /** Issues and verifies bot-check challenges, when the handler has the `botCheck` option. */
  readonly botCheck: BotCheck | undefined;
  /** The public lookups, when the handler has the `lookups` option. */
  readonly lookups: LookupRuntime | undefined;
  /** Runs the checks of stored requests, when the handler has the `checks` option. */
  readonly checks: CheckRuntime | undefined;
  /** Serializes config writes inside this process. */
  readonly configLock: { tail: Promise<unknown> };
  /** Loads, normalizes and tags the config; a failing or invalid source is a 503. */
  currentConfig(): Promise<CurrentConfig>;
  /** Runs a store call (or another dependency: password hashing); a rejection becomes a 503 problem. */
  store<T>(call: () => Promise<T>): Promise<T>;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_MAX_CONFIG_BYTES = 1024 * 1024;
const DEFAULT_LEASE_MS = 5000;
// Renewed every third of the lease: below this, the renewals alone would keep the store busy.
const MIN_LEASE_MS = 100;

/** A 503 problem for a failing dependency; the client retries these. */
export function unavailable(detail: string): HttpProblem {
  return new HttpProblem(problem(503, detail, { headers: { 'Retry-After': '5' } }));
}

/** The 503 of a stored config that no longer parses, with what is stored: only a save that replaces it whatever it is (`If-Match: *`) gets past it. */
export class UnreadableStoredConfig extends HttpProblem {
  readonly stored: unknown;

  constructor(stored: unknown) {
    super(problem(503, 'The stored form configuration is invalid: replace it with a PUT sent with If-Match: *.', { headers: { 'Retry-After': '5' } }));
    this.name = 'UnreadableStoredConfig';
    this.stored = stored;
  }
}

/** Builds the context of one handler from its options. */
export function createContext(options: HandlerOptions): HandlerContext {
  const now = options.now ?? (() => new Date());
  const processing = isProcessingStore(options.store) ? options.store : undefined;
  if (options.notifier && !processing) {
    // Sending without an outbox would lose the mails of every failure: refuse the setup.
    throw new TypeError('createAccountRequestHandler: a notifier needs a store with the ProcessingStore methods (an outbox).');
  }
  const leaseMs = options.idempotencyLeaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs < MIN_LEASE_MS) {
    throw new TypeError(`createAccountRequestHandler: idempotencyLeaseMs must be a number of milliseconds, at least ${MIN_LEASE_MS}.`);
  }
  if (options.webhooks && !(processing && isWebhookStore(processing))) {
    throw new TypeError('createAccountRequestHandler: webhooks need a store with the WebhookStore methods (endpoints and a delivery outbox).');
  }
  const answering = { count: 0 };
  // What the e-mail and webhook queues share: busy when requests other than the one queuing
  // are being answered, and the shutdown signal.
  const sending = { busy: (): boolean => answering.count > 1, ...(options.signal ? { signal: options.signal } : {}) };
  const webhooks = options.webhooks && processing && isWebhookStore(processing) ? createWebhookRuntime(processing, options.webhooks, now, sending) : undefined;
  const outbox = options.notifier && processing ? createOutbox({ store: processing, notifier: options.notifier, now, ...options.delivery }) : undefined;
  // Parsing and hashing a config costs more than a whole submission: cache them per loaded
  // object, so a config source that returns the same object until it changes pays once.
  const parsed = new WeakMap<object, CurrentConfig>();
  let defaults: CurrentConfig | undefined;

  const tag = async (config: FormConfig): Promise<CurrentConfig> => ({ config, etag: await computeConfigEtag(config) });

  return {
    options,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxConfigBytes: options.maxConfigBytes ?? DEFAULT_MAX_CONFIG_BYTES,
    origins: createOriginPolicy(options.allowedOrigins),
    limiter: options.rateLimit
      ? createFixedWindowLimiter({ windowMs: options.rateLimit.windowMs, max: options.rateLimit.max, now: () => now().getTime() })
      : undefined,
    inFlight: new InFlightRequests(),
    answering,
    leaseMs,
    now,
    processing,
    decisions: processing && isDecisionStore(processing) ? processing : undefined,
    outbox,
    mailSends: outbox
      ? createBackgroundSends((ids) => outbox.deliver({ ids }), {
          ...sending,
          sendDue: async () => {
            const report = await outbox.deliver();
            return report.sent + report.retrying + report.failed;
          },
        })
      : undefined,
    webhooks,
    botCheck: options.botCheck ? createBotCheck(options.botCheck, now) : undefined,
    lookups: createLookupRuntime(options.lookups, now),
    checks: createCheckRuntime(options.checks, options.store, now),
    hashPassword: options.hashPassword ?? ((password) => hashPassword(password)),
    configLock: { tail: Promise.resolve() },
    async currentConfig() {
      let loaded: unknown;
      try {
        loaded = await options.loadConfig();
      } catch {
        throw unavailable('The form configuration could not be loaded; try again later.');
      }
      if (loaded === undefined || loaded === null) return (defaults ??= await tag(defaultConfig()));
      const cached = typeof loaded === 'object' ? parsed.get(loaded) : undefined;
      if (cached) return cached;
      let current: CurrentConfig;
      try {
        current = await tag(parseConfig(loaded));
      } catch {
        throw new UnreadableStoredConfig(loaded);
      }
      if (typeof loaded === 'object') parsed.set(loaded, current);
      return current;
    },
    async store(call) {
      try {
        return await call();
      } catch {
        throw unavailable('The request store is unavailable; try again later.');
      }
    },
  };
}
