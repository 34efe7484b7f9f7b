import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient, parseConfig } from '@account-request/sdk';
import type { FormConfig } from '@account-request/sdk';

/** Where the config is: loading, ready, or failed with the error to report. */
export type ConfigState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly config: FormConfig }
  | { readonly status: 'error'; readonly error: Error };

/** The property-borne ways to give a config, in order of precedence; an inline script child comes last. */
export interface ConfigSources {
  /** The `.config` property: wins. */
  readonly config: unknown;
  /** The `config-src` URL. */
  readonly src: string | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Turns one of the config sources into a normalized config through the SDK's
 * `parseConfig` (so an element never renders a config that breaks an invariant).
 * Only the latest request counts: a slow response for an old `config-src` is ignored.
 */
export class ConfigLoader implements ReactiveController {
  readonly #host: Host;
  readonly #fetch: (src: string) => Promise<unknown>;
  readonly #onSettled: (state: ConfigState) => void;
  #state: ConfigState = { status: 'loading' };
  #generation = 0;
  #childObserver: MutationObserver | undefined;
  #stale = true;

  /** `onSettled` hears every final state; `fetch(src)` resolves the raw config at `src`. */
  constructor(host: Host, onSettled: (state: ConfigState) => void, fetch: (src: string) => Promise<unknown> = loadConfigFrom) {
    this.#host = host;
    this.#fetch = fetch;
    this.#onSettled = onSettled;
    host.addController(this);
  }

  // Moved while waiting for an inline config child: look again, and wait where it now is.
  hostConnected(): void {
    if (this.#stale) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.#childObserver) this.#stale = true;
    this.#watchChildren(false);
  }

  /** True until the first load, and when an inline config child may have appeared since. */
  get stale(): boolean {
    return this.#stale;
  }

  get state(): ConfigState {
    return this.#state;
  }

  load(sources: ConfigSources): void {
    this.#stale = false;
    const inline = this.#host.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    const generation = ++this.#generation;
    if (sources.config !== undefined && sources.config !== null) {
      this.#apply(generation, parse(() => sources.config));
    } else if (sources.src) {
      this.#state = { status: 'loading' };
      this.#host.requestUpdate();
      this.#fetch(sources.src).then(
        (raw) => this.#apply(generation, parse(() => raw)),
        (error: unknown) => this.#apply(generation, { status: 'error', error: toError(error) }),
      );
    } else if (inline !== undefined) {
      // JSON.parse only: the script element is data, never executed or evaluated.
      this.#apply(generation, parse(() => JSON.parse(inline)));
    } else {
      this.#state = { status: 'loading' };
      this.#host.requestUpdate();
      // The inline script may be parsed after the element upgrades: wait for it.
      this.#watchChildren(true);
    }
  }

  #watchChildren(on: boolean): void {
    if (!on) {
      this.#childObserver?.disconnect();
      this.#childObserver = undefined;
    } else if (!this.#childObserver) {
      this.#childObserver = new MutationObserver(() => {
        this.#stale = true;
        this.#host.requestUpdate();
      });
      this.#childObserver.observe(this.#host, { childList: true, subtree: true, characterData: true });
    }
  }

  #apply(generation: number, state: ConfigState): void {
    if (generation !== this.#generation) return;
    this.#watchChildren(false);
    this.#state = state;
    this.#onSettled(state);
    this.#host.requestUpdate();
  }
}

function parse(read: () => unknown): ConfigState {
  try {
    return { status: 'ready', config: parseConfig(read()) };
  } catch (error) {
    return { status: 'error', error: toError(error) };
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Loads the config at `src` (any URL; a relative one is read against the document, as fetch
 * does) through the SDK client. Only `loadConfig` is used, so the client's `base` plays no part.
 */
export function loadConfigFrom(src: string): Promise<FormConfig> {
  const client = createClient({ base: '', configUrl: src });
  return client.loadConfig().then(({ config }) => config);
}
