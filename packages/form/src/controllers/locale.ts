import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocalesChange } from '@account-request/sdk';

type Host = ReactiveControllerHost & HTMLElement;

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The language tag that applies to `element`: its own `lang`, else the closest ancestor with
 * one (crossing shadow roots, so an element inside another component still follows the page),
 * else the document's, else `en`.
 */
export function inheritedLang(element: Element): string {
  const own = element.getAttribute('lang');
  if (own) return own;
  let node: Element | null = element.parentElement ?? hostOf(element);
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    node = hostOf(node);
  }
  return element.ownerDocument.documentElement.lang || 'en';
}

/**
 * The language of an element, shared by `<account-request-form>` and `<form-field-config>`:
 * {@link inheritedLang}, or the host's `lang` property when it is set without the attribute.
 * Every tree between the host and the document (the document, and each shadow root crossed)
 * is observed, so a change of an ancestor's `lang` re-renders the host when its language changes.
 */
export class LocaleController implements ReactiveController {
  readonly #host: Host;
  readonly #observer: MutationObserver;
  #lang: string | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#observer = new MutationObserver(() => {
      if (this.#lang !== undefined && this.#read() !== this.#lang) this.#host.requestUpdate();
    });
    host.addController(this);
  }

  /** The language tag that applies to the host now (`fr`, `en-GB`…; `en` when none is set). */
  get lang(): string {
    this.#lang = this.#read();
    return this.#lang;
  }

  hostConnected(): void {
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    for (let node: Element | null = this.#host; node; node = hostOf(node)) {
      const root = node.getRootNode();
      this.#observer.observe(root instanceof ShadowRoot ? root : node.ownerDocument.documentElement, options);
    }
    // A language chunk that arrives, or a page's registerLocale, changes the words, not the tag.
    this.#unsubscribe = onLocalesChange(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    this.#unsubscribe?.();
  }

  #read(): string {
    return this.#host.lang || inheritedLang(this.#host);
  }
}
