import { noChange } from 'lit';
import { Directive, directive, PartType } from 'lit/directive.js';
import type { ChildPart, DirectiveResult, PartInfo } from 'lit/directive.js';
import type { SelectOption } from './select.js';

// Each list of options as `<option>` nodes, built once: every select showing it clones them.
// Rendering 250 countries as one template instance each cost more than naming them.
const built = new WeakMap<readonly SelectOption[], DocumentFragment>();

function master(options: readonly SelectOption[]): DocumentFragment {
  let fragment = built.get(options);
  if (!fragment) {
    fragment = document.createDocumentFragment();
    // `new Option(text, value)`: the label is text, never markup.
    for (const { value, label } of options) fragment.append(new Option(label, value));
    built.set(options, fragment);
  }
  return fragment;
}

/**
 * The `<option>`s of a select after its placeholder: a clone of the list's nodes, rendered
 * again only when the list changes (another language), and the `selected` attribute moved to
 * the option of `value` (none for a value the list lacks).
 */
class OptionsDirective extends Directive {
  #options: readonly SelectOption[] | undefined;
  #byValue = new Map<string, HTMLOptionElement>();
  #selected: HTMLOptionElement | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('selectOptions() belongs inside a <select>');
  }

  render(_options: readonly SelectOption[], _value: string): unknown {
    return noChange;
  }

  override update(_part: ChildPart, [options, value]: [readonly SelectOption[], string]): unknown {
    let nodes: DocumentFragment | typeof noChange = noChange;
    if (options !== this.#options) {
      this.#options = options;
      nodes = master(options).cloneNode(true) as DocumentFragment;
      this.#byValue = new Map([...nodes.children].map((option) => [(option as HTMLOptionElement).value, option as HTMLOptionElement]));
      this.#selected = undefined;
    }
    const next = this.#byValue.get(value);
    if (next !== this.#selected) {
      if (this.#selected) this.#selected.defaultSelected = false;
      if (next) next.defaultSelected = true;
      this.#selected = next;
    }
    return nodes;
  }
}

/** Renders `options` inside a `<select>`, `value`'s one selected. */
export const selectOptions: (options: readonly SelectOption[], value: string) => DirectiveResult<typeof OptionsDirective> = directive(OptionsDirective);
