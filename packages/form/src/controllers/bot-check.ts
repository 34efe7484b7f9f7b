import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { normalizeTag, registerLocale, texts } from '@account-request/sdk';
import type { AltchaWidgetElement } from 'altcha/types/generic';

type Chunk = typeof import('../bot-check/bot-check.js');

/**
 * The bot check of a form whose config asks for it (`settings.botCheck`): loads the widget's
 * chunk on demand (forms without it never download it), renders the widget, which solves the
 * server's challenge as soon as it shows (no action from the person), and hands its solution
 * to the submission. The widget's handling lives in the chunk, so this stays small.
 */
export class BotCheckController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #chunk: Chunk | undefined;
  #loading: Promise<void> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the widget when `on` (once); the host renders it when it has arrived. */
  sync(on: boolean): void {
    if (!on || this.#chunk || this.#loading) return;
    this.#loading = import('../bot-check/bot-check.js').then(
      (chunk) => {
        for (const [tag, botCheckWidget] of Object.entries(chunk.tables)) registerLocale(tag, { botCheckWidget });
        this.#chunk = chunk;
        this.#host.requestUpdate();
      },
      // A chunk that could not be fetched may be asked again on the next render.
      () => void (this.#loading = undefined),
    );
  }

  /** The widget in `locale`, asking `challengeUrl` for challenges; nothing until its chunk has arrived. */
  render(locale: string, challengeUrl: string): TemplateResult | typeof nothing {
    // The widget's words in `locale`, from the registry, under the language key it is given.
    return this.#chunk ? this.#chunk.render(html, normalizeTag(locale) || 'en', texts('botCheckWidget', locale), challengeUrl) : nothing;
  }

  /** What to say after the server refused a solution; `undefined` before the chunk arrived. */
  refusedText(locale: string): string | undefined {
    return this.#chunk?.refusedText(texts('botCheckWidget', locale));
  }

  /** The widget's solution, once it has one; `undefined` when it cannot be had. */
  async solution(root: ParentNode): Promise<string | undefined> {
    await this.#loading;
    await this.#host.updateComplete;
    const widget = this.#widget(root);
    return widget && this.#chunk ? this.#chunk.solution(widget) : undefined;
  }

  /** After the server refused the solution: a new challenge, solved at once. */
  redo(root: ParentNode): void {
    const widget = this.#widget(root);
    if (widget && this.#chunk) this.#chunk.redo(widget);
  }

  // The widget once defined (its methods come with the chunk's custom element).
  #widget(root: ParentNode): AltchaWidgetElement | undefined {
    const widget = root.querySelector<AltchaWidgetElement>('altcha-widget') ?? undefined;
    return widget?.verify ? widget : undefined;
  }
}
