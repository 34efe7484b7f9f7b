import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Fields the first render of a long form shows: about two screens. */
export const FIRST_FIELDS = 24;

/** A form of up to this many fields renders at once: its whole first render is short already (the bench's 20-field form is unchanged). */
export const AT_ONCE_FIELDS = 2 * FIRST_FIELDS;

// When the first frame never comes (a page loaded in a background tab gets no animation frames).
const FALLBACK_MS = 250;

/** The fields to render: `head` now; `tail`, in a long form, as a template of its own, absent until its turn. */
export interface FieldSplit<T> {
  readonly head: readonly T[];
  readonly tail: readonly T[] | undefined;
}

/**
 * A long form renders its first screens, lets the browser paint them, and renders the rest in
 * the next task, as one template inserted at once (one insertion rather than one per field
 * is what makes it no slower in all). At 199 fields the person sees the form's start in about
 * 60 % of the time, and the last field comes no later (docs/benchmarks.md).
 *
 * Whether a form is long depends on its config (the fields it displays), never on the answers:
 * the split stays where it is while conditions show and hide fields, and lit's lists are
 * positional either way, so no control is rebuilt by crossing it. `updateComplete` waits for
 * the rest, so a host that awaits it finds every field; anything that must reach a field at
 * once (errors to show and focus) asks for the rest first with `all()`.
 */
export class FirstScreens implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #all = false;
  #rest: Promise<void> | undefined;
  #done: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Splits `fields` (shown now) of a form displaying `displayed` fields in all. */
  split<T>(fields: readonly T[], displayed: number): FieldSplit<T> {
    if (displayed <= AT_ONCE_FIELDS) return { head: fields, tail: undefined };
    const head = fields.slice(0, FIRST_FIELDS);
    if (this.#all) return { head, tail: fields.slice(FIRST_FIELDS) };
    if (!this.#rest) {
      this.#rest = new Promise<void>((resolve) => (this.#done = resolve));
      // After the frame that paints the first screens (a task queued from an animation frame runs after it).
      requestAnimationFrame(() => setTimeout(() => this.all()));
      setTimeout(() => this.all(), FALLBACK_MS);
    }
    return { head, tail: undefined };
  }

  /** Renders every field from the next update on. */
  all(): void {
    if (this.#all) return;
    this.#all = true;
    this.#host.requestUpdate();
    this.#done?.();
  }

  /** Settles once the update that renders the rest has been requested; `undefined` when nothing waits. */
  get rest(): Promise<void> | undefined {
    return this.#all ? undefined : this.#rest;
  }
}
