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
  #chosen = false;
  #early: { readonly target: Element; readonly down: PointerEventInit; up?: PointerEventInit } | undefined;

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
    removeEventListener('pointerup', this.#onPointerUp, true);
    this.#container?.removeEventListener('pointerdown', this.#onEarlyDown);
    this.#chosen = false;
    this.#early = undefined;
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
    container.addEventListener('pointerdown', this.#onEarlyDown);
    addEventListener('pointerup', this.#onPointerUp, true);
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

  // A press on a handle before sortablejs arrived: played again once it is there, with its
  // release when that came first, so a drag started at once (a page just opened) is not lost.
  #onEarlyDown = (event: PointerEvent): void => {
    const target = event.composedPath()[0];
    if (!this.#sortable && event.button === 0 && target instanceof Element && target.closest('[part~=handle]')) this.#early = { target, down: pointerInit(event) };
  };

  // Sortable places the row from the pointer's last move, which it reads every 50 ms, and only
  // from the second move of a drag (the first starts it): a release right after a single move
  // (a quick flick, a test driver's drag) left the row where it was. On release, one more move at
  // its point, read at once, then the release goes on to Sortable.
  #onPointerUp = (event: PointerEvent): void => {
    if (!event.isTrusted) return;
    if (this.#early && !this.#sortable) this.#early.up = pointerInit(event);
    else if (this.#chosen) this.#readPointer(pointerInit(event));
  };

  #readPointer(init: PointerEventInit): void {
    // pointermove where pointer events drive Sortable, mousemove where they do not (Safari).
    document.dispatchEvent(new PointerEvent('pointermove', { ...init, buttons: 1 }));
    document.dispatchEvent(new MouseEvent('mousemove', { ...init, buttons: 1 }));
    // The check Sortable runs on its timer (a bound method of every instance, sortablejs 1.15).
    (this.#sortable as unknown as { _emulateDragOver?: () => void } | undefined)?._emulateDragOver?.();
  }

  // A press and release that both came before sortablejs: played as a drag once it is there.
  #replay(early: { readonly target: Element; readonly down: PointerEventInit; readonly up?: PointerEventInit }): void {
    early.target.dispatchEvent(new PointerEvent('pointerdown', { ...early.down, buttons: 1 }));
    const up = early.up;
    if (!up) return;
    const move = () => this.#readPointer(up);
    // The first move starts the drag, whose ghost comes in the next task; the second places the row.
    setTimeout(move);
    setTimeout(() => {
      move();
      document.dispatchEvent(new PointerEvent('pointerup', up));
    }, 20);
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
        this.#chosen = true;
      },
      onUnchoose: () => {
        this.#chosen = false;
      },
      onEnd: (event) => {
        const { item, oldDraggableIndex: from, newDraggableIndex: to } = event;
        item.parentNode?.insertBefore(item, this.#anchor);
        this.#anchor = null;
        if (from !== undefined && to !== undefined && from !== to) this.#options.onMove(from, to);
      },
    });
    const early = this.#early;
    this.#early = undefined;
    if (early) this.#replay(early);
  }
}

/** What a pointer event replayed for sortablejs keeps of the real one. */
function pointerInit(event: PointerEvent): PointerEventInit {
  const { clientX, clientY, pointerId, pointerType, isPrimary, button } = event;
  return { bubbles: true, composed: true, cancelable: true, clientX, clientY, pointerId, pointerType, isPrimary, button };
}
