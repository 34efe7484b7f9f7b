import type { TemplateResult } from 'lit';
import { focusAfterUpdate, inFrance, text, words, type LookupContext } from './context.js';

/**
 * What the SIRET says about the VAT number, without asking anyone: for a French company whose
 * VAT field is empty, the number derived from the SIREN (one button takes it); for a typed
 * French VAT number of another SIREN, a warning tied to the field that never refuses the request.
 */
export class VatHelp {
  readonly #context: LookupContext;

  constructor(context: LookupContext) {
    this.#context = context;
  }

  get #ids() {
    const prefix = this.#context.host.prefix;
    return { offer: `${prefix}-vat-offer`, warning: `${prefix}-vat-warning` };
  }

  /** The derived number to offer, when there is one. */
  #derived(): string | undefined {
    const context = this.#context;
    const { sirenOfSiret, frenchVatFromSiren } = context.kit;
    if (text(context, 'vatNumber').trim() || !inFrance(context) || !context.host.fillable('vatNumber')) return undefined;
    const siren = sirenOfSiret(text(context, 'siret'));
    return siren && frenchVatFromSiren(siren);
  }

  #warning(): string | undefined {
    const context = this.#context;
    const { identifierWarnings, format } = context.kit;
    const [warning] = identifierWarnings({ siret: text(context, 'siret'), vatNumber: text(context, 'vatNumber') });
    return warning && format(words(context).warnings[warning.code], warning.params);
  }

  /** The offer and the warning describe the VAT field while shown. */
  describedBy(): readonly string[] | undefined {
    const ids = [...(this.#derived() ? [this.#ids.offer] : []), ...(this.#warning() ? [this.#ids.warning] : [])];
    return ids.length ? ids : undefined;
  }

  #use(vat: string): void {
    this.#context.host.fill({ vatNumber: vat });
    focusAfterUpdate(this.#context, '[name="vatNumber"]');
  }

  /** After the VAT field: the offer, and a polite live region that says the warning when it comes. */
  render(): TemplateResult {
    const { html, nothing, format } = this.#context.kit;
    const ids = this.#ids;
    const derived = this.#derived();
    const warning = this.#warning();
    const w = words(this.#context);
    return html`${derived
        ? html`<div part="vat-offer" class="arf-lookup arf-lookup-vat">
            <p id=${ids.offer}>${format(w.vatOffer, { vat: derived })}</p>
            <div class="arf-lookup-actions">
              <button type="button" part="vat-accept" class="arf-button arf-secondary" @click=${() => this.#use(derived)}>${w.vatAccept}</button>
            </div>
          </div>`
        : nothing}<div class="arf-lookup-note" aria-live="polite">${warning ? html`<p part="warning" class="arf-warning" id=${ids.warning}>${warning}</p>` : nothing}</div>`;
  }
}
