import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { countryName, format, formatDay, formatFileKinds, formatFileSize, resolveSteps, visibleFields } from '@account-request/sdk';
import type { FormConfig, ResolvedField, ResolvedStep } from '@account-request/sdk';
import { errorText, fieldIds, requiredMarker, type FieldValue } from '../fields/shared.js';
import type { FormStrings } from '../i18n.js';
import type { CurrentStep, Stepper } from '../steps/steps.js';
import type { UploadsKit } from '../uploads/uploads.js';
import { OnDemand } from './on-demand.js';

/** What the adaptive parts read from their form, and what they ask of it. */
export interface AdaptiveHost {
  readonly element: ReactiveControllerHost & HTMLElement;
  /** The form's id prefix, unique per instance. */
  readonly prefix: string;
  readonly root: () => ParentNode;
  readonly config: () => FormConfig | undefined;
  /** Every displayed field, resolved (shown or not). */
  readonly fields: () => readonly ResolvedField[];
  /** The values the form holds, hidden fields' included. */
  readonly values: () => Readonly<Record<string, FieldValue>>;
  readonly locale: () => string;
  readonly strings: () => FormStrings;
  /** Checks fields `ids`, shows their errors and focuses the first invalid one; true when all pass. */
  readonly check: (ids: readonly string[]) => boolean;
  /** Focuses the control of field `id` after the next render. */
  readonly focusField: (id: string) => void;
  /** Records files the person chose for field `id` (checked and kept in the draft by name). */
  readonly chooseFiles: (id: string, files: readonly File[]) => void;
  /** Names of files a restored draft had for field `id`. */
  readonly again: (id: string) => readonly string[];
  /** The error shown for field `id`, if any. */
  readonly error: (id: string) => string | undefined;
  /** True for a field the page fixed (`readonly-fields`): the person cannot change it. */
  readonly fixed: (id: string) => boolean;
  /** Says `text` through the form's polite live region (its one status line). */
  readonly announce: (text: string) => void;
}

/** What the form renders for the current answers: one page, or the current step. */
export interface FormView {
  readonly fields: readonly ResolvedField[];
  /** The last (or only) page: the confirmation box, the bot check and submit go there. */
  readonly last: boolean;
  readonly heading: TemplateResult | typeof nothing;
  readonly summary: TemplateResult | typeof nothing;
  readonly buttons: TemplateResult | typeof nothing;
}

const has = (config: FormConfig, key: 'steps'): boolean => Object.hasOwn(config, key) && (config[key]?.length ?? 0) > 0;

