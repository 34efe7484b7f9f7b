import type { nothing, TemplateResult } from 'lit';
import type { LookupFieldState, LookupHost, LookupKit } from '../controllers/lookups.js';
import { AddressCombobox } from './address-combobox.js';
import { CompanyOffer } from './company-offer.js';
import type { LookupContext } from './context.js';
import { adoptLookupStyles } from './lookups.styles.js';
import { VatHelp } from './vat-help.js';

/**
 * The lookups of one form once their chunk is loaded: the company offer after the SIRET field,
 * the derived VAT number and its warning after the VAT field, the address combobox on the street
 * field. The form hands it its events and asks it what to add to those fields.
 */
export class LookupUi {
  readonly #company: CompanyOffer;
  readonly #vat: VatHelp;
  readonly #address: AddressCombobox;
  readonly #kit: LookupKit;

  /** `kit`: what the chunk uses of the bundle, handed over by it (see LookupKit). */
  constructor(kit: LookupKit, host: LookupHost, lookups: LookupContext['lookups']) {
    const context: LookupContext = { kit, host, lookups };
    this.#kit = kit;
    this.#company = new CompanyOffer(context);
    this.#vat = new VatHelp(context);
    this.#address = new AddressCombobox(context);
    adoptLookupStyles(host.element);
  }

  /** An event of the form (input, change, keydown, focusout) and the element it started at. */
  handle(event: Event, target: EventTarget | null): void {
    if (event instanceof KeyboardEvent) return this.#address.keydown(event, target);
    if (event.type === 'focusout') return this.#address.left(target);
    const id = this.#kit.readControl(target)?.id;
    if (id) this.input(id);
  }

  /** Field `id` changed. */
  input(id: string): void {
    if (id === 'siret') this.#company.siretChanged();
    else if (id === 'street') this.#address.typed();
    else if (id === 'country') this.#address.countryChanged();
  }

  /** The server said which lookups are on: a SIRET typed before is asked now. */
  capabilitiesChanged(): void {
    this.#company.siretChanged(true);
  }

  field(id: string): LookupFieldState {
    if (id === 'siret') return { describedBy: this.#company.describedBy() };
    if (id === 'vatNumber') return { describedBy: this.#vat.describedBy() };
    return id === 'street' ? this.#address.field() : {};
  }

  // Only the fields of the bundle's LOOKUP_FIELDS get this slot (controllers/lookups.ts).
  after(id: string): TemplateResult | typeof nothing {
    if (id === 'siret') return this.#company.render();
    if (id === 'vatNumber') return this.#vat.render();
    return id === 'street' ? this.#address.render() : this.#kit.nothing;
  }

  reset(): void {
    this.#company.reset();
    this.#address.reset();
  }
}
