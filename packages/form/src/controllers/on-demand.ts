import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a chunk loaded on demand stands: not asked for, on its way, there, or not fetched. */
export type OnDemandStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * A part of the form that only some configs need (steps, file uploads), fetched as a chunk
 * beside the bundle the first time a config asks for it, so other forms never download it.
 * The host re-renders when it arrives. A chunk that could not be fetched is asked again only
 * for another config (`key`), so a server that refuses it is not asked in a loop.
 */
export class OnDemand<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<T>;
  #status: OnDemandStatus = 'idle';
  #module: T | undefined;
  #failedFor: unknown;

  /** `load` is the chunk's `import()`, written where the bundler sees it. */
  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  hostConnected(): void {}

  get status(): OnDemandStatus {
    return this.#status;
  }

  /** The chunk's module once it has arrived. */
  get module(): T | undefined {
    return this.#module;
  }

  /** Starts loading when `needed` for the config `key` (once at a time); true while a needed chunk is on its way. */
  sync(needed: boolean, key: unknown): boolean {
    if (!needed || this.#status === 'ready') return false;
    if (this.#status === 'loading') return true;
    if (this.#status === 'failed' && this.#failedFor === key) return false;
    this.#status = 'loading';
    this.#load().then(
      (module) => {
        this.#module = module;
        this.#status = 'ready';
        this.#host.requestUpdate();
      },
      () => {
        this.#status = 'failed';
        this.#failedFor = key;
        this.#host.requestUpdate();
      },
    );
    return true;
  }
}
