// The steps chunk (account-request-form.steps.js beside the single-file bundle): fetched only by
// a form whose config has step breaks. Like the uploads chunk it imports types only: lit's
// `html` and the SDK's helpers come from the bundle in a kit (see uploads.ts for why).
import type { html, nothing, TemplateResult } from 'lit';
import type { format, ResolvedStep } from '@account-request/sdk';
import type { FieldValue } from '../fields/shared.js';
import type { FormStrings } from '../i18n.js';

export { styles } from './steps.styles.js';
import { answerText, type AnswerWords } from './answers.js';

/** What the chunk borrows from the bundle. */
export interface StepsKit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly format: typeof format;
  readonly countryName: AnswerWords['countryName'];
  readonly fileSize: AnswerWords['fileSize'];
  readonly day: AnswerWords['day'];
}

/** What the stepper asks of the form. */
export interface StepsHost {
  readonly strings: FormStrings;
  readonly locale: string;
  /** The form's id prefix, unique on the page. */
  readonly prefix: string;
  /** The steps for the current answers (they change with them). */
  steps(): readonly ResolvedStep[];
  value(id: string): FieldValue | undefined;
  /** True for a field the page fixed: its answer has no "Change" button. */
  fixed(id: string): boolean;
  /** Checks fields `ids`, shows their errors and focuses the first invalid one; true when all pass. */
  check(ids: readonly string[]): boolean;
  /** Focuses the control of field `id` after the next render. */
  focusField(id: string): void;
  /** Focuses the current step's heading after the next render. */
  focusHeading(): void;
  requestUpdate(): void;
}

/** The step shown now, for the current answers. */
export interface CurrentStep {
  readonly step: ResolvedStep;
  readonly index: number;
  readonly total: number;
  readonly last: boolean;
}

const keyOf = (step: ResolvedStep): string => step.before ?? '';

/**
 * A form in steps: which step is shown (kept by the field it starts at, so it stays put when
 * an answer makes another step appear or vanish), the progress heading, Back and Next, and
 * on the last step a summary of the earlier answers with a "Change" button each. Next checks
 * the current step only; Back checks nothing and keeps every value.
 */
export class Stepper {
  readonly #kit: StepsKit;
  readonly #host: StepsHost;
  #key = '';
  #index = 0;

  constructor(kit: StepsKit, host: StepsHost) {
    this.#kit = kit;
    this.#host = host;
  }

  /** The step to show for the current answers. */
  current(): CurrentStep | undefined {
    const steps = this.#host.steps();
    if (steps.length === 0) return undefined;
    let index = steps.findIndex((step) => keyOf(step) === this.#key);
    // The step shown vanished with an answer: stay at its place.
    if (index < 0) index = Math.min(this.#index, steps.length - 1);
    this.#index = index;
    const step = steps[index] as ResolvedStep;
    this.#key = keyOf(step);
    return { step, index, total: steps.length, last: index === steps.length - 1 };
  }

  /** Checks the current step; when it passes, shows the next one and focuses its heading. */
  next(): void {
    const current = this.current();
    if (!current || current.last || !this.#host.check(current.step.fields.map((field) => field.id))) return;
    this.#go(current.index + 1);
    this.#host.focusHeading();
  }

  /** Shows the previous step (nothing checked, nothing lost) and focuses its heading. */
  back(): void {
    const current = this.current();
    if (!current || current.index === 0) return;
    this.#go(current.index - 1);
    this.#host.focusHeading();
  }

  /** Shows the first step. */
  first(): void {
    this.#go(0);
  }

  /** Shows the step holding field `id`, if any (to focus an error or a field to change). */
  reveal(id: string): void {
    const index = this.#host.steps().findIndex((step) => step.fields.some((field) => field.id === id));
    if (index >= 0) this.#go(index);
  }

  #go(index: number): void {
    const step = this.#host.steps()[index];
    if (!step) return;
    this.#index = index;
    this.#key = keyOf(step);
    this.#host.requestUpdate();
  }

  #change(id: string): void {
    this.reveal(id);
    this.#host.focusField(id);
  }

  /** "Step 2 of 3" and the step's title: the heading that takes the focus on Next and Back. */
  heading(current: CurrentStep): TemplateResult {
    const { html, format } = this.#kit;
    const progress = format(this.#host.strings.stepOf, { n: current.index + 1, total: current.total });
    return html`<h2 part="step-heading" class="arf-step-heading" tabindex="-1">
      <span part="progress" class="arf-progress">${progress}</span>
      ${current.step.title ? html`<span part="step-title" class="arf-step-title">${current.step.title}</span>` : this.#kit.nothing}
    </h2>`;
  }

  /** Back (from the second step on) and, before the last step, Next: the form's default button, so Enter in a field goes on. */
  buttons(current: CurrentStep): TemplateResult {
    const { html } = this.#kit;
    const { strings } = this.#host;
    return html`${current.index > 0
      ? html`<button part="back" class="arf-button arf-secondary" type="button" @click=${() => this.back()}>${strings.back}</button>`
      : this.#kit.nothing}
    ${current.last ? this.#kit.nothing : html`<button part="next" class="arf-button" type="submit">${strings.next}</button>`}`;
  }

  /** On the last step: the answers of the steps before it, each with a button to change it. */
  summary(current: CurrentStep): TemplateResult | typeof nothing {
    const { html, format } = this.#kit;
    const { strings, locale } = this.#host;
    const before = this.#host.steps().slice(0, current.index);
    if (!current.last || before.length === 0) return this.#kit.nothing;
    const words: AnswerWords = { strings, locale, countryName: this.#kit.countryName, fileSize: this.#kit.fileSize, day: this.#kit.day };
    // Not a region: two forms in steps on one page would have two landmarks of the same name. The heading leads to it.
    return html`<div part="summary" class="arf-summary">
      <h3 class="arf-summary-title">${strings.review}</h3>
      ${before.map(
        (step, index) => html`${step.title || before.length > 1 ? html`<h4 class="arf-summary-step">${step.title ?? format(strings.stepOf, { n: index + 1, total: current.total })}</h4>` : this.#kit.nothing}
          <dl class="arf-answers">
            ${step.fields.map(
              (field) => html`<div part="answer" class="arf-answer">
                <dt>${field.label}</dt>
                <dd>${answerText(field, this.#host.value(field.id), words)}</dd>
                ${this.#host.fixed(field.id)
                  ? this.#kit.nothing
                  : html`<dd>
                      <button part="change" class="arf-link" type="button" aria-label=${format(strings.changeField, { field: field.label })} @click=${() => this.#change(field.id)}>
                        ${strings.change}
                      </button>
                    </dd>`}
              </div>`,
            )}
          </dl>`,
      )}
    </div>`;
  }
}
