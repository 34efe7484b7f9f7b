import { html, LitElement, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { editorContext, type EditorStore } from '../context.js';
import { sharedStyles } from '../shared.styles.js';
import { previewStyles } from './preview.styles.js';
import { loadPreviewForm } from './load-form.js';

type FormState = 'loading' | 'ready' | 'failed';

// The preview sends nothing, and a page listening for its shop form's submits (analytics) must not count the preview's.
function stopSubmit(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
}

/**
 * Internal: a live `<account-request-form>` fed with the draft config. It never stores what
 * is typed (`draft="off"`) and never sends anything: its submit event is cancelled. The form's
 * code arrives when a preview is first shown (load-form.ts); until then the pane says so.
 */
export class FfcPreview extends LitElement {
  static override styles = [sharedStyles, previewStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });
  #form: FormState = 'loading';
  #loaded: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#loaded) this.#load();
  }

  // Resolves once the form's code is there (or could not be fetched) and shown.
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#loaded;
    return super.getUpdateComplete();
  }

  #load(): void {
    this.#form = 'loading';
    this.#loaded = loadPreviewForm().then(
      () => void (this.#form = 'ready'),
      () => void (this.#form = 'failed'),
    );
    this.requestUpdate();
    void this.#loaded.then(() => this.requestUpdate());
  }

  // The button goes with the message: the focus waits on the pane's heading, not on the page.
  #retry = (): void => {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.#load();
  };

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    return html`<section aria-labelledby="title">
      <h2 id="title" tabindex="-1">${store.t.preview}</h2>
      ${this.#form === 'ready'
        ? this.#renderForm(store)
        : this.#form === 'failed'
          ? html`<div role="alert">
              <p>${store.t.previewFailed}</p>
              <button type="button" @click=${this.#retry}>${store.t.previewRetry}</button>
            </div>`
          : html`<p role="status" aria-busy="true">${store.t.previewLoading}</p>`}
    </section>`;
  }

  #renderForm(store: EditorStore) {
    return html`<account-request-form
        part="form"
        draft="off"
        lang=${store.locale}
        .config=${store.config}
        @account-request-submit=${stopSubmit}
      ></account-request-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ffc-preview': FfcPreview;
  }
}
