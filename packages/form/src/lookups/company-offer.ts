import type { nothing, TemplateResult } from 'lit';
import type { CompanyLookup } from '@account-request/sdk';
import { focusAfterUpdate, labelOf, text, words, type LookupContext } from './context.js';

// The applicant waits on it: a directory slower than this offers nothing.
const TIMEOUT_MS = 2000;

type Phase = 'offer' | 'replace' | 'done' | 'declined';

interface Found {
  readonly company: CompanyLookup;
  readonly phase: Phase;
  /** Fields holding something else than the company's value, waiting for the second choice. */
  readonly conflicts: Readonly<Record<string, string>>;
  readonly filled: number;
}

// "Comptoir Duval" typed and "COMPTOIR DUVAL" found are the same entry: nothing to replace.
const same = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLocaleLowerCase() === b.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * The offer to fill in a company's details from its SIRET: once the SIRET typed is valid, the
 * server's directory is asked (2 s at most, dropped when the SIRET changes); what it found is
 * offered in a polite live region beside the field. Accepting fills the empty fields only and
 * asks again, naming them, before replacing anything entered. A closed establishment is pointed
 * out; nothing here ever holds the submission.
 */
export class CompanyOffer {
  readonly #context: LookupContext;
  #siret = '';
  #abort: AbortController | undefined;
  #found: Found | undefined;

  constructor(context: LookupContext) {
    this.#context = context;
  }

