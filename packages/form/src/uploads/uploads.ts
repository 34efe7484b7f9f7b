// The file-upload chunk (account-request-form.uploads.js beside the single-file bundle): fetched
// only by a form whose config shows a file field. It imports types only: lit's `html` and the
// SDK's helpers are the bundle's own, handed over in a kit, so that the bundle keeps every
// module it shares with this chunk inside itself instead of splitting them into a third file.
import type { html, nothing, TemplateResult } from 'lit';
import type { format, formatFileKinds, formatFileSize, ResolvedField } from '@account-request/sdk';
import type { FieldIds, FieldRenderState } from '../fields/shared.js';
import type { FormStrings } from '../i18n.js';

export { styles } from './uploads.styles.js';

/** What the chunk borrows from the bundle. */
export interface UploadsKit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly format: typeof format;
  readonly formatFileSize: typeof formatFileSize;
  readonly formatFileKinds: typeof formatFileKinds;
  /** The shared renderers' error block (`arf-error`, hidden "Error:" prefix). */
  readonly errorText: (state: FieldRenderState) => TemplateResult | typeof nothing;
  /** The label's required marker. */
  readonly requiredMarker: (state: FieldRenderState) => TemplateResult | typeof nothing;
}

/** One file field as the form holds it. */
export interface FileFieldState {
  readonly field: ResolvedField;
  readonly ids: FieldIds;
  readonly files: readonly File[];
  /** Names of the files chosen before a reload, which the draft could not keep. */
  readonly again: readonly string[];
  readonly error: string | undefined;
  readonly strings: FormStrings;
  readonly locale: string;
  /** The new list of files, and what to say about the change. */
  readonly change: (files: readonly File[], said: string) => void;
}

const lists = new WeakMap<readonly File[], FileList>();

// The input shows the files of the list (its own "2 files"), not only those of its last choice.
function fileList(files: readonly File[]): FileList {
  let list = lists.get(files);
  if (!list) {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    list = transfer.files;
    lists.set(files, list);
  }
  return list;
}

const same = (a: File, b: File): boolean => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified && a.type === b.type;

function names(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * A file field: a native `<input type="file">` with `accept` (and `multiple` when the field
 * takes several files), what it takes in words, the chosen files with their sizes and a
 * remove button each, and, after a reload, which files to choose again. A new choice adds to
 * the list (one file replaces it when the field takes one); the form checks the list with the
 * SDK at once, so a file too large or of a refused type is said before anything is sent.
 */
export function renderFileField(kit: UploadsKit, state: FileFieldState): TemplateResult {
  const { html, format } = kit;
  const { field, ids, files, strings, locale } = state;
  const shared: FieldRenderState = { field, ids, value: files, error: state.error, strings };
  const max = field.maxFiles ?? 1;
  const hintId = `${ids.input}-hint`;
  const againId = `${ids.input}-again`;
  const hint = format(strings.fileHint, { count: max, types: kit.formatFileKinds(field.accept ?? [], locale), size: kit.formatFileSize(field.maxBytes ?? 0, locale) }, locale);
  const again = state.again.length > 0;
  const describedBy = [field.help ? ids.help : '', hintId, again ? againId : '', state.error === undefined ? '' : ids.error].filter(Boolean).join(' ');
  const size = (file: File) => kit.formatFileSize(file.size, locale);

  const choose = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])].filter((file) => !files.some((kept) => same(kept, file)));
    // Only files already listed: nothing changes, but the picker left just them in the input,
    // which must keep holding the whole list (what it shows, and what a plain post would send).
    if (chosen.length === 0) return void (input.files = fileList(files));
    const next = max === 1 ? chosen.slice(0, 1) : [...files, ...chosen];
    const added = next.filter((file) => !files.includes(file)).map((file) => `${file.name} (${size(file)})`);
    state.change(next, format(strings.fileAdded, { count: added.length, names: names(added, locale) }, locale));
  };
  const remove = (file: File): void => {
    state.change(
      files.filter((kept) => kept !== file),
      format(strings.fileRemoved, { name: file.name }),
    );
  };

  return html`<div part="field" class="arf-field arf-file">
    <label part="label" class="arf-label" for=${ids.input}>${field.label} ${kit.requiredMarker(shared)}</label>
    ${field.help ? html`<div part="help" class="arf-help" id=${ids.help}>${field.help}</div>` : kit.nothing}
    <div part="help file-hint" class="arf-help" id=${hintId}>${hint}</div>
    ${again
      ? html`<div part="help file-again" class="arf-help arf-file-again" id=${againId}>
          ${format(strings.chooseAgain, { count: state.again.length, names: names(state.again, locale) }, locale)}
        </div>`
      : kit.nothing}
    <input
      part="input"
      class="arf-input arf-file-input"
      type="file"
      id=${ids.input}
      name=${field.id}
      accept=${field.acceptTypes ?? kit.nothing}
      ?multiple=${max > 1}
      ?required=${field.required}
      .files=${fileList(files)}
      aria-describedby=${describedBy}
      aria-invalid=${state.error === undefined ? kit.nothing : 'true'}
      @change=${choose}
    />
    ${files.length > 0
      ? html`<ul part="file-list" class="arf-files" aria-label=${format(strings.filesChosen, { field: field.label })}>
          ${files.map(
            (file) => html`<li part="file" class="arf-file-item">
              <span class="arf-file-name">${file.name}</span>
              <span class="arf-file-size">${size(file)}</span>
              <button part="remove" class="arf-button arf-secondary arf-small" type="button" aria-label=${format(strings.removeFile, { name: file.name })} @click=${() => remove(file)}>
                ${strings.remove}
              </button>
            </li>`,
          )}
        </ul>`
      : kit.nothing}
    ${kit.errorText(shared)}
  </div>`;
}
