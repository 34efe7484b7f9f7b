import type { FormConfig } from '../../types.js';
import type { Notifier } from '../processing/notifier.js';
import type { RequestStore } from '../stores/store.js';
import type { WebhookDeliveryOptions } from '../webhooks/dispatcher.js';
import type { LookupOptions } from '../lookups/runtime.js';
import type { CheckOptions } from '../checks/runtime.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { BotCheckOptions } from './bot-check.js';

/**
 * What an admin route asks `authorize` for: `requests:read` lists, reads and exports requests
 * (and reads the outbox), `requests:write` changes them and sends activation e-mails.
 */
export type AdminAction = 'config:write' | 'requests:read' | 'requests:write';

/** A pass that names who acts, for the history of the requests they change. */
export interface AuthorizedActor {
  readonly actor: string;
}

/** What `authorize` may answer: see {@link Authorize}. */
export type AuthorizeResult = boolean | Response | AuthorizedActor;

/**
 * Decides whether `request` may perform `action`. `true` lets it through (the history then
 * names the actor `admin`); `{ actor: 'jane' }` lets it through as `jane`; `false` answers a 401
 * problem; a `Response` is sent as is (to add `WWW-Authenticate`, or answer 403).
 */
export type Authorize = (request: Request, action: AdminAction) => AuthorizeResult | Promise<AuthorizeResult>;

/** How failed e-mail deliveries are retried. */
export interface DeliveryOptions {
  /** Attempts before a notification is `failed`; default 6. */
  readonly maxAttempts?: number;
  /** Wait before attempt `attempt + 1` (1-based `attempt` just failed); default 30 s doubling, at most 1 hour. */
  readonly backoffMs?: (attempt: number) => number;
  /**
   * How long a worker holds a notification it is sending; default 2 minutes. Another worker
   * (another instance) takes it only after that, so it bounds how late the e-mails of a process
   * that died mid-send go out; keep it well above the mail server's slowest answer.
   */
  readonly lockMs?: number;
}

/**
 * Returns the stored config (sync or as a promise; normalized again by the handler), or
 * `undefined` for the default config. The handler caches the parsed config and its ETag per
 * returned object: return the same object until the config changes, and a new one after.
 */
export type LoadConfig = () => unknown;

/** What the handler tells `saveConfig` so a store can refuse a lost race atomically. */
export interface SaveConfigContext {
  /** The ETag the client had, already checked against the config `loadConfig` returned. */
  readonly ifMatch: string;
  /** The ETag of the config being saved. */
  readonly etag: string;
}

/**
 * Persists a normalized config. Resolve `false` when the stored config no longer has the ETag
 * `context.ifMatch` (another writer won): the handler answers 412. Compute ETags with
 * `computeConfigEtag`.
 */
export type SaveConfig = (config: FormConfig, context: SaveConfigContext) => Promise<boolean | void>;

/** Fixed-window rate limit of public submissions. */
export interface RateLimitOptions {
  readonly windowMs: number;
  /** Submissions allowed per key and window. */
  readonly max: number;
  /** The bucket of a request; defaults to the client address (see `trustProxy`, `clientAddress`). */
  readonly key?: (request: Request) => string;
  /**
   * Where the hits are counted. Default: in this process's memory, so each server instance
   * counts on its own. Give a shared store (`@account-request/postgres`'s `rateLimits`) so the
   * limit holds across instances; a store failure answers 503 like any store failure.
   */
  readonly store?: RateLimitStore;
}