  get #ids() {
    const prefix = this.#context.host.prefix;
    return { closed: `${prefix}-siret-closed`, question: `${prefix}-lookup-question` };
  }

  /**
   * The SIRET changed: what was found for another number goes, a valid one is looked up.
   * `again`: the server just said it has a directory, so a number typed before is asked now.
   */
  siretChanged(again = false): void {
    const { compactIdentifier, sirenOfSiret } = this.#context.kit;
    const siret = compactIdentifier(text(this.#context, 'siret'));
    if (again ? this.#abort || this.#found : siret === this.#siret) return;
    this.reset();
    this.#siret = siret;
    const { lookups } = this.#context;
    const api = lookups.api;
    if (!lookups.capabilities.company || !api?.lookupCompany || sirenOfSiret(siret) === undefined) return;
    const abort = new AbortController();
    this.#abort = abort;
    api.lookupCompany(siret, { signal: abort.signal, timeout: TIMEOUT_MS }).then(
      (company) => {
        if (abort.signal.aborted) return;
        this.#abort = undefined;
        if (company) this.#offer(company);
      },
      // Failed, slow or refused: no offer, the form goes on as before.
      () => {
        if (this.#abort === abort) this.#abort = undefined;
      },
    );
  }

  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#siret = '';
    this.#set(undefined);
  }

  #set(found: Found | undefined): void {
    if (found === this.#found) return;
    this.#found = found;
    this.#context.host.element.requestUpdate();
  }

  #offer(company: CompanyLookup): void {
    const proposal = this.#proposal(company);
    const news = Object.entries(proposal).some(([id, value]) => !same(text(this.#context, id), value));
    // Nothing new to fill in: only a closed establishment is worth a word.
    if (news || company.closed) this.#set({ company, phase: news ? 'offer' : 'declined', conflicts: {}, filled: 0 });
  }

  /** What the company gives for the fields the form shows (on any step) and the host did not fix, by field id. */
  #proposal(company: CompanyLookup): Record<string, string> {
    const { host } = this.#context;
    const legalForms = host.fields().find((field) => field.id === 'legalForm')?.options ?? [];
    const values: Record<string, string> = {};
    if (company.name) values['companyName'] = company.name;
    if (company.legalForm && legalForms.some((option) => option.value === company.legalForm)) values['legalForm'] = company.legalForm;
    if (company.address) Object.assign(values, { street: company.address.street, postalCode: company.address.postalCode, city: company.address.city, country: company.address.country });
    for (const id of Object.keys(values)) if (!host.fillable(id)) delete values[id];
    return values;
  }

  #accept(found: Found): void {
    const empty: Record<string, string> = {};
    const conflicts: Record<string, string> = {};
    for (const [id, value] of Object.entries(this.#proposal(found.company))) {
      const current = text(this.#context, id);
      if (!current.trim()) empty[id] = value;
      else if (!same(current, value)) conflicts[id] = value;
    }
    const filled = Object.keys(empty).length;
    if (filled) this.#context.host.fill(empty);
    const asking = Object.keys(conflicts).length > 0;
    this.#set({ ...found, phase: asking ? 'replace' : 'done', conflicts, filled });
    // The button pressed is gone: the question, or back to the SIRET.
    focusAfterUpdate(this.#context, asking ? `#${this.#ids.question}` : '[name="siret"]');
  }

  #replace(found: Found, replace: boolean): void {
    if (replace) this.#context.host.fill(found.conflicts);
    this.#set({ ...found, phase: 'done', conflicts: {}, filled: found.filled + (replace ? Object.keys(found.conflicts).length : 0) });
    focusAfterUpdate(this.#context, '[name="siret"]');
  }

  #decline(found: Found): void {
    this.#set({ ...found, phase: 'declined' });
    focusAfterUpdate(this.#context, '[name="siret"]');
  }

  /** The closed establishment's note, which describes the SIRET field while shown. */
  describedBy(): readonly string[] | undefined {
    return this.#found?.company.closed ? [this.#ids.closed] : undefined;
  }

  #details(found: Found): TemplateResult {
    const context = this.#context;
    const { html } = context.kit;
    const proposal = this.#proposal(found.company);
    const legalForm = context.host.fields().find((field) => field.id === 'legalForm');
    const address = found.company.address;
    const rows: [string, string][] = [];
    if (proposal['companyName']) rows.push([labelOf(context, 'companyName'), proposal['companyName']]);
    if (proposal['legalForm']) rows.push([labelOf(context, 'legalForm'), legalForm?.options?.find((option) => option.value === proposal['legalForm'])?.label ?? proposal['legalForm']]);
    if (address && (proposal['street'] || proposal['postalCode'] || proposal['city'])) rows.push([words(context).registeredOffice, `${address.street}, ${address.postalCode} ${address.city}`]);
    return html`<dl>${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
  }

  #phase(found: Found): TemplateResult | typeof nothing {
    const { html, nothing, format, intlLocale } = this.#context.kit;
    const w = words(this.#context);
    const locale = this.#context.host.locale();
    switch (found.phase) {
      case 'offer':
        return html`<p>${w.found}</p>
          ${this.#details(found)}
          <p>${w.offer}</p>
          <div class="arf-lookup-actions">
            <button type="button" part="lookup-accept" class="arf-button" @click=${() => this.#accept(found)}>${w.accept}</button>
            <button type="button" part="lookup-decline" class="arf-button arf-secondary" @click=${() => this.#decline(found)}>${w.decline}</button>
          </div>`;
      case 'replace': {
        const labels = Object.keys(found.conflicts).map((id) => labelOf(this.#context, id));
        const fields = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(labels);
        return html`${found.filled ? html`<p>${format(w.filled, { count: found.filled }, locale)}</p>` : nothing}
          <p id=${this.#ids.question} tabindex="-1">${format(w.replace, { fields })}</p>
          <div class="arf-lookup-actions">
            <button type="button" part="lookup-replace" class="arf-button" @click=${() => this.#replace(found, true)}>${w.replaceAccept}</button>
            <button type="button" part="lookup-keep" class="arf-button arf-secondary" @click=${() => this.#replace(found, false)}>${w.replaceKeep}</button>
          </div>`;
      }
      case 'done':
        return found.filled ? html`<p>${format(w.filled, { count: found.filled }, locale)}</p>` : nothing;
      default:
        return nothing;
    }
  }

  /** The polite live region after the SIRET field: always there, so that what appears in it is announced. */
  render(): TemplateResult {
    const { html, nothing } = this.#context.kit;
    const found = this.#found;
    // No whitespace inside the region: empty, it takes no room (:empty).
    return html`<div part="lookup" class="arf-lookup" aria-live="polite">${found
      ? html`${found.company.closed ? html`<p part="warning" class="arf-warning" id=${this.#ids.closed}>${words(this.#context).closed}</p>` : nothing}${this.#phase(found)}`
      : nothing}</div>`;
  }
}
