import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The language tag that applies to `element`: its own `lang`, else the closest ancestor
 * with one (crossing shadow roots, so an element inside another component still follows
 * the page), else the document's, else `en`.
 */
export function inheritedLang(element: Element): string {
  const own = element.getAttribute('lang');
  if (own) return own;
  let node: Element | null = element.parentElement ?? hostOf(element);
  while (node) {
    const found = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    node = hostOf(node);
  }
  return element.ownerDocument.documentElement.lang || 'en';
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Re-renders the host when a `lang` attribute changes anywhere in the document, as the inherited language may follow. */
export class LangObserver implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    this.#observer.observe(this.#host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
