import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Undo and redo stacks of immutable snapshots (the editor stores whole configs: they are
 * frozen values, so keeping them costs one reference each). Any new edit clears redo.
 */
export class HistoryController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #limit: number;
  readonly #past: T[] = [];
  #future: T[] = [];

  constructor(host: ReactiveControllerHost, limit = 100) {
    this.#host = host;
    this.#limit = limit;
    host.addController(this);
  }

  hostConnected(): void {}

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Records `previous`, the state an edit is about to replace. */
  record(previous: T): void {
    this.#past.push(previous);
    if (this.#past.length > this.#limit) this.#past.shift();
    this.#future = [];
    this.#host.requestUpdate();
  }

  /** Returns the state to go back to, given the current one, or undefined. */
  undo(current: T): T | undefined {
    const previous = this.#past.pop();
    if (previous !== undefined) {
      this.#future.push(current);
      this.#host.requestUpdate();
    }
    return previous;
  }

  /** Returns the state to go forward to, given the current one, or undefined. */
  redo(current: T): T | undefined {
    const next = this.#future.pop();
    if (next !== undefined) {
      this.#past.push(current);
      this.#host.requestUpdate();
    }
    return next;
  }

  /** Forgets every step (after loading another config). */
  clear(): void {
    this.#past.length = 0;
    this.#future = [];
    this.#host.requestUpdate();
  }
}
