import type { nothing, TemplateResult } from 'lit';
import type { AddressSuggestion } from '@account-request/sdk';
import type { ComboboxState } from '../fields/shared.js';
import { control, inFrance, text, words, type LookupContext } from './context.js';

const MIN_LENGTH = 3;
const DEBOUNCE_MS = 250;
const LIMIT = 5;
const TIMEOUT_MS = 2000;

const isStreet = (target: EventTarget | null): target is HTMLInputElement => target instanceof HTMLInputElement && target.name === 'street';

/**
 * Suggestions for the street field of a French address, as an ARIA 1.2 combobox with a listbox
 * popup (`aria-autocomplete="list"`): typing (3 characters, debounced) asks the server; the list
 * opens with nothing chosen and its size is announced; Down and Up move through it (wrapping),
 * Enter takes the option moved to, Escape closes it keeping the text, Tab leaves. Choosing fills
 * street, postal code and city (those the form shows, on any step, and the host did not fix).
 * The input keeps its label, name, autocomplete and validation.
 */
export class AddressCombobox {
  readonly #context: LookupContext;
  #query = '';
  #suggestions: readonly AddressSuggestion[] = [];
  #expanded = false;
  #active = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #said = { text: '', seq: 0 };

  constructor(context: LookupContext) {
    this.#context = context;
  }

  get #ids() {
    const prefix = this.#context.host.prefix;
    return { listbox: `${prefix}-street-listbox`, status: `${prefix}-street-status`, option: (index: number) => `${prefix}-street-option-${index}` };
  }

  /** On when the server has an address search and the address is French. */
  get on(): boolean {
    const { lookups } = this.#context;
    return lookups.capabilities.address && lookups.api?.searchAddress !== undefined && inFrance(this.#context);
  }

  /** The street text changed: a search once typing pauses, when it is long enough. */
  typed(): void {
    const query = text(this.#context, 'street').replace(/\s+/g, ' ').trim();
    if (query === this.#query) return;
    this.#query = query;
    this.#cancel();
    if (!this.on || query.length < MIN_LENGTH) return this.#clear();
    this.#timer = setTimeout(() => void this.#search(query), DEBOUNCE_MS);
  }

  /** Another country: no suggestion for it. */
  countryChanged(): void {
    if (!this.on) this.reset();
  }

  reset(): void {
    this.#cancel();
    this.#query = '';
    this.#clear();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #clear(): void {
    this.#suggestions = [];
    this.#close();
  }

  #close(): void {
    this.#expanded = false;
    this.#active = -1;
    this.#context.host.element.requestUpdate();
  }

  async #search(query: string): Promise<void> {
    const api = this.#context.lookups.api;
    if (!api?.searchAddress) return;
    const abort = new AbortController();
    this.#abort = abort;
    let found: readonly AddressSuggestion[];
    try {
      found = await api.searchAddress(query, { limit: LIMIT, signal: abort.signal, timeout: TIMEOUT_MS });
    } catch {
      // Failed or slow: no suggestion, the field stays an ordinary one.
      if (!abort.signal.aborted) this.#clear();
      return;
    }
    if (abort.signal.aborted) return;
    this.#abort = undefined;
    this.#suggestions = found;
    this.#active = -1;
    // The list opens only under the person's cursor: not after they moved on.
    const focused = control(this.#context, 'street')?.matches(':focus') === true;
    this.#expanded = focused && found.length > 0;
    if (focused) {
      const w = words(this.#context);
      const { format } = this.#context.kit;
      this.#say(found.length ? format(w.suggestions, { count: found.length }, this.#context.host.locale()) : w.noSuggestion);
    }
    this.#context.host.element.requestUpdate();
  }

  #say(text: string): void {
    this.#said = { text, seq: this.#said.seq + 1 };
    this.#context.host.element.requestUpdate();
  }

  #choose(index: number): void {
    const suggestion = this.#suggestions[index];
    if (!suggestion) return;
    const values: Record<string, string> = {};
    for (const [id, value] of [['street', suggestion.street], ['postalCode', suggestion.postalCode], ['city', suggestion.city]] as const) {
      if (this.#context.host.fillable(id)) values[id] = value;
    }
    this.#cancel();
    this.#query = suggestion.street;
    this.#suggestions = [];
    this.#close();
    this.#context.host.fill(values);
    this.#say(words(this.#context).addressFilled);
  }

  #move(step: 1 | -1): void {
    const count = this.#suggestions.length;
    this.#expanded = true;
    this.#active = this.#active < 0 ? (step > 0 ? 0 : count - 1) : (this.#active + step + count) % count;
    this.#context.host.element.requestUpdate();
  }

  /** Keys of the street input. */
  keydown(event: KeyboardEvent, target: EventTarget | null): void {
    if (!isStreet(target) || !this.on || event.altKey || event.ctrlKey || event.metaKey) return;
    const count = this.#suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        return this.#move(event.key === 'ArrowDown' ? 1 : -1);
      case 'Enter':
        // Without an option moved to, Enter does what it always does (sends the form).
        if (!this.#expanded || this.#active < 0) return;
        event.preventDefault();
        return this.#choose(this.#active);
      case 'Escape':
        if (!this.#expanded) return;
        event.preventDefault();
        return this.#close();
      case 'Tab':
        if (this.#expanded) this.#close();
        return;
      default:
        return;
    }
  }

  /** Focus left the street input (Tab, a click elsewhere): the list closes, nothing chosen. */
  left(target: EventTarget | null): void {
    if (isStreet(target) && this.#expanded) this.#close();
  }

  field(): { combobox?: ComboboxState } {
    if (!this.on) return {};
    const ids = this.#ids;
    return { combobox: { expanded: this.#expanded, listbox: ids.listbox, active: this.#expanded && this.#active >= 0 ? ids.option(this.#active) : undefined } };
  }

  /** The listbox (hidden while collapsed) and the status line that says how many suggestions came. */
  render(): TemplateResult | typeof nothing {
    const { html, keyed, nothing: none } = this.#context.kit;
    if (!this.on) return this.#context.kit.nothing;
    const ids = this.#ids;
    const said = this.#said;
    return html`<ul part="suggestions" class="arf-suggestions" role="listbox" id=${ids.listbox} aria-label=${words(this.#context).suggestionsLabel} ?hidden=${!this.#expanded}>
        ${this.#suggestions.map(
          (suggestion, index) =>
            html`<li
              part="suggestion"
              class="arf-suggestion"
              role="option"
              id=${ids.option(index)}
              aria-selected=${index === this.#active ? 'true' : 'false'}
              @mousedown=${(event: Event) => event.preventDefault()}
              @click=${() => this.#choose(index)}
            >
              ${suggestion.label}
            </li>`,
        )}
      </ul>
      <div class="arf-vh" role="status" id=${ids.status}>${keyed(said.seq, said.text ? html`<span>${said.text}</span>` : none)}</div>`;
  }
}
