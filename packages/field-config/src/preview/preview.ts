import { html, LitElement, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { editorContext } from '../context.js';
import { sharedStyles } from '../shared.styles.js';
import { previewStyles } from './preview.styles.js';

/**
 * Internal: a live `<account-request-form>` fed with the draft config. It never stores what
 * is typed (`draft="off"`) and never sends anything: its submit event is cancelled.
 */
export class FfcPreview extends LitElement {
  static override styles = [sharedStyles, previewStyles];

  readonly #store = new ContextConsumer(this, { context: editorContext, subscribe: true });

  override render() {
    const store = this.#store.value;
    if (!store) return nothing;
    return html`<section aria-labelledby="title">
      <h2 id="title">${store.t.preview}</h2>
      <account-request-form
        part="form"
        draft="off"
        lang=${store.locale}
        .config=${store.config}
        @account-request-submit=${(event: Event) => event.preventDefault()}
      ></account-request-form>
    </section>`;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'ffc-preview': FfcPreview;
  }
}