/** Options of `createAccountRequestHandler`. */
export interface HandlerOptions {
  readonly loadConfig: LoadConfig;
  /** Without it, `PUT {base}/config` answers 405. */
  readonly saveConfig?: SaveConfig;
  readonly store: RequestStore;
  /** Without it every admin route is refused (403). */
  readonly authorize?: Authorize;
  /** Mount path, e.g. `/api/account-requests`; default `''`. */
  readonly basePath?: string;
  /** Largest accepted request body, counted while reading; default 64 KiB. */
  readonly maxBodyBytes?: number;
  /**
   * Largest body of `PUT {base}/config`, read only once `authorize` let the admin through;
   * default 1 MiB. A config within `CONFIG_LIMITS` easily passes 64 KiB (20 drop-down lists of
   * 50 options, labelled in French and English, are about 90 KB).
   */
  readonly maxConfigBytes?: number;
  /**
   * Largest `multipart/form-data` body of a submission with files, counted while streaming; default
   * 25 MiB. The config's file fields bound it further (their `maxBytes` times `maxFiles`, plus
   * `maxBodyBytes` for the text), and each file is refused as soon as it passes its field's `maxBytes`.
   */
  readonly maxUploadBytes?: number;
  /**
   * Origins (`https://shop.example`) allowed to post submissions and read the config from a
   * browser, besides the handler's own origin. They also get CORS headers.
   */
  readonly allowedOrigins?: readonly string[];
  /** Off by default. */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Behind proxies that append to `X-Forwarded-For`: `true` for one, or their number. The
   * client is the Nth entry from the right (entries further left may be forged by the client).
   * Default `false`: the header is ignored.
   */
  readonly trustProxy?: boolean | number;
  /** The client address when not behind a trusted proxy (e.g. from the server adapter's socket). */
  readonly clientAddress?: (request: Request) => string | undefined;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /** Replaces the default PBKDF2 hashing (e.g. with argon2 where available). */
  readonly hashPassword?: (password: string) => Promise<string>;
  /**
   * The password blocklist of submissions and activations: `true` refuses the password as
   * `too_common` (a 422 the form shows on the field). Default: the built-in list of common
   * passwords (`isCommonPassword`), kept on the server so browsers never download it. Replace
   * it with a longer list, or a k-anonymous Pwned Passwords range query (SHA-1 the password,
   * send the first 5 hex digits, look for the rest in the answer): it may answer with a
   * promise. It is asked only once the length and repeated-chunk rules pass. A throw or a
   * rejection is a 503 the client retries; catch inside to let passwords through while the
   * service is down.
   */
  readonly isCommonPassword?: (password: string) => boolean | Promise<boolean>;
  /**
   * Sends the e-mails (confirmation, alert, activation). The handler records each one in the
   * store's outbox first, so it needs a `ProcessingStore`; a failure is retried, never lost.
   */
  readonly notifier?: Notifier;
  /** Retries of failed deliveries (see `createOutbox` for the loop that runs them). */
  readonly delivery?: DeliveryOptions;
  /**
   * The page where an applicant sets a password, for the activation e-mail; `request` is the
   * request that triggered it (an admin's, or a public submission with `autoAccept`). Build the
   * link on your site's configured origin, never on `request.url`'s host: that comes from the
   * `Host` header, which the sender chooses, and would send the token to their site. The same
   * holds for every link option below. Without it no activation e-mail is sent.
   */
  readonly activationUrl?: (token: string, request: Request) => string;
  /** How long an activation link works; default 60 days. */
  readonly activationTtlMs?: number;
  /**
   * The page where an applicant corrects a request sent back for information (it shows the form
   * filled with what they sent); `request` is the admin request that asked. Without it no
   * information e-mail can carry a link (the status still changes).
   */
  readonly informationUrl?: (token: string, request: Request) => string;
  /** How long a link to correct a request works; default 30 days. */
  readonly informationTtlMs?: number;
  /**
   * The public form page an invitation links to, opened with the invitation's values filled in
   * and its e-mail fixed. Without it the invitation routes answer 501.
   */
  readonly invitationUrl?: (token: string, request: Request) => string;
  /** How long an invitation link works unless the invitation says otherwise; default 30 days. */
  readonly invitationTtlMs?: number;
  /** The shop or company name the e-mails are signed with; default none. */
  readonly siteName?: string;
  /** Language of the alert e-mails to the sales team; default `en`. */
  readonly adminLocale?: string;
  /** A link to a request in the back office, put in the alert e-mail. */
  readonly adminRequestUrl?: (id: string, request: Request) => string;
  /**
   * Keeps e-mail delivery running after the response (a worker's `ctx.waitUntil`). A submission
   * never waits for its e-mails: without `waitUntil` their delivery starts in the background
   * (on Node, Deno and Bun it finishes after the 201). These deliveries share one queue per
   * handler (a few batches at a time, waiting while other requests are being answered), and
   * each `waitUntil` gets the queue's runs. Admin actions (accepting, resending an
   * activation e-mail) deliver before answering unless `waitUntil` is given. A failure never
   * fails the request: the mail stays in the outbox for `createOutbox`'s retry loop. Without
   * it, a worker runtime's own `ctx.waitUntil` is used: the handler takes `(request, env, ctx)`
   * as a module worker's `fetch` is called (`export default { fetch: handler }`).
   */
  readonly waitUntil?: (promise: Promise<unknown>) => void;
  /**
   * Aborted when the server shuts down: the handler then starts no more background deliveries
   * (e-mails and webhooks queued after answers); a batch already being sent finishes. What
   * was not sent stays due in the store for the next start or another instance. Without it, a
   * shutdown that waits for the `waitUntil` promises waits until the queue is empty.
   */
  readonly signal?: AbortSignal;
  /**
   * How long a submission's claim on its `Idempotency-Key` lasts without being renewed; default
   * 5000 ms. The handler renews it every third of that while it works, so only a process that
   * died (or froze) lets it lapse: a retry with the key is then processed at most this long
   * after the crash, instead of answering 409.
   */
  readonly idempotencyLeaseMs?: number;
  /**
   * Turns webhooks on: every change (a request created, its status or in-account flag changed,
   * its account activated) is queued for each enabled endpoint of the store (a `WebhookStore`)
   * in the change's own transaction, then sent after the answer like the e-mails. Sending,
   * retries and the address checks follow these options; run `createWebhookDispatcher` from a
   * timer for the retries. See docs/webhooks.md.
   */
  readonly webhooks?: WebhookDeliveryOptions;
  /**
   * Offers the bot check (`GET {base}/challenge`, ALTCHA proof of work signed with `hmacKey`).
   * When the config's `settings.botCheck` is on, a submission without a valid, unexpired and
   * unused solution in the `Altcha-Payload` header is refused (403) before its body is read;
   * with the setting on and no `botCheck` option, submissions get 503. See docs/security.md.
   */
  readonly botCheck?: BotCheckOptions;
  /**
   * Public lookups for the form, off unless given: `company` answers
   * `GET {base}/lookup/company?siret=…` (prefill), `address` answers `GET {base}/lookup/address?q=…`
   * (street suggestions); `GET {base}/lookup` says which are on. Rate-limited per client address,
   * each adapter caching its answers. See docs/lookups.md.
   */
  readonly lookups?: LookupOptions;
  /**
   * Checks of every stored request, off unless given: `vat` checks the VAT number at VIES
   * (`vatCheck`), `company` the SIRET in a register (`siretCheck`: a closed establishment is
   * flagged, not refused). They run after the `201`, never delaying or refusing it, as durable
   * jobs written with the request (needs a `CheckStore`); an unavailable service is retried with
   * a backoff (run `createCheckRunner` from a timer). Admins check again with
   * `POST {base}/{id}/checks`. Nothing of it reaches the applicant. See docs/lookups.md.
   */
  readonly checks?: CheckOptions;
}
