import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createClient } from '@account-request/sdk';
import type { LookupCapabilities } from '@account-request/sdk';

/** Which lookups the server has on: its answer, `unknown` when it cannot say, `undefined` while asked. */
export type LookupStatus = LookupCapabilities | 'unknown' | undefined;

// `{base}/config` is the handler's config route: its base answers the lookups too. Another
// config URL names no handler base to ask.
function baseOf(configSrc: string): string | undefined {
  const url = new URL(configSrc, document.baseURI);
  return url.pathname.endsWith('/config') ? `${url.origin}${url.pathname.slice(0, -'/config'.length)}` : undefined;
}

/**
 * Asks the editor's server which lookups it has on (the public GET `{base}/lookup` beside
 * `config-src`'s `{base}/config`), once per config URL, for the settings to show them: the
 * server decides them, not the config. A host's own `client` is left to load and save only.
 */
export class LookupCapabilitiesController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #configSrc: () => string | undefined;
  #asked: string | null | undefined = null;
  #status: LookupStatus;

  constructor(host: ReactiveControllerHost, configSrc: () => string | undefined) {
    this.#host = host;
    this.#configSrc = configSrc;
    host.addController(this);
  }

  hostConnected(): void {}

  get status(): LookupStatus {
    return this.#status;
  }

  // After the update, so that a status known at once still re-renders the host.
  hostUpdated(): void {
    const src = this.#configSrc();
    if (src === this.#asked) return;
    this.#asked = src;
    const base = src ? baseOf(src) : undefined;
    if (base === undefined) return this.#set(src, 'unknown');
    this.#set(src, undefined);
    createClient({ base, retry: 0 })
      .lookupCapabilities()
      .then(
        (capabilities) => this.#set(src, capabilities),
        () => this.#set(src, 'unknown'),
      );
  }

  #set(src: string | undefined, status: LookupStatus): void {
    if (src !== this.#asked || status === this.#status) return;
    this.#status = status;
    this.#host.requestUpdate();
  }
}
