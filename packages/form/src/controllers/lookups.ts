import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { compactIdentifier, createClient, DEFAULT_COUNTRY, format, frenchVatFromSiren, identifierWarnings, intlLocale, registerLocale, sirenOfSiret, texts } from '@account-request/sdk';
import type { AccountRequestClient, LookupCapabilities, ResolvedField } from '@account-request/sdk';
import { readControl } from '../account-request-form/form-values.js';
import type { FieldValue } from '../fields/index.js';
import type { ComboboxState } from '../fields/shared.js';
import { whenIdle } from './when-idle.js';

type Chunk = typeof import('../lookups/lookups.js');
type Ui = InstanceType<Chunk['LookupUi']>;

/** What the lookups read from their form, and the one thing they do to it (fill values in). */
export interface LookupHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  /** The form's id prefix, unique per instance. */
  readonly prefix: string;
  readonly root: () => ParentNode;
  readonly locale: () => string;
  readonly fields: () => readonly ResolvedField[];
  /** A lookup may offer and fill field `id`: the form shows it (on any step) and the host did not fix it (`readonly-fields`). */
  readonly fillable: (id: string) => boolean;
  readonly value: (id: string) => FieldValue | undefined;
  /** Sets values the person accepted (a company found, an address chosen) as if they had typed them. */
  readonly fill: (values: Readonly<Record<string, string>>) => void;
  /** The client to ask, or the base URL of a default one; `undefined` when there is no server to ask. */
  readonly client: () => AccountRequestClient | string | undefined;
}

/** What a lookup adds to a field's render state. */
export interface LookupFieldState {
  readonly describedBy?: readonly string[] | undefined;
  readonly combobox?: ComboboxState | undefined;
}

/**
 * What the chunk uses of the bundle, handed over rather than imported: a chunk importing the
 * bundle's modules would make the bundler split them into a shared file (the bundle would no
 * longer be one file), or load a second copy of the bundle when the page named it with a query
 * string. One lit, one registry, whatever URL the bundle came from.
 */
export interface LookupKit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly keyed: typeof keyed;
  readonly texts: typeof texts;
  readonly format: typeof format;
  readonly intlLocale: typeof intlLocale;
  readonly compactIdentifier: typeof compactIdentifier;
  readonly sirenOfSiret: typeof sirenOfSiret;
  readonly frenchVatFromSiren: typeof frenchVatFromSiren;
  readonly identifierWarnings: typeof identifierWarnings;
  readonly readControl: typeof readControl;
  readonly DEFAULT_COUNTRY: typeof DEFAULT_COUNTRY;
}
const KIT: LookupKit = { html, nothing, keyed, texts, format, intlLocale, compactIdentifier, sirenOfSiret, frenchVatFromSiren, identifierWarnings, readControl, DEFAULT_COUNTRY };

/**
 * The fields after which a lookup can show something (the company offer, the VAT number
 * derived from the SIRET, the address suggestions): the chunk's `after` answers `nothing` for
 * every other field, so the form renders those without the extra slot.
 */
export const LOOKUP_FIELDS: ReadonlySet<string> = new Set(['siret', 'vatNumber', 'street']);

const NONE: LookupCapabilities = { company: false, address: false };
/** How long after its first render a form waits before asking which lookups are on. */
const CAPABILITIES_DELAY_MS = 500;
const NO_STATE: LookupFieldState = {};

/**
 * The company and address lookups of a form (issue 14), loaded on demand: asks the server which
 * lookups it has on (once per client, only for a config showing a SIRET or a street field), and
 * fetches the lookups' chunk (account-request-form.lookups.js beside the bundle) when one of them
 * applies, or when a SIRET is first typed (the VAT number derived from it needs no server).
 * Until the chunk is there the form is exactly as without lookups.
 */
export class LookupsController implements ReactiveController {
  readonly #host: LookupHost;
  #ui: Ui | undefined;
  #loading: Promise<void> | undefined;
  #capabilities = NONE;
  #asked: unknown;
  #client: { source: AccountRequestClient | string; api: AccountRequestClient } | undefined;
  // Fields typed before the chunk arrived: it looks at them once loaded.
  readonly #typed = new Set<string>();

