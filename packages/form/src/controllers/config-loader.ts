import type { ReactiveControllerHost } from 'lit';
import { parseConfig } from '@account-request/sdk';
import type { FormConfig } from '@account-request/sdk';

/** Where the config is: loading, ready, or failed with the error to report. */
export type ConfigState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly config: FormConfig }
  | { readonly status: 'error'; readonly error: Error };

/** The three ways to give a config, in order of precedence. */
export interface ConfigSources {
  /** The `.config` property: wins. */
  readonly config: unknown;
  /** The `config-src` URL. */
  readonly src: string | undefined;
  /** Text of an inline `<script type="application/json">` child. */
  readonly inline: string | undefined;
}

/**
 * Turns one of the config sources into a normalized config through the SDK's
 * `parseConfig` (so an element never renders a config that breaks an invariant).
 * Only the latest request counts: a slow response for an old `config-src` is ignored.
 */
export class ConfigLoader {
  readonly #host: ReactiveControllerHost;
  readonly #fetch: (src: string) => Promise<unknown>;
  readonly #onSettled: (state: ConfigState) => void;
  #state: ConfigState = { status: 'loading' };
  #generation = 0;

  /** `fetch(src)` resolves the raw config at `src` (the SDK client's `loadConfig`). */
  constructor(host: ReactiveControllerHost, fetch: (src: string) => Promise<unknown>, onSettled: (state: ConfigState) => void) {
    this.#host = host;
    this.#fetch = fetch;
    this.#onSettled = onSettled;
  }

  get state(): ConfigState {
    return this.#state;
  }

  load(sources: ConfigSources): void {
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
    } else if (sources.inline !== undefined) {
      const text = sources.inline;
      // JSON.parse only: the script element is data, never executed or evaluated.
      this.#apply(generation, parse(() => JSON.parse(text)));
    } else {
      this.#state = { status: 'loading' };
      this.#host.requestUpdate();
    }
  }

  #apply(generation: number, state: ConfigState): void {
    if (generation !== this.#generation) return;
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
