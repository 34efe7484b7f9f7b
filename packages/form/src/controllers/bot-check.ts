import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { normalizeTag, registerLocale, texts } from '@account-request/sdk';
import type { AltchaWidgetElement } from 'altcha/types/generic';

type Chunk = typeof import('../bot-check/bot-check.js');

// The widget's own configuration: no cookie, no interaction signals collected, no third-party link.
const CONFIGURATION = JSON.stringify({ hideFooter: true, humanInteractionSignature: false });

/**
 * The bot check of a form whose config asks for it (`settings.botCheck`): loads the widget's
 * chunk on demand (forms without it never download it), renders the widget, which solves the
 * server's challenge as soon as it shows (no action from the person), and hands its solution
 * to the submission.
 */
export class BotCheckController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #chunk: Chunk | undefined;
  #loading: Promise<void> | undefined;
  #payload: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading the widget when `on` (once); the host renders it when it has arrived. */
  sync(on: boolean): void {
    if (!on || this.#chunk || this.#loading) return;
    this.#loading = import('../bot-check/bot-check.js').then(
      (chunk) => {
        for (const [tag, botCheck] of Object.entries(chunk.tables)) registerLocale(tag, { botCheck });
        this.#chunk = chunk;
        this.#host.requestUpdate();
      },
      // A chunk that could not be fetched may be asked again on the next render.
      () => void (this.#loading = undefined),
    );
  }

  /** The widget in `locale`, asking `challengeUrl` for challenges; nothing until its chunk has arrived. */
  render(locale: string, challengeUrl: string): TemplateResult | typeof nothing {
    const chunk = this.#chunk;
    if (!chunk) return nothing;
    return html`<link rel="stylesheet" href=${chunk.styleUrl} />
      <div part="bot-check" class="arf-bot-check">
        <altcha-widget
          challenge=${challengeUrl}
          auto="onload"
          name="altcha"
          language=${this.#language(chunk, locale)}
          configuration=${CONFIGURATION}
          @verified=${(event: CustomEvent<{ payload: string }>) => void (this.#payload = event.detail.payload)}
          @statechange=${(event: CustomEvent<{ state: string }>) => {
            if (event.detail.state !== 'verified') this.#payload = undefined;
          }}
        ></altcha-widget>
      </div>`;
  }

  /** What to say after the server refused a solution; `undefined` before the chunk arrived. */
  refusedText(locale: string): string | undefined {
    return this.#chunk ? texts('botCheck', locale).refused : undefined;
  }

  // Hands the widget its words in `locale` and returns the language key to set on it.
  #language(chunk: Chunk, locale: string): string {
    const key = normalizeTag(locale) || 'en';
    chunk.setWidgetStrings(key, texts('botCheck', locale).widget);
    return key;
  }

  /**
   * The widget's solution: at once when it is done, else once its work (started, or restarted
   * when it failed or expired) is over; `undefined` when it cannot be had.
   */
  async solution(root: ParentNode): Promise<string | undefined> {
    await this.#loading;
    await this.#host.updateComplete;
    if (this.#payload) return this.#payload;
    const widget = root.querySelector<AltchaWidgetElement>('altcha-widget');
    if (!widget?.verify) return undefined;
    if (widget.getState() === 'verifying') {
      await new Promise<void>((resolve) => {
        const done = (event: Event): void => {
          if ((event as CustomEvent<{ state: string }>).detail.state === 'verifying') return;
          widget.removeEventListener('statechange', done);
          resolve();
        };
        widget.addEventListener('statechange', done);
      });
      if (this.#payload) return this.#payload;
    }
    return (await widget.verify())?.payload ?? undefined;
  }

  /** After the server refused the solution: a new challenge, solved at once. */
  redo(root: ParentNode): void {
    this.#payload = undefined;
    const widget = root.querySelector<AltchaWidgetElement>('altcha-widget');
    if (!widget?.verify) return;
    widget.reset();
    void widget.verify();
  }
}
