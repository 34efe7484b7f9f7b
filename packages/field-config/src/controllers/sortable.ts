import Sortable from 'sortablejs/modular/sortable.core.esm.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
 * sortablejs. Created after the first render (the container must exist), destroyed on
 * disconnect. Sortable moves DOM nodes itself; Lit owns them, so each drop puts the row
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
    this.#sortable = Sortable.create(container, {
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
