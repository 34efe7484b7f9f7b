import type Sortable from 'sortablejs/modular/sortable.core.esm.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

// sortablejs is a third of the editor's code: a chunk beside the bundle
// (form-field-config.sortable.js), fetched once the first list is on screen. Until it is
// there, rows move with the keyboard; a failed fetch is asked again by the next render.
let library: Promise<typeof Sortable> | undefined;
const loadSortable = (): Promise<typeof Sortable> =>
  (library ??= import('../sortable/sortable.js').then(
    (module) => module.default,
    (error: unknown) => {
      library = undefined;
      throw error;
    },
  ));

/** What {@link SortableController} needs from its host. */
export interface SortableOptions {
  /** The element whose children are the rows; queried after each render. */
  readonly container: () => HTMLElement | null | undefined;
  /** Called once per drop that changed the order, with draggable indexes. */
  readonly onMove: (from: number, to: number) => void;
  /** The rows that move (default: those naming a field, `[data-field-id]`). */
  readonly draggable?: string;
}

/**
 * Drag and drop of rows by their handle (`[part~=handle]`), mouse and touch, with
 * sortablejs, loaded on demand. Created after the first render (the container must exist),
 * destroyed on disconnect. Sortable moves DOM nodes itself; Lit owns them, so each drop puts the row
 * back where Lit left it and reports the move, and the next render reorders for real.
 */
export class SortableController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly hasUpdated: boolean };
  readonly #options: SortableOptions;
  #sortable: Sortable | undefined;
  #container: HTMLElement | undefined;
  #anchor: Node | null = null;

  constructor(host: ReactiveControllerHost & { readonly hasUpdated: boolean }, options: SortableOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#host.hasUpdated) this.#attach();
  }

  hostUpdated(): void {
    this.#attach();
  }

  hostDisconnected(): void {
    this.#sortable?.destroy();
    this.#sortable = undefined;
    this.#container = undefined;
  }

  #attach(): void {
    const container = this.#options.container() ?? undefined;
    if (container === this.#container) return;
    this.hostDisconnected();
    if (!container) return;
    this.#container = container;
    loadSortable().then(
      (library) => {
        // Still the list on screen (not replaced or disconnected meanwhile).
        if (this.#container === container && !this.#sortable) this.#create(library, container);
      },
      () => {
        // Forgotten, so the next render asks again; keyboard moves work meanwhile.
        if (this.#container === container) this.#container = undefined;
      },
    );
  }

  #create(library: typeof Sortable, container: HTMLElement): void {
    this.#sortable = library.create(container, {
      handle: '[part~=handle]',
      draggable: this.#options.draggable ?? '[data-field-id]',
      // Pointer events rather than native HTML5 drag: one code path for mouse, pen and touch,
      // and a ghost that keeps the editor's shadow styles.
      forceFallback: true,
      fallbackTolerance: 4,
      animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 120,
      ghostClass: 'drop-target',
      onChoose: (event) => {
        this.#anchor = event.item.nextSibling;
      },
      onEnd: (event) => {
        const { item, oldDraggableIndex: from, newDraggableIndex: to } = event;
        item.parentNode?.insertBefore(item, this.#anchor);
        this.#anchor = null;
        if (from !== undefined && to !== undefined && from !== to) this.#options.onMove(from, to);
      },
    });
  }
}
