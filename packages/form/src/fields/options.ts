import { noChange } from 'lit';
import { Directive, directive, PartType } from 'lit/directive.js';
import type { ChildPart, DirectiveResult, PartInfo } from 'lit/directive.js';
import type { SelectOption } from './select.js';

/**
 * The `<option>`s of a select after its placeholder: built as nodes (one template instance per
 * option cost ~20 ms for 250 countries), again only when the list changes (another language),
 * with the `selected` attribute moved to the option of `value` (none for a value the list lacks).
 * Each select builds its own: keeping a master list to clone cost a second copy of every option
 * (the clone, and its wrappers to find the selected one) for the one country select most forms have.
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
      nodes = document.createDocumentFragment();
      this.#byValue = new Map();
      for (const { value: each, label } of options) {
        // `new Option(text, value)`: the label is text, never markup.
        const option = new Option(label, each);
        this.#byValue.set(each, option);
        nodes.append(option);
      }
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
