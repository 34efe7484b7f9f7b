import { createContext } from '@lit/context';
import type { FormConfig } from '@account-request/sdk';
import type { LookupStatus } from './controllers/lookup-capabilities.js';
import type { Strings } from './i18n.js';

/** One SDK pure edit, applied to the draft: `(config) => setDisplayed(config, id, true)`. */
export type Edit = (config: FormConfig) => FormConfig;

/**
 * What `<form-field-config>` shares with its rows, settings, custom fields and preview.
 * A new object after every change, so consumers re-render; never mutated.
 */
export interface EditorStore {
  /** The draft being edited. */
  readonly config: FormConfig;
  /** The last config loaded or saved. */
  readonly saved: FormConfig;
  /** The ETag of {@link saved}, when it came from the server. */
  readonly etag: string | undefined;
  /** The UI language tag, as inherited (the registry resolves it). */
  readonly locale: string;
  readonly t: Strings;
  /**
   * Applies an edit to the draft (recorded for undo, announced by `field-config-change`).
   * Returns the error the SDK threw when the edit breaks a rule; the draft is then unchanged.
   */
  readonly edit: (edit: Edit) => unknown;
  /** Says `message` through the editor's polite live region. */
  readonly announce: (message: string) => void;
  /** Which lookups the server has on (the settings show them); `undefined` while it is asked. */
  readonly lookups: LookupStatus;
}

/** The context `<form-field-config>` provides to its internal elements. */
export const editorContext = createContext<EditorStore | undefined>(Symbol('form-field-config'));
