import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CONFIG_LIMITS, FILE_KINDS, format, formatFileKinds, formatFileSize } from '@account-request/sdk';
import type { EditorStore } from '../context.js';
import type { FieldDraft } from './draft.js';

/** What the limits borrow from the custom-field form: its text control and its error line. */
export interface FileLimitsParts {
  readonly control: (name: 'maxBytes', label: string, options: { help: string }) => TemplateResult;
  readonly error: (name: 'accept' | 'maxFiles') => TemplateResult | typeof nothing;
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * The limits of a document-upload field in the custom-field form: the kinds accepted (boxes,
 * their names as the SDK writes them), the largest file in MB (the SDK's bound and default in
 * the help) and how many files (a list: one to the SDK's maximum).
 */
export function fileLimits(store: EditorStore, draft: FieldDraft, parts: FileLimitsParts): TemplateResult {
  const { t, locale } = store;
  const help = format(t.maxSizeHelp, { max: formatFileSize(CONFIG_LIMITS.maxFileBytes, locale), default: formatFileSize(CONFIG_LIMITS.defaultFileBytes, locale) });
  const counts = Array.from({ length: CONFIG_LIMITS.maxFilesPerField }, (_, i) => String(i + 1));
  const chosen = draft.maxFiles || '1';
  return html`<fieldset id="accept" aria-describedby=${parts.errors['accept'] ? 'accept-error' : nothing}>
      <legend>${t.fileKinds}</legend>
      ${FILE_KINDS.map(
        (kind) => html`<div class="check">
          <input type="checkbox" id=${`accept-${kind}`} name="accept" value=${kind} .checked=${live(draft.accept.includes(kind))} />
          <label for=${`accept-${kind}`}>${formatFileKinds([kind], locale)}</label>
        </div>`,
      )}
      ${parts.error('accept')}
    </fieldset>
    <div class="pair">
      ${parts.control('maxBytes', t.maxSize, { help })}
      <div class="control">
        <label for="maxFiles">${t.maxFiles}</label>
        <select id="maxFiles" name="maxFiles" aria-invalid=${parts.errors['maxFiles'] ? 'true' : nothing} aria-describedby=${parts.errors['maxFiles'] ? 'maxFiles-error' : nothing}>
          ${counts.map((count) => html`<option value=${count} ?selected=${count === chosen}>${count}</option>`)}
        </select>
        ${parts.error('maxFiles')}
      </div>
    </div>`;
}