  constructor(host: LookupHost) {
    this.#host = host;
    host.element.addController(this);
  }

  // On the render root, not the element: a focusout from one field of the shadow root to another
  // never reaches the element (target and relatedTarget are both the element from outside), and
  // the address list stayed open when the person clicked the next field.
  #listening: Node | undefined;

  hostConnected(): void {
    const root = (this.#listening = this.#host.root());
    for (const type of ['input', 'change', 'keydown', 'focusout']) root.addEventListener(type, this.#onEvent);
  }

  hostDisconnected(): void {
    for (const type of ['input', 'change', 'keydown', 'focusout']) this.#listening?.removeEventListener(type, this.#onEvent);
    this.#ui?.reset();
  }

  hostUpdated(): void {
    const ids = this.#host.fields().map((field) => field.id);
    const source = this.#host.client();
    if (source === undefined || source === this.#asked || !(ids.includes('siret') || ids.includes('street'))) return;
    this.#asked = source;
    // Asked once the page has settled: the answer matters when the person types (a SIRET typed
    // before it still gets its lookups), and the request (the client's first run, its answer)
    // would otherwise compete with the first render and the first moments of a busy page.
    setTimeout(() => whenIdle(() => this.#askCapabilities(source, ids)), CAPABILITIES_DELAY_MS);
  }

  #askCapabilities(source: AccountRequestClient | string, ids: readonly string[]): void {
    // A form given another server meanwhile asks that one instead.
    if (this.#asked !== source) return;
    void this.api?.lookupCapabilities?.().then(
      (capabilities) => {
        if (this.#asked !== source) return;
        this.#capabilities = capabilities;
        if ((capabilities.company && ids.includes('siret')) || (capabilities.address && ids.includes('street'))) this.#load();
        this.#ui?.capabilitiesChanged();
        this.#host.element.requestUpdate();
      },
      // A server that cannot say has no lookups for this form.
      () => undefined,
    );
  }

  /** The client lookups go through, when the form has a server. */
  get api(): AccountRequestClient | undefined {
    const source = this.#host.client();
    if (source === undefined) return undefined;
    if (this.#client?.source !== source) this.#client = { source, api: typeof source === 'string' ? createClient({ base: source, retry: 0 }) : source };
    return this.#client.api;
  }

  /** Which lookups the server said are on (none until it answered). */
  get capabilities(): LookupCapabilities {
    return this.#capabilities;
  }

  #load(): void {
    if (this.#ui || this.#loading) return;
    this.#loading = import('../lookups/lookups.js').then(
      (chunk) => {
        for (const [tag, lookups] of Object.entries(chunk.tables)) registerLocale(tag, { lookups });
        this.#ui = new chunk.LookupUi(KIT, this.#host, this);
        for (const id of this.#typed) this.#ui.input(id);
        this.#typed.clear();
        this.#host.element.requestUpdate();
      },
      // A chunk that could not be fetched is asked again on the next SIRET typed.
      () => void (this.#loading = undefined),
    );
  }

  readonly #onEvent = (event: Event): void => {
    const target = event.composedPath()[0] ?? null;
    if (this.#ui) return this.#ui.handle(event, target);
    if (event.type !== 'input' && event.type !== 'change') return;
    const id = readControl(target)?.id;
    if (!id) return;
    this.#typed.add(id);
    if (id === 'siret') this.#load();
  };

  /** What the lookups add to field `id`'s render state (descriptions, the combobox). */
  field(id: string): LookupFieldState {
    return this.#ui?.field(id) ?? NO_STATE;
  }

  /** What the lookups show after field `id` (the offer, the suggestions, a warning). */
  after(id: string): TemplateResult | typeof nothing {
    return this.#ui?.after(id) ?? nothing;
  }

  /** Forgets offers, suggestions and running lookups (the form was emptied). */
  reset(): void {
    this.#ui?.reset();
  }
}