function list(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds the rules a chunk brings to where `element` renders: its shadow root, or, in light-DOM
 * mode, the document (or shadow root) holding it, scoped under its tag in the form's cascade
 * layer as the bundle's own rules are. Constructed sheets, once per text and root.
 */
function adoptRules(element: HTMLElement, renderRoot: ParentNode, rules: string): void {
  const root = renderRoot instanceof ShadowRoot ? renderRoot : element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const text = root === renderRoot ? rules : `@layer account-request-form { ${element.localName}[light-dom] { ${rules} } }`;
  let sheet = sheets.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    sheets.set(text, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** A JSON replacer that writes a file as what tells it apart (a submission's fingerprint). */
export function fileFingerprint(_key: string, value: unknown): unknown {
  return value instanceof File ? { name: value.name, size: value.size, type: value.type, lastModified: value.lastModified } : value;
}

/**
 * The adaptive parts of `<account-request-form>` (issue 13): which fields the answers show
 * (`visibleFields`, re-read on every answer, saying politely which fields appear or go), and
 * the parts only some configs need, each a chunk fetched beside the bundle on first need:
 * steps (progress, Back / Next, the summary) and file fields (the file list). A form waits
 * for its chunks before it renders, so it never jumps from one page to steps.
 */
export class AdaptiveController implements ReactiveController {
  readonly #host: AdaptiveHost;
  readonly #steps: OnDemand<typeof import('../steps/steps.js')>;
  readonly #uploads: OnDemand<typeof import('../uploads/uploads.js')>;
  #stepper: Stepper | undefined;
  #shownMemo: { fields: readonly ResolvedField[]; values: unknown; shown: readonly ResolvedField[] } | undefined;
  // Keyed by the words, as the form's fields are: a language's chunk may register its tables after the first render in it.
  #stepsMemo: { config: FormConfig; strings: FormStrings; values: unknown; steps: readonly ResolvedStep[] } | undefined;
  // The fields shown at the last render: what an answer is compared with.
  #seen: { config: FormConfig; ids: ReadonlySet<string> } | undefined;
  #pending = false;
  #failed = false;

  constructor(host: AdaptiveHost) {
    this.#host = host;
    this.#steps = new OnDemand(host.element, () => import('../steps/steps.js'));
    this.#uploads = new OnDemand(host.element, () => import('../uploads/uploads.js'));
    host.element.addController(this);
  }

  hostConnected(): void {}

  /** Fetches the chunks the config needs; call before each render. */
  sync(): void {
    const config = this.#host.config();
    const steps = config !== undefined && has(config, 'steps');
    const files = config !== undefined && this.#host.fields().some((field) => field.type === 'file');
    const waiting = [this.#steps.sync(steps, config), this.#uploads.sync(files, config)];
    this.#pending = waiting.some(Boolean);
    this.#failed = (steps && this.#steps.status === 'failed') || (files && this.#uploads.status === 'failed');
    if (config) this.#seen = { config, ids: new Set(this.shown().map((field) => field.id)) };
    for (const chunk of [steps && this.#steps.module, files && this.#uploads.module]) if (chunk) adoptRules(this.#host.element, this.#host.root(), chunk.styles);
  }

  /** A needed chunk is on its way: the form shows its loading state meanwhile. */
  get pending(): boolean {
    return this.#pending;
  }

  /** A needed chunk could not be fetched: the form cannot be shown as configured. */
  get failed(): boolean {
    return this.#failed;
  }

  /** The displayed fields the current answers show, in display order. */
  shown(): readonly ResolvedField[] {
    const config = this.#host.config();
    const fields = this.#host.fields();
    const values = this.#host.values();
    if (!config) return [];
    if (this.#shownMemo?.fields !== fields || this.#shownMemo.values !== values) {
      const ids = new Set(visibleFields(config, values));
      this.#shownMemo = { fields, values, shown: fields.filter((field) => ids.has(field.id)) };
    }
    return this.#shownMemo.shown;
  }

  /** After an answer: says which fields it made appear or go, in one polite message. */
  answered(): void {
    const config = this.#host.config();
    if (!config) return;
    const shown = this.shown();
    const ids = new Set(shown.map((field) => field.id));
    const before = this.#seen?.config === config ? this.#seen.ids : undefined;
    this.#seen = { config, ids };
    if (!before) return;
    const locale = this.#host.locale();
    const strings = this.#host.strings();
    const labels = (fields: readonly ResolvedField[]) => ({ count: fields.length, fields: list(fields.map((field) => field.label), locale) });
    const appeared = shown.filter((field) => !before.has(field.id));
    const gone = this.#host.fields().filter((field) => before.has(field.id) && !ids.has(field.id));
    const said = [appeared.length ? format(strings.fieldsShown, labels(appeared), locale) : '', gone.length ? format(strings.fieldsHidden, labels(gone), locale) : ''];
    if (appeared.length || gone.length) this.#host.announce(said.filter(Boolean).join(' '));
  }

  /** The chosen files of the shown file fields, to send with the values. */
  files(): Record<string, readonly File[]> {
    const values = this.#host.values();
    const out: Record<string, readonly File[]> = {};
    for (const field of this.shown()) {
      const value = values[field.id];
      if (field.type === 'file' && Array.isArray(value) && value.length) out[field.id] = value as readonly File[];
    }
    return out;
  }

  /** Handles the form's submit event (Enter or Next) before the last step: true when it did. */
  next(): boolean {
    const current = this.#current();
    if (!current || current.last) return false;
    this.#stepper?.next();
    return true;
  }

  /** Shows the step holding field `id` (before its error or its control gets the focus). */
  reveal(id: string): void {
    this.#stepper?.reveal(id);
  }

  /** Back to the first step (after `reset()`). */
  reset(): void {
    this.#stepper?.first();
  }

  /** What to render now. */
  view(): FormView {
    const current = this.#current();
    const stepper = this.#stepper;
    if (!current || !stepper) return { fields: this.shown(), last: true, heading: nothing, summary: nothing, buttons: nothing };
    return { fields: current.step.fields, last: current.last, heading: stepper.heading(current), summary: stepper.summary(current), buttons: stepper.buttons(current) };
  }

  /** A file field, through the uploads chunk (the form waits for it, so it is there). */
  renderFile(field: ResolvedField): TemplateResult {
    const chunk = this.#uploads.module;
    if (!chunk) return html``;
    const host = this.#host;
    const kit: UploadsKit = { html, nothing, format, formatFileSize, formatFileKinds, errorText, requiredMarker };
    const value = host.values()[field.id];
    return chunk.renderFileField(kit, {
      field,
      ids: fieldIds(host.prefix, field.id),
      files: Array.isArray(value) ? (value as readonly File[]) : [],
      again: host.again(field.id),
      error: host.error(field.id),
      strings: host.strings(),
      locale: host.locale(),
      change: (files, said) => {
        host.chooseFiles(field.id, files);
        host.focusField(field.id);
        // A file refused at once (too large, another type) is said with the change, not "added" alone.
        const error = host.error(field.id);
        host.announce(error ? `${said} ${host.strings().errorPrefix} ${error}` : said);
      },
    });
  }

  #current(): CurrentStep | undefined {
    const config = this.#host.config();
    const chunk = this.#steps.module;
    if (!config || !chunk || !has(config, 'steps')) return undefined;
    this.#stepper ??= new chunk.Stepper({ html, nothing, format, countryName, fileSize: formatFileSize, day: formatDay }, this.#stepsHost());
    return this.#stepper.current();
  }

  #stepsHost(): ConstructorParameters<typeof Stepper>[1] {
    const host = this.#host;
    return {
      get strings() {
        return host.strings();
      },
      get locale() {
        return host.locale();
      },
      prefix: host.prefix,
      steps: () => this.#resolvedSteps(),
      value: (id) => host.values()[id],
      fixed: host.fixed,
      check: host.check,
      focusField: host.focusField,
      // A new step: what the status line said of the last one (its errors) no longer holds.
      focusHeading: () => {
        host.announce('');
        void host.element.updateComplete.then(() => host.root().querySelector<HTMLElement>('.arf-step-heading')?.focus());
      },
      requestUpdate: () => host.element.requestUpdate(),
    };
  }

  #resolvedSteps(): readonly ResolvedStep[] {
    const config = this.#host.config();
    if (!config) return [];
    const [strings, values] = [this.#host.strings(), this.#host.values()];
    const memo = this.#stepsMemo;
    if (memo?.config !== config || memo.strings !== strings || memo.values !== values) {
      this.#stepsMemo = { config, strings, values, steps: resolveSteps(config, this.#host.locale(), values) };
    }
    return this.#stepsMemo?.steps ?? [];
  }
}
