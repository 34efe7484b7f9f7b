import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isConfigError, isConflictError, safeParseConfig } from '@account-request/sdk';
import type { AccountRequestClient, ConfigIssue, FormConfig } from '@account-request/sdk';

/**
 * Where the config stands with the server: `loading` (a GET runs), `load-error`, `saving`,
 * `saved`, and the ways a save fails: `conflict` (412), `invalid` (422, with `issues`),
 * `network` (no answer), `too-large` (413), `denied` (401, 403) and `failed` (another status).
 */
export type SyncStatus = 'idle' | 'loading' | 'load-error' | 'saving' | 'saved' | 'conflict' | 'invalid' | 'network' | 'too-large' | 'denied' | 'failed';

// The refusals the editor words itself (the server's `detail` is in its own language, not the admin's).
const REFUSALS: Readonly<Record<number, SyncStatus>> = { 401: 'denied', 403: 'denied', 413: 'too-large' };

/** What the host does with each outcome. */
export interface SyncCallbacks {
  /** A config was loaded (GET or the `.config` property): it becomes the draft, with no history. */
  readonly loaded: (config: FormConfig) => void;
  /** `sent` was saved; `stored` is the server's normalized copy. */
  readonly stored: (sent: FormConfig, stored: FormConfig) => void;
  /** After a conflict, the admin took the server's version instead of their draft. */
  readonly reloaded: (config: FormConfig) => void;
  /** Loading or saving failed (the draft stays): the host tells the page. */
  readonly failed: (error: unknown) => void;
}

/**
 * Loading, saving and conflicts of `<form-field-config>`, through the SDK client: keeps the
 * last config loaded or saved and its ETag (sent back as `If-Match`), and one status. Only the
 * latest load counts: a slow answer for an old `config-src`, or one overtaken by a `.config`, is dropped.
 */
export class ConfigSyncController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #api: () => AccountRequestClient;
  readonly #callbacks: SyncCallbacks;
  #status: SyncStatus = 'idle';
  #issues: readonly ConfigIssue[] = [];
  #saved: FormConfig | undefined;
  #etag: string | null | undefined;
  #loads = 0;

  /** `api()` gives the client to use at the time of each request. */
  constructor(host: ReactiveControllerHost, api: () => AccountRequestClient, callbacks: SyncCallbacks) {
    this.#host = host;
    this.#api = api;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {}

  get status(): SyncStatus {
    return this.#status;
  }

  /** The config's issues after `load-error` or `invalid`. */
  get issues(): readonly ConfigIssue[] {
    return this.#issues;
  }

  /** The last config loaded or saved. */
  get saved(): FormConfig | undefined {
    return this.#saved;
  }

  /** The ETag of {@link saved}, when it came from the server. */
  get etag(): string | undefined {
    return this.#etag ?? undefined;
  }

  /** GETs the config. */
  async load(): Promise<void> {
    const load = ++this.#loads;
    this.#set('loading');
    try {
      const { config, etag } = await this.#api().loadConfig();
      if (load === this.#loads) this.#adopt(config, etag);
    } catch (error) {
      if (load === this.#loads) this.#fail('load-error', error);
    }
  }

  /** Takes a config given outright (the `.config` property), through the SDK's parser; a running GET is dropped. */
  take(value: unknown): void {
    this.#loads++;
    const parsed = safeParseConfig(value);
    if (parsed.success) this.#adopt(parsed.config, this.#etag);
    else this.#fail('load-error', parsed.error);
  }

  /** PUTs `draft` with the ETag it was edited from; resolves to `true` once stored. */
  async save(draft: FormConfig): Promise<boolean> {
    return this.#put(draft, this.#etag ?? '*');
  }

  /** Without a server: `draft` becomes the saved config as it is. */
  saveLocally(draft: FormConfig): void {
    this.#store(draft, draft, this.#etag);
  }

  /** After a conflict: the server's version replaces the draft. */
  async reloadTheirs(): Promise<void> {
    try {
      const { config, etag } = await this.#api().loadConfig();
      [this.#saved, this.#etag] = [config, etag];
      this.#set('idle');
      this.#callbacks.reloaded(config);
    } catch (error) {
      this.#fail('network', error);
    }
  }

  /** After a conflict: `draft` is saved over the server's version, with its current ETag. */
  async overwrite(draft: FormConfig): Promise<void> {
    let etag: string | null;
    try {
      ({ etag } = await this.#api().loadConfig());
    } catch (error) {
      return this.#fail('network', error);
    }
    await this.#put(draft, etag ?? '*');
  }

  /** The draft changed: a "Saved." no longer holds. */
  edited(): void {
    if (this.#status === 'saved') this.#set('idle');
  }

  async #put(draft: FormConfig, etag: string): Promise<boolean> {
    this.#set('saving');
    try {
      const stored = await this.#api().saveConfig(draft, etag);
      this.#store(draft, stored.config, stored.etag);
      return true;
    } catch (error) {
      const { status } = error as { status?: number };
      this.#fail(isConflictError(error) ? 'conflict' : isConfigError(error) ? 'invalid' : status === undefined ? 'network' : (REFUSALS[status] ?? 'failed'), error);
      return false;
    }
  }

  #adopt(config: FormConfig, etag: string | null | undefined): void {
    [this.#saved, this.#etag] = [config, etag];
    this.#set('idle');
    this.#callbacks.loaded(config);
  }

  #store(sent: FormConfig, stored: FormConfig, etag: string | null | undefined): void {
    [this.#saved, this.#etag] = [stored, etag];
    this.#set('saved');
    this.#callbacks.stored(sent, stored);
  }

  #fail(status: SyncStatus, error: unknown): void {
    this.#set(status, isConfigError(error) ? error.issues : []);
    this.#callbacks.failed(error);
  }

  #set(status: SyncStatus, issues: readonly ConfigIssue[] = []): void {
    this.#status = status;
    this.#issues = issues;
    this.#host.requestUpdate();
  }
}
